/**
 * The rows of a table list kept as the bytes they were read from: the list's text between its brackets as the
 * importer writes it (codeset/stringify.ts listBody: one JSON array of strings a line, sorted by its first field),
 * known to be the importer's (its SHA-256 is the one the table carries: node/hcpcsTable.ts, node/aspTable.ts).
 * Nothing is parsed when it is read: only where each line starts is noted; rows are found by a binary search over
 * their first field (or by an index of their second field, made by the caller) and parsed when wanted, the whole list at once when all of
 * it is wanted. Used by codeset/packedHcpcsRows.ts and codeset/aspOnDemand.ts.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): JSON.parse and
 * the zod check of the HCPCS table's 9,006 rows cost about 25 ms of a start, of the ASP crosswalk's 7,125 rows about
 * 15 ms of the first check of a file with a drug line, cold.
 */

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;

export class PackedRows {
  /** Where each row's line starts (its `[`, after the newline). */
  private readonly starts: Int32Array;
  /** Where the last row's line ends (its newline). */
  private readonly lastEnd: number;
  private parsed: readonly (readonly string[])[] | undefined;
  private readonly decoder = new TextDecoder();

  /** `bytes`: a list's body as stringifyTable writes it ("\n" + rows joined by ",\n" + "\n  ", or nothing for an empty list). */
  constructor(private readonly bytes: Uint8Array) {
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

  /** The first field of row `row` (a code of capital letters, digits and dashes: the characters after its `["`). */
  firstField(row: number): string {
    return this.fieldAt(row, 2);
  }

  /** The second field of row `row` (a field without escapes: the characters after the first field's `","`). */
  secondField(row: number): string {
    return this.fieldAt(row, this.bytes.indexOf(QUOTE, this.starts[row] + 2) + 3 - this.starts[row]);
  }

  /** The text of row `row` from `at` bytes after its start to the next quote (a field without escapes). */
  private fieldAt(row: number, at: number): string {
    const from = this.starts[row] + at;
    const to = this.bytes.indexOf(QUOTE, from);
    let field = '';
    for (let i = from; i < to; i++) field += String.fromCharCode(this.bytes[i]);
    return field;
  }

  /** Row `row`, parsed. */
  row(row: number): readonly string[] {
    if (this.parsed) return this.parsed[row];
    let end = row + 1 < this.starts.length ? this.starts[row + 1] - 1 : this.lastEnd;
    if (this.bytes[end - 1] === COMMA) end--;
    return JSON.parse(this.decoder.decode(this.bytes.subarray(this.starts[row], end))) as string[];
  }

  /** The rows whose first field is `key`: [from, to), empty when none (the rows are sorted by it). */
  range(key: string): [number, number] {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.firstField(mid) < key) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.starts.length && this.firstField(end) === key) end++;
    return [lo, end];
  }

  /** Every row, parsed at once (and kept: `row` then reads from them). */
  all(): readonly (readonly string[])[] {
    return (this.parsed ??= JSON.parse(`[${this.decoder.decode(this.bytes)}]`) as string[][]);
  }
}
