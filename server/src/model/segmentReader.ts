/**
 * Reading values straight from the text of a parsed X12 document, one segment at a time.
 *
 * The model never materializes X12Segment trees: `load(i)` records the element boundaries of segment i in the
 * reader's own small table (the cursor), and the methods below slice values out of the text, sharing short values
 * through the value pool. A reader belongs to one document; it is synchronous and not re-entrant (a claim build or
 * an index build runs to its end before the next starts).
 */
import type { SegmentTable, Span, X12Document } from '../parse/x12';
import type { DateValue, NumericValue, Spanned } from './types';
import { sharedValuePool, type ValuePool } from './valuePool';

export class SegmentReader {
  readonly text: string;
  readonly segments: SegmentTable;
  private readonly elementSeparator: number;
  private readonly componentSeparator: number;
  /** -1 when the file declares none. */
  private readonly repetitionSeparator: number;
  private readonly pool: ValuePool;

  /** Element n (1-based) of the loaded segment spans [elementBounds[2n], elementBounds[2n + 1]). */
  private elementBounds = new Int32Array(128);
  /** Number of elements of the loaded segment. */
  elementCount = 0;
  /** Offset of the loaded segment's id. */
  segmentStart = 0;
  /** End of the loaded segment's content (before its terminator). */
  segmentEnd = 0;
  /** Component k (1-based) of the last split element spans [componentBounds[2k], componentBounds[2k + 1]). */
  private componentBounds = new Int32Array(32);
  /** Number of components of the last split element (its first repetition). */
  componentCount = 0;

  constructor(doc: X12Document, pool: ValuePool = sharedValuePool) {
    const d = doc.delimiters;
    if (!d) throw new Error('SegmentReader: the document has no delimiters');
    this.text = doc.text;
    this.segments = doc.segments;
    this.elementSeparator = d.element.charCodeAt(0);
    this.componentSeparator = d.component.charCodeAt(0);
    this.repetitionSeparator = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
    this.pool = pool;
  }

  /** Text [a, b), shared through the value pool. */
  value(a: number, b: number): string {
    return this.pool.value(this.text, a, b);
  }

  /** Make segment i the loaded segment: record its element boundaries. */
  load(i: number): void {
    const t = this.text;
    const segs = this.segments;
    const s = segs.starts[i];
    const e = segs.contentEnd(i);
    this.segmentStart = s;
    this.segmentEnd = e;
    const ec = this.elementSeparator;
    let eb = this.elementBounds;
    let p = s;
    while (p < e && t.charCodeAt(p) !== ec) p++;
    let n = 0;
    while (p < e) {
      const from = p + 1;
      let q = from;
      while (q < e && t.charCodeAt(q) !== ec) q++;
      n++;
      if (2 * n + 1 >= eb.length) {
        const nb = new Int32Array(eb.length * 2);
        nb.set(eb);
        this.elementBounds = eb = nb;
      }
      eb[2 * n] = from;
      eb[2 * n + 1] = q;
      p = q;
    }
    this.elementCount = n;
  }

  /** Span of the loaded segment (id and elements, no terminator). */
  segmentSpan(): Span {
    return { offset: this.segmentStart, length: this.segmentEnd - this.segmentStart };
  }

  /** Span of element n of the loaded segment. */
  elementSpan(n: number): Span {
    const eb = this.elementBounds;
    return { offset: eb[2 * n], length: eb[2 * n + 1] - eb[2 * n] };
  }

  /** Whether element n of the loaded segment is present and not empty. */
  hasElement(n: number): boolean {
    return n <= this.elementCount && this.elementBounds[2 * n] < this.elementBounds[2 * n + 1];
  }

  /** Whether element n is empty (or absent); n must be at most elementCount. */
  elementEmpty(n: number): boolean {
    return this.elementBounds[2 * n] === this.elementBounds[2 * n + 1];
  }

  /** Element n (1-based) of the loaded segment as a spanned string, null when absent or empty. */
  element(n: number): Spanned | null {
    if (n > this.elementCount) return null;
    const a = this.elementBounds[2 * n];
    const b = this.elementBounds[2 * n + 1];
    if (a === b) return null;
    return { value: this.pool.value(this.text, a, b), offset: a, length: b - a };
  }

  /**
   * Element n like `element(n)`, its value a copy of its own: a slice of 13 characters or more would keep the whole
   * text of this version alive (V8 slices point into it). For what outlives the version: the envelopes are carried
   * across edits (model/incremental.ts), so an ISA06/ISA08 slice kept the first version's 10 MB text for as long as
   * the file stayed open.
   */
  keptElement(n: number): Spanned | null {
    const e = this.element(n);
    // concatenating makes a string of two parts; slicing it copies the characters into a new string of their own
    if (e && e.value.length >= 13) e.value = (' ' + e.value).slice(1);
    return e;
  }

  /** Element n as a string, undefined when absent or empty (element(n)?.value without the object). */
  elementValue(n: number): string | undefined {
    if (n > this.elementCount) return undefined;
    const a = this.elementBounds[2 * n];
    const b = this.elementBounds[2 * n + 1];
    return a === b ? undefined : this.pool.value(this.text, a, b);
  }

  /** Whether element n of the loaded segment is exactly `v`. */
  elementIs(n: number, v: string): boolean {
    if (n > this.elementCount) return false;
    const a = this.elementBounds[2 * n];
    return this.elementBounds[2 * n + 1] - a === v.length && this.text.startsWith(v, a);
  }

  /** Element n as a number with its text; null when absent or empty. */
  number(n: number): NumericValue | null {
    if (n > this.elementCount) return null;
    const a = this.elementBounds[2 * n];
    const b = this.elementBounds[2 * n + 1];
    if (a === b) return null;
    const text = this.pool.value(this.text, a, b);
    return { value: parseX12Number(text), text, offset: a, length: b - a };
  }

  /** Split the first repetition of element n of the loaded segment into components (see component). */
  splitComponents(n: number): void {
    const t = this.text;
    const a = this.elementBounds[2 * n];
    const to = this.elementBounds[2 * n + 1];
    const cc = this.componentSeparator;
    const rc = this.repetitionSeparator;
    let cb = this.componentBounds;
    // one pass: components end at the component separator, the first repetition at the repetition separator
    let p = a;
    let k = 0;
    for (;;) {
      let q = p;
      let c = 0;
      while (q < to && (c = t.charCodeAt(q)) !== cc && c !== rc) q++;
      const last = q >= to || c === rc;
      k++;
      if (2 * k + 1 >= cb.length) {
        const nb = new Int32Array(cb.length * 2);
        nb.set(cb);
        this.componentBounds = cb = nb;
      }
      cb[2 * k] = p;
      cb[2 * k + 1] = q;
      if (last) break;
      p = q + 1;
    }
    this.componentCount = k;
  }

  /** Component k of the last split element, null when absent or empty. */
  component(k: number): Spanned | null {
    if (k > this.componentCount) return null;
    const a = this.componentBounds[2 * k];
    const b = this.componentBounds[2 * k + 1];
    if (a === b) return null;
    return { value: this.pool.value(this.text, a, b), offset: a, length: b - a };
  }

  /** Start of component k of the last split element (k at most componentCount). */
  componentStart(k: number): number {
    return this.componentBounds[2 * k];
  }

  /** End of component k of the last split element (k at most componentCount). */
  componentEnd(k: number): number {
    return this.componentBounds[2 * k + 1];
  }

  /** Component c of element n (first repetition) of the loaded segment, null when absent or empty. */
  componentOf(n: number, c: number): Spanned | null {
    if (n > this.elementCount) return null;
    this.splitComponents(n);
    return this.component(c);
  }

  /** Segment i read as a DTP: qualifier, format, value and the ISO date(s); null without qualifier or value. */
  date(i: number): DateValue | null {
    this.load(i);
    const qualifier = this.element(1);
    const value = this.element(3);
    if (!qualifier || !value) return null;
    const format = this.element(2);
    const pool = this.pool;
    let from: string | null = null;
    let to: string | null = null;
    const v = value.value;
    if (format?.value === 'RD8' || (format === null && v.length === 17 && v[8] === '-')) {
      const dash = v.indexOf('-');
      if (dash < 0) {
        from = pool.isoDate(v);
        to = pool.isoDate('');
      } else {
        const dash2 = v.indexOf('-', dash + 1);
        from = pool.isoDate(v.slice(0, dash));
        to = pool.isoDate(v.slice(dash + 1, dash2 < 0 ? v.length : dash2));
      }
    } else {
      from = pool.isoDate(v);
      to = from;
    }
    return { qualifier, format, value, from, to, segmentIndex: i, span: this.segmentSpan() };
  }
}

/**
 * An X12 numeric (N / R) value: the same as /^[+-]?(\d+\.?\d*|\.\d+)$/ then Number(), without the regex; null when
 * the text is not a number.
 */
export function parseX12Number(text: string): number | null {
  const n = text.length;
  let i = 0;
  if (n > 0 && (text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45)) i++;
  let digits = 0;
  let dot = false;
  // up to 15 digits the value is computed exactly (mantissa < 2^53, and mantissa / 10^k is correctly rounded, as
  // Number() is); longer numbers go through Number()
  let mantissa = 0;
  let scale = 1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (dot) scale *= 10;
    } else if (c === 46 && !dot) dot = true;
    else return null;
  }
  if (digits === 0) return null;
  if (digits <= 15) {
    const v = scale === 1 ? mantissa : mantissa / scale;
    return text.charCodeAt(0) === 45 ? -v : v;
  }
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}
