/**
 * The rows of a HCPCS table's `procedures` or `modifiers` list kept as the bytes they were read from: the list's
 * text between its brackets as the importer writes it (codeset/stringify.ts: one row a line, sorted by code), known
 * to be the importer's (its SHA-256 is the one the table carries: node/hcpcsTable.ts). Nothing is parsed at start:
 * a code's row is found by a binary search over the lines and parsed when its record is first wanted
 * (codeset/hcpcsRecordsOnDemand.ts); the whole list is parsed at once when all of it is wanted.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): parsing the HCPCS
 * table's 2 MB with JSON.parse and checking its 9,006 rows cost about 25 ms of a start, cold.
 */

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;

export class PackedHcpcsRows {
  /** Where each row's line starts (after its newline). */
  private readonly starts: Int32Array;
  /** Where the last row's line ends (its newline). */
  private readonly lastEnd: number;
  private parsed: readonly (readonly string[])[] | undefined;
  private readonly decoder = new TextDecoder();

  /**
   * `bytes`: the list's body as stringifyTable writes it ("\n" + rows joined by ",\n" + "\n  ", or nothing for an
   * empty list); `earliestTermination`: the table's (covered by the same digest).
   */
  constructor(
    private readonly bytes: Uint8Array,
    readonly earliestTermination: string | undefined,
  ) {
    const starts: number[] = [];
    let at = bytes.indexOf(NEWLINE);
    let last = -1;
    while (at >= 0) {
      const next = bytes.indexOf(NEWLINE, at + 1);
      if (next < 0) break; // the closing "  " before the bracket
      starts.push(at + 1);
      last = next;
      at = next;
    }
    this.starts = Int32Array.from(starts);
    this.lastEnd = last;
  }

  get length(): number {
    return this.starts.length;
  }

  /** The code (first field) of row `row`: the characters after its `["`, up to the closing quote. */
  code(row: number): string {
    const from = this.starts[row] + 2;
    const to = this.bytes.indexOf(QUOTE, from);
    let code = '';
    for (let i = from; i < to; i++) code += String.fromCharCode(this.bytes[i]);
    return code;
  }

  /** Row `row`, parsed. */
  row(row: number): readonly string[] {
    if (this.parsed) return this.parsed[row];
    let end = row + 1 < this.starts.length ? this.starts[row + 1] - 1 : this.lastEnd;
    if (this.bytes[end - 1] === COMMA) end--;
    return JSON.parse(this.decoder.decode(this.bytes.subarray(this.starts[row], end))) as string[];
  }

  /** The row of `code` (the last one if it is listed twice, as a map of the rows would keep), or -1. */
  find(code: string): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.code(mid) <= code) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.code(lo - 1) === code ? lo - 1 : -1;
  }

  /** Every row, parsed at once (and kept: `row` then reads from them). */
  all(): readonly (readonly string[])[] {
    return (this.parsed ??= JSON.parse(`[${this.decoder.decode(this.bytes)}]`) as string[][]);
  }
}
