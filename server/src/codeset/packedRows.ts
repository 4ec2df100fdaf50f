/**
 * The rows of a table list kept as the bytes they were read from: the list's text between its brackets as the
 * importer writes it (codeset/stringify.ts listBody: one JSON array of strings a line, sorted by its first field),
 * known to be the importer's (its SHA-256 is the one the table carries: node/hcpcsTable.ts, node/aspTable.ts).
 * Nothing is parsed when it is read: only where each line starts is noted; rows are found by a binary search over
 * their first field (or a byte search for a field's text) and parsed when wanted, the whole list at once when all of
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
    const from = this.starts[row] + 2;
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

  /**
   * The rows whose line holds `text` (ASCII) `at` bytes after its start, in row order: a byte search for the
   * text, each hit taken only where it stands in the row.
   */
  rowsWith(text: string, at: number): number[] {
    const pattern = Buffer.from(text, 'latin1');
    const bytes = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const rows: number[] = [];
    for (let hit = bytes.indexOf(pattern); hit >= 0; hit = bytes.indexOf(pattern, hit + 1)) {
      const row = this.rowAt(hit);
      if (row >= 0 && hit - this.starts[row] === at) rows.push(row);
    }
    return rows;
  }

  /** Every row, parsed at once (and kept: `row` then reads from them). */
  all(): readonly (readonly string[])[] {
    return (this.parsed ??= JSON.parse(`[${this.decoder.decode(this.bytes)}]`) as string[][]);
  }

  /** The row whose line holds byte `position`, or -1 before the first. */
  private rowAt(position: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
