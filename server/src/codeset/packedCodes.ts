/**
 * An ICD-10-CM codes column kept as the bytes it was read from, binary-searched in place: the table's `codes` array
 * (one quoted code a line, as the importer writes it) is scanned once, checking each code's form and their order,
 * and only the bytes and the offset and length of each code are kept. No JSON.parse of the column, no 74,719 strings made, no zod
 * pass over them; a code's string is cut out when it is asked for (a claim file names a few hundred).
 *
 * The scan takes exactly what JSON.parse would give for a list of strings of capital letters and digits, each of
 * the ICD-10-CM form (as codeset/schema.ts checks it), in strictly ascending order; anything else (another form, an
 * escape, a code out of order) is refused, and the reader then parses and checks the table whole, through its zod
 * schema, which names the file and field of a fault (node/icd10Table.ts).
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): parsing and
 * checking a year's codes column cost about 23 ms cold (JSON.parse 12, the zod loop 11; the scan 7), and again for
 * the other fiscal year on the first check of a file dated in it.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const A = 0x41;
const Z = 0x5a;
const ZERO = 0x30;
const NINE = 0x39;

export class PackedCodes {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly starts: Int32Array,
    private readonly lengths: Uint8Array,
  ) {}

  /**
   * The codes of a JSON array body (the bytes `from` to `to` of `source`: what stands between its `[` and `]`), or
   * undefined when it is not a list of ICD-10-CM codes without the dot (a capital letter, then 2 to 6 capital
   * letters or digits) in strictly ascending order. Those bytes are copied; `source` is not kept.
   */
  static scan(source: Uint8Array, from: number, to: number): PackedCodes | undefined {
    const b = new Uint8Array(source.subarray(from, to));
    const end = b.length;
    // the shortest entry is `"A00",`: no more codes than that
    const starts = new Int32Array(Math.floor(end / 6) + 1);
    const lengths = new Uint8Array(starts.length);
    let n = 0;
    let i = 0;
    let prevStart = 0;
    let prevLength = 0;
    // one plain loop over the bytes, white space tested inline (cold code: a start runs it once a year)
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
      lengths[n] = length;
      n++;
      prevStart = start;
      prevLength = length;
      x = b[++i];
      while (i < end && (x === 0x0a || x === 0x20 || x === 0x0d || x === 0x09)) x = b[++i];
      if (i === end) break;
      if (x !== COMMA) return undefined;
      i++;
    }
    return new PackedCodes(b, starts.slice(0, n), lengths.slice(0, n));
  }

  get length(): number {
    return this.starts.length;
  }

  codeAt(i: number): string {
    const s = this.starts[i];
    return String.fromCharCode(...this.bytes.subarray(s, s + this.lengths[i]));
  }

  /** The position of `code` (no dot, upper case), or -1. No string is made. */
  indexOf(code: string): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.compareWith(code, mid);
      if (d === 0) return mid;
      if (d > 0) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  }

  /** All the codes as strings (for a caller that wants the plain column). */
  toArray(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.codeAt(i));
  }

  /** `code` against code `i`, as JavaScript compares strings (by UTF-16 code unit). */
  private compareWith(code: string, i: number): number {
    const b = this.bytes;
    const s = this.starts[i];
    const n = this.lengths[i];
    const m = Math.min(n, code.length);
    for (let k = 0; k < m; k++) {
      const d = code.charCodeAt(k) - b[s + k];
      if (d !== 0) return d;
    }
    return code.length - n;
  }
}
