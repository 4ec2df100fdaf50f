/**
 * The HCPCS records of a release decoded from their table rows when first asked for: a code's record when it is
 * looked up (a claim file names a few dozen codes), all of them when the whole list is wanted (the search index
 * built while the server is idle, the codes spelled like an unknown one). At start only a map from each code to
 * its row is made, not 8,623 records with their split lists.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): decoding every
 * row cost 10 to 17 ms of a start, cold, and its garbage.
 */
import type { HcpcsRecord } from './types';
import { decodeHcpcsRow, HCPCS_COLUMNS } from './tableFormat';

const TERMINATED = HCPCS_COLUMNS.indexOf('terminated');

export class HcpcsRecordsOnDemand {
  private readonly rowOf = new Map<string, number>();
  private readonly decoded: (HcpcsRecord | undefined)[];
  private list: readonly HcpcsRecord[] | undefined;

  constructor(
    private readonly rows: readonly (readonly string[])[],
    private readonly kind: HcpcsRecord['kind'],
  ) {
    // a code listed twice: its last row, as a Map built from the records would keep
    for (let i = 0; i < rows.length; i++) this.rowOf.set(rows[i][0], i);
    this.decoded = new Array<HcpcsRecord | undefined>(rows.length);
  }

  get length(): number {
    return this.rows.length;
  }

  /** The record of an exact code (already trimmed and in upper case), or undefined. */
  get(code: string): HcpcsRecord | undefined {
    const row = this.rowOf.get(code);
    return row === undefined ? undefined : this.at(row);
  }

  /** The record of row `row`: always the same object. */
  at(row: number): HcpcsRecord {
    return (this.decoded[row] ??= decodeHcpcsRow(this.rows[row], this.kind));
  }

  /** Every record, in the table's order. */
  all(): readonly HcpcsRecord[] {
    if (!this.list) {
      const list: HcpcsRecord[] = [];
      for (let i = 0; i < this.rows.length; i++) list.push(this.at(i));
      this.list = list;
    }
    return this.list;
  }

  /** The earliest termination date of any row, without decoding them. */
  earliestTermination(): string | undefined {
    let min: string | undefined;
    for (const row of this.rows) {
      const t = row[TERMINATED];
      if (t && (!min || t < min)) min = t;
    }
    return min;
  }
}
