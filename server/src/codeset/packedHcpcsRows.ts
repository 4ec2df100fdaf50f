/**
 * The rows of a HCPCS table's `procedures` or `modifiers` list kept packed (codeset/packedRows.ts), known to be the
 * importer's (node/hcpcsTable.ts): a code's row is found by a binary search over the lines and parsed when its
 * record is first wanted (codeset/hcpcsRecordsOnDemand.ts). The earliest termination date comes with them (covered
 * by the same digest).
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): parsing the HCPCS
 * table's 2 MB with JSON.parse and checking its 9,006 rows cost about 25 ms of a start, cold.
 */
import { PackedRows } from './packedRows';

export class PackedHcpcsRows extends PackedRows {
  constructor(
    bytes: Uint8Array,
    readonly earliestTermination: string | undefined,
  ) {
    super(bytes);
  }

  /** The code of row `row`. */
  code(row: number): string {
    return this.firstField(row);
  }

  /** The row of `code` (the last one if it is listed twice, as a map of the rows would keep), or -1. */
  find(code: string): number {
    const [from, to] = this.range(code);
    return to > from ? to - 1 : -1;
  }
}
