/**
 * The HCPCS records of a release decoded from their table rows when first asked for: a code's record when it is
 * looked up (a claim file names a few dozen codes), all of them when the whole list is wanted (the search index
 * built while the server is idle, the codes spelled like an unknown one). At start only a map from each code to
 * its row is made, not 8,623 records with their split lists; rows kept as the importer's bytes
 * (codeset/packedHcpcsRows.ts) are binary-searched instead, and parsed one by one.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): decoding every
 * row cost 10 to 17 ms of a start, cold, and its garbage.
 */
import type { HcpcsRecord } from './types';
import { decodeHcpcsRow, HCPCS_COLUMNS } from './tableFormat';
import { PackedHcpcsRows } from './packedHcpcsRows';

const TERMINATED = HCPCS_COLUMNS.indexOf('terminated');

/** The rows of a table read whole (parsed and checked), or kept packed. */
export type HcpcsRows = readonly (readonly string[])[] | PackedHcpcsRows;

export class HcpcsRecordsOnDemand {
  private readonly rowOf: Map<string, number> | undefined;
  private readonly decoded: (HcpcsRecord | undefined)[];
  private list: readonly HcpcsRecord[] | undefined;

  constructor(
    private readonly rows: HcpcsRows,
    private readonly kind: HcpcsRecord['kind'],
  ) {
    if (!(rows instanceof PackedHcpcsRows)) {
      // a code listed twice: its last row, as a Map built from the records would keep
      const rowOf = new Map<string, number>();
      for (let i = 0; i < rows.length; i++) rowOf.set(rows[i][0], i);
      this.rowOf = rowOf;
    }
    this.decoded = new Array<HcpcsRecord | undefined>(rows.length);
  }

  get length(): number {
    return this.rows.length;
  }

  /** The record of an exact code (already trimmed and in upper case), or undefined. */
  get(code: string): HcpcsRecord | undefined {
    const row = this.rowOf ? this.rowOf.get(code) : (this.rows as PackedHcpcsRows).find(code);
    return row === undefined || row < 0 ? undefined : this.at(row);
  }

  /** The record of row `row`: always the same object. */
  at(row: number): HcpcsRecord {
    return (this.decoded[row] ??= decodeHcpcsRow(this.rowAt(row), this.kind));
  }

  /** Every record, in the table's order. */
  all(): readonly HcpcsRecord[] {
    if (!this.list) {
      if (this.rows instanceof PackedHcpcsRows) this.rows.all(); // one parse of the whole list, not one a row
      const list: HcpcsRecord[] = [];
      for (let i = 0; i < this.rows.length; i++) list.push(this.at(i));
      this.list = list;
    }
    return this.list;
  }

  /** The earliest termination date of any row, without decoding them (packed rows: the table's, digested with them). */
  earliestTermination(): string | undefined {
    if (this.rows instanceof PackedHcpcsRows) return this.rows.earliestTermination;
    let min: string | undefined;
    for (const row of this.rows) {
      const t = row[TERMINATED];
      if (t && (!min || t < min)) min = t;
    }
    return min;
  }

  private rowAt(row: number): readonly string[] {
    return this.rows instanceof PackedHcpcsRows ? this.rows.row(row) : this.rows[row];
  }
}
