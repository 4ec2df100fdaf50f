/**
 * One ICD-10-CM fiscal year in memory: the table's two columns as read, looked up by binary search over the codes
 * (sorted, as the importer writes them), and a record object made only when a code is first looked up (a claim file
 * names a few hundred codes of the 74,719).
 *
 * Speed trick. Protects: "server start to first diagnostics (small file)" (README benchmark table): the start
 * built 74,719 {code, description} objects and a map of them for each year it read (10-30 ms each, the map alone
 * 3 MB), and a claim dated in the other fiscal year built them again for that year on its first check. A look-up
 * is 17 string comparisons; the rules ask the current year through the memo of codeset/codeFacts.ts.
 */
import type { Icd10Record } from './types';
import type { PackedCodes } from './packedCodes';

export class Icd10Lookup {
  private readonly codes: readonly string[] | undefined;
  /**
   * The codes kept as the bytes they were read from (codeset/packedCodes.ts), sorted, instead of `codes`; their
   * records are kept by the code's byte position (a look-up by code needs no row numbers).
   */
  private readonly packed: PackedCodes | undefined;
  /** The descriptions in code order, once had (a deferred column is asked for on the first description wanted). */
  private descriptions: readonly string[] | undefined;
  private readonly deferred: (() => readonly string[]) | undefined;
  /** The table row of each position, when the table was out of code order. */
  private readonly order: readonly number[] | undefined;
  private readonly records: (Icd10Record | undefined)[] = [];
  private readonly packedRecords = new Map<number, Icd10Record>();

  /**
   * `descriptions`: the column, or a function giving it on first use (node/icd10Table.ts: a start parses no
   * description; protects the same figure).
   */
  constructor(column: readonly string[] | PackedCodes, descriptions: readonly string[] | (() => readonly string[])) {
    if (!Array.isArray(column)) {
      this.packed = column as PackedCodes; // sorted, each code once (its scan refuses anything else)
      if (typeof descriptions === 'function') this.deferred = descriptions;
      else this.descriptions = descriptions;
      return;
    }
    let codes = column as readonly string[];
    let sorted = true;
    for (let i = 1; i < codes.length && sorted; i++) if (codes[i - 1] > codes[i]) sorted = false;
    if (!sorted) {
      // a hand-made or older table out of order: sort once (stable, so of two equal codes the later still wins)
      const order = Array.from({ length: codes.length }, (_, i) => i).sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : a - b));
      codes = order.map((i) => codes[i]);
      this.order = order;
    }
    this.codes = codes;
    if (typeof descriptions === 'function') this.deferred = descriptions;
    else this.descriptions = this.order ? this.order.map((i) => descriptions[i]) : descriptions;
    this.records = new Array<Icd10Record | undefined>(codes.length);
  }

  private allDescriptions(): readonly string[] {
    if (!this.descriptions) {
      const column = this.deferred!();
      const order = this.order;
      this.descriptions = order ? order.map((i) => column[i] ?? '') : column;
    }
    return this.descriptions;
  }

  get size(): number {
    return this.packed ? this.packed.length : this.codes!.length;
  }

  /** The record of a normalized code (no dot, upper case), the same object each time; of two equal codes, the later. */
  get(code: string): Icd10Record | undefined {
    if (this.packed) {
      const p = this.packed.positionOf(code);
      return p < 0 ? undefined : this.packedAt(p);
    }
    const codes = this.codes!;
    // the last row whose code is <= code
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (codes[mid] <= code) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && codes[lo - 1] === code ? this.at(lo - 1) : undefined;
  }

  /** The record of row `i`, in code order. */
  at(i: number): Icd10Record {
    if (this.packed) return this.packedAt(this.packed.startOf(i));
    let r = this.records[i];
    if (!r) {
      r = this.record(this.codes![i], () => i);
      this.records[i] = r;
    }
    return r;
  }

  /** The record of the packed code at byte `position`. */
  private packedAt(position: number): Icd10Record {
    let r = this.packedRecords.get(position);
    if (!r) {
      const packed = this.packed!;
      r = this.record(packed.codeAtPosition(position), () => packed.rowOf(position));
      this.packedRecords.set(position, r);
    }
    return r;
  }

  private record(code: string, row: () => number): Icd10Record {
    if (this.descriptions) return { code, description: this.descriptions[row()] };
    // the description is read when it is first shown: checking a claim needs the code only
    const lookup = this;
    return {
      code,
      get description() {
        return lookup.descriptionAt(row());
      },
    };
  }

  /** The code of row `i` (no record is made). */
  codeAt(i: number): string {
    return this.packed ? this.packed.codeAt(i) : this.codes![i];
  }

  /** The description of row `i` (no record is made). */
  descriptionAt(i: number): string {
    return this.allDescriptions()[i] ?? '';
  }
}
