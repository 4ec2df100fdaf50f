/**
 * Speed trick: one string per short value. Qualifiers, codes, modifiers, units and dates repeat a lot in a claim
 * file, so the segment reader takes them from this pool instead of slicing a new string each time, and the ISO form
 * of an 8-digit date is remembered by its (pooled) input.
 *
 * Protects: "parse + claim model (index and every claim built once), 10 MB" (README benchmark table, 158 ms) and
 * the heap of the claims built per validation.
 *
 * The pool is shared by every document on purpose (one per process, see `sharedValuePool`): after an edit the new
 * claim index reads the same values again and finds them. It holds only copies of short values, at most
 * POOL_SIZE + DATE_CACHE_SIZE of them.
 */

const POOL_SIZE = 4096;
const DATE_CACHE_SIZE = 4096;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export class ValuePool {
  /**
   * Values of up to 8 ASCII characters are keyed exactly by their packed characters (key1: length and characters
   * 0-3, 7 bits each; key2: characters 4-7), so a hit needs no character comparison; 9-10 characters (or non-ASCII)
   * go by a hash and compare the characters (key1 = -1 marks those slots, a value no packed key has).
   */
  private readonly values: string[] = new Array<string>(POOL_SIZE).fill('');
  private readonly key1 = new Int32Array(POOL_SIZE);
  private readonly key2 = new Int32Array(POOL_SIZE);
  /** isoDate results by input (dates repeat a lot in a file; inputs are at most 8 characters). */
  private readonly isoDates = new Map<string, string | null>();

  /** `text.slice(a, b)`, shared with earlier reads of the same value when it is at most 10 characters long. */
  value(text: string, a: number, b: number): string {
    const len = b - a;
    const t = text;
    if (len > 10) return t.slice(a, b);
    if (len <= 8) {
      let k1 = len << 28;
      let k2 = 0;
      let or = 0;
      const m = len < 4 ? len : 4;
      for (let i = 0; i < m; i++) {
        const c = t.charCodeAt(a + i);
        or |= c;
        k1 |= c << (7 * i);
      }
      for (let i = 4; i < len; i++) {
        const c = t.charCodeAt(a + i);
        or |= c;
        k2 |= c << (7 * (i - 4));
      }
      if (or < 128) {
        const slot = (Math.imul(k1 ^ Math.imul(k2, 0x9e3779b1), 0x85ebca6b) >>> 20) & (POOL_SIZE - 1);
        if (this.key1[slot] === k1 && this.key2[slot] === k2) return this.values[slot];
        const v = t.slice(a, b);
        this.values[slot] = v;
        this.key1[slot] = k1;
        this.key2[slot] = k2;
        return v;
      }
    }
    let h = len;
    for (let i = a; i < b; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
    const slot = (h ^ (h >>> 12)) & (POOL_SIZE - 1);
    const s = this.values[slot];
    if (this.key1[slot] === -1 && s.length === len) {
      let i = 0;
      while (i < len && s.charCodeAt(i) === t.charCodeAt(a + i)) i++;
      if (i === len) return s;
    }
    const v = t.slice(a, b);
    this.values[slot] = v;
    this.key1[slot] = -1;
    return v;
  }

  /** A CCYYMMDD date as YYYY-MM-DD, null when it is not a valid calendar date (remembered by input). */
  isoDate(d: string): string | null {
    if (d.length !== 8) return null;
    const hit = this.isoDates.get(d);
    if (hit !== undefined) return hit;
    const r = isoDateOf(d);
    if (this.isoDates.size >= DATE_CACHE_SIZE) this.isoDates.clear();
    this.isoDates.set(d, r);
    return r;
  }
}

/** The pool every segment reader uses unless given another. */
export const sharedValuePool = new ValuePool();

/** A CCYYMMDD date as YYYY-MM-DD, null when it is not a valid calendar date. */
export function isoDateOf(d: string): string | null {
  if (d.length !== 8) return null;
  for (let i = 0; i < 8; i++) {
    const c = d.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  let y = +d.slice(0, 4);
  const m = +d.slice(4, 6);
  const day = +d.slice(6, 8);
  if (m < 1 || m > 12 || day < 1 || day > 31) return null;
  if (y < 100) y += 1900; // as Date.UTC reads two-digit years (kept for compatibility)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (day > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}
