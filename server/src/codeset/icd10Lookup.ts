/**
 * One ICD-10-CM fiscal year in memory: the table's two columns as read, a map from code to row, and a record object
 * made only when a code is first looked up (a claim file names a few hundred codes of the 74,719).
 *
 * Speed trick. Protects: "server start to first diagnostics (small file)" (README benchmark table): the start
 * built 74,719 {code, description} objects for each year it read, and a claim dated in the other fiscal year
 * built them again for that year on the first check.
 */
import type { Icd10Record } from './types';

export class Icd10Lookup {
  private readonly rowOf = new Map<string, number>();
  private readonly records: (Icd10Record | undefined)[];

  constructor(
    private readonly codes: readonly string[],
    private readonly descriptions: readonly string[],
  ) {
    const rowOf = this.rowOf;
    for (let i = 0; i < codes.length; i++) rowOf.set(codes[i], i);
    this.records = new Array<Icd10Record | undefined>(codes.length);
  }

  get size(): number {
    return this.codes.length;
  }

  /** The record of a normalized code (no dot, upper case), the same object each time. */
  get(code: string): Icd10Record | undefined {
    const i = this.rowOf.get(code);
    return i === undefined ? undefined : this.at(i);
  }

  /** The record of row `i`, in table order. */
  at(i: number): Icd10Record {
    return (this.records[i] ??= { code: this.codes[i], description: this.descriptions[i] });
  }

  /** The code of row `i` (no record is made). */
  codeAt(i: number): string {
    return this.codes[i];
  }

  /** The description of row `i` (no record is made). */
  descriptionAt(i: number): string {
    return this.descriptions[i];
  }
}
