/**
 * An ICD-10-CM codes column kept as the bytes it was read from, binary-searched in place: the table's `codes` array
 * (one quoted code a line, as the importer writes it) is scanned once, checking each code's form and their order,
 * and only the bytes and the offset of each code are kept. No JSON.parse of the column, no 74,719 strings made, no zod
 * pass over them; a code's string is cut out when it is asked for (a claim file names a few hundred).
 *
 * The scan takes exactly what JSON.parse would give for a list of strings of capital letters and digits, each of
 * the ICD-10-CM form (as codeset/schema.ts checks it), in strictly ascending order; anything else (another form, an
 * escape, a code out of order) is refused, and the reader then parses and checks the table whole, through its zod
 * schema, which names the file and field of a fault (node/icd10Table.ts).
 *
 * A version 3 table (what the importer writes) carries the SHA-256 of its codes column's bytes; when the bytes
 * match it they are the importer's, whose codes it checked and sorted, so the scan waits until a row is first asked
 * for by number (the idle search index, a description): a code is found by a binary search over the lines, without
 * offsets (`trusted`).
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): parsing and
 * checking a year's codes column cost about 23 ms cold (JSON.parse 12, the zod loop 11; the scan 7 to 25 in the
 * server, cold code), and again for the other fiscal year on the first check of a file dated in it; the digest of
 * the column about 1 ms.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const A = 0x41;
const Z = 0x5a;
const ZERO = 0x30;
const NINE = 0x39;

export class PackedCodes {
  private offsets: Int32Array | undefined;

  private constructor(
    private readonly bytes: Uint8Array,
    offsets: Int32Array | undefined,
  ) {
    this.offsets = offsets;
  }

  /**
   * The codes of a JSON array body (the bytes `from` to `to` of `source`: what stands between its `[` and `]`), or
   * undefined when it is not a list of ICD-10-CM codes without the dot (a capital letter, then 2 to 6 capital
   * letters or digits) in strictly ascending order. Those bytes are copied; `source` is not kept.
   */
  static scan(source: Uint8Array, from: number, to: number): PackedCodes | undefined {
    const bytes = new Uint8Array(source.subarray(from, to));
    const offsets = scanOffsets(bytes);
    return offsets ? new PackedCodes(bytes, offsets) : undefined;
  }

  /**
   * The codes of an array body written by the importer (codeset/stringify.ts columnBody: one quoted code a line),
   * known to be its bytes (their SHA-256 is the one it wrote): nothing is checked or scanned until a row is asked
   * for by number. Copied, as `scan`'s.
   */
  static trusted(source: Uint8Array, from: number, to: number): PackedCodes {
    return new PackedCodes(new Uint8Array(source.subarray(from, to)), undefined);
  }

  /** Offsets of every code (scanned on the first call for trusted bytes: the importer's layout always passes). */
  private rows(): Int32Array {
    return (this.offsets ??= scanOffsets(this.bytes) ?? new Int32Array(0));
  }

  get length(): number {
    return this.rows().length;
  }

  codeAt(row: number): string {
    return this.codeAtPosition(this.startOf(row));
  }

  /** Where code `row` starts in the bytes (after its opening quote). */
  startOf(row: number): number {
    return this.rows()[row];
  }

  /** The row of the code starting at `position` (one that `positionOf` or `startOf` gave). */
  rowOf(position: number): number {
    const starts = this.rows();
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The code starting at `position`. */
  codeAtPosition(position: number): string {
    const b = this.bytes;
    let end = position;
    while (end < b.length && b[end] !== QUOTE) end++;
    return String.fromCharCode(...b.subarray(position, end));
  }

  /** Where `code` (no dot, upper case) starts in the bytes, or -1. No string is made. */
  positionOf(code: string): number {
    const offsets = this.offsets;
    if (offsets) {
      let lo = 0;
      let hi = offsets.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const d = this.compareAt(code, offsets[mid]);
        if (d === 0) return offsets[mid];
        if (d > 0) lo = mid + 1;
        else hi = mid;
      }
      return -1;
    }
    return this.positionInLines(code);
  }

  /**
   * `positionOf` over the importer's layout without offsets: a binary search over byte positions, each probe moved
   * to the next opening quote (a quote right after a line end), else the last one before it.
   */
  private positionInLines(code: string): number {
    const b = this.bytes;
    const opens = (i: number) => b[i] === QUOTE && b[i - 1] === LINE_END;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      let p = mid;
      while (p < hi && !opens(p)) p++;
      if (p >= hi) {
        p = mid - 1;
        while (p >= lo && !opens(p)) p--;
        if (p < lo) return -1;
      }
      const d = this.compareAt(code, p + 1);
      if (d === 0) return p + 1;
      if (d > 0) lo = p + 1;
      else hi = p;
    }
    return -1;
  }

  /** The position of `code`'s row, or -1 (builds the offsets). */
  indexOf(code: string): number {
    const p = this.positionOf(code);
    return p < 0 ? -1 : this.rowOf(p);
  }

  /** All the codes as strings (for a caller that wants the plain column). */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.codeAt(i));
  }

  /** `code` against the code starting at `s`, as JavaScript compares strings (by UTF-16 code unit). */
  private compareAt(code: string, s: number): number {
    const b = this.bytes;
    let k = 0;
    for (; k < code.length; k++) {
      const c = b[s + k];
      if (c === QUOTE || c === undefined) return 1; // the code in the bytes is a prefix of `code`
      const d = code.charCodeAt(k) - c;
      if (d !== 0) return d;
    }
    return b[s + k] === QUOTE ? 0 : -1;
  }
}

const LINE_END = 0x0a;

/** One plain loop over the bytes, white space tested inline (cold code: a start runs it once a year at most). */
function scanOffsets(b: Uint8Array): Int32Array | undefined {
  const end = b.length;
  // the shortest entry is `"A00",`: no more codes than that
  const starts = new Int32Array(Math.floor(end / 6) + 1);
  let n = 0;
  let i = 0;
  let prevStart = 0;
  let prevLength = 0;
  for (;;) {
    let x = b[i];
    while (i < end && (x === 0x0a || x === 0x20 || x === 0x0d || x === 0x09)) x = b[++i];
    if (i === end) {
      if (n > 0) return undefined; // a comma with nothing after it
      break;
    }
    if (x !== QUOTE) return undefined;
    const start = ++i;
    x = b[i];
    if (!(x >= A && x <= Z)) return undefined;
    x = b[++i];
    while ((x >= A && x <= Z) || (x >= ZERO && x <= NINE)) x = b[++i]; // undefined past the end: stops
    const length = i - start;
    if (length < 3 || length > 7 || x !== QUOTE) return undefined;
    if (n > 0) {
      // strictly after the one before (as strings compare: these are single-byte characters)
      const m = length < prevLength ? length : prevLength;
      let d = 0;
      for (let q = 0; q < m && d === 0; q++) d = b[start + q] - b[prevStart + q];
      if (d < 0 || (d === 0 && length <= prevLength)) return undefined;
    }
    starts[n] = start;
    n++;
    prevStart = start;
    prevLength = length;
    x = b[++i];
    while (i < end && (x === 0x0a || x === 0x20 || x === 0x0d || x === 0x09)) x = b[++i];
    if (i === end) break;
    if (x !== COMMA) return undefined;
    i++;
  }
  return starts.slice(0, n);
}
