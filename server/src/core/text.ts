/**
 * Offset <-> line/character mapping, counted in UTF-16 code units as LSP does (a JS string index is
 * already a UTF-16 offset, so no transcoding is needed). Build one `LineIndex` per document version;
 * lookups are a binary search over line starts.
 */
import { trimmed } from './trimmedArrays';

/** A zero-based line and UTF-16 character, the LSP `Position` shape without depending on LSP. */
export interface LineCharacter {
  line: number;
  character: number;
}

/** Line breaks are \n, \r\n and a lone \r (as LSP and VS Code count them). */
export class LineIndex {
  /** Offset of the first character of each line; lineStarts[0] === 0. */
  readonly lineStarts: Uint32Array;
  readonly length: number;

  /** `lineStarts` when already known (see `LineIndex.update`); otherwise the text is scanned. */
  constructor(
    readonly text: string,
    lineStarts?: Uint32Array,
  ) {
    this.length = text.length;
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    let starts = new Uint32Array(Math.max(16, (text.length >> 5) + 1));
    let count = 1; // starts[0] = 0
    const n = text.length;
    if (text.indexOf('\r') < 0) {
      // only \n breaks (the usual case): let the native search find them
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        if (count === starts.length) {
          const grown = new Uint32Array(starts.length * 2);
          grown.set(starts);
          starts = grown;
        }
        starts[count++] = i + 1;
      }
      this.lineStarts = trimmed(starts, count);
      return;
    }
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c > 13) continue;
      if (c === 10 || c === 13) {
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        if (count === starts.length) {
          const grown = new Uint32Array(starts.length * 2);
          grown.set(starts);
          starts = grown;
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = trimmed(starts, count);
  }

  /**
   * The index of `text`, which is `old.text` with `edit.removed` characters at `edit.offset` replaced by
   * `edit.inserted`: starts before the edit kept, starts inside the inserted text scanned, starts after it shifted.
   * A line start at q depends only on the characters q-1 and q (\r\n is one break), which bounds the rescanned window.
   */
  static update(old: LineIndex, text: string, edit: { offset: number; removed: number; inserted: string }): LineIndex {
    const oldStarts = old.lineStarts;
    const delta = edit.inserted.length - edit.removed;
    const editEnd = edit.offset + edit.removed; // old coordinates
    const insertedEnd = edit.offset + edit.inserted.length; // new coordinates
    // old starts strictly before the edit
    let lo = 0;
    let hi = oldStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (oldStarts[mid] < edit.offset) lo = mid + 1;
      else hi = mid;
    }
    const keepBefore = lo;
    // old starts at or after editEnd + 1 (unchanged neighbourhood), shifted
    lo = keepBefore;
    hi = oldStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (oldStarts[mid] < editEnd + 1) lo = mid + 1;
      else hi = mid;
    }
    const firstAfter = lo;
    const scanned: number[] = [];
    const n = text.length;
    for (let q = Math.max(edit.offset, 0); q <= insertedEnd && q <= n; q++) {
      if (q === 0) {
        if (keepBefore === 0) scanned.push(0);
        continue;
      }
      const c = text.charCodeAt(q - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(q) !== 10)) scanned.push(q);
    }
    const afterCount = oldStarts.length - firstAfter;
    const starts = new Uint32Array(keepBefore + scanned.length + afterCount);
    starts.set(oldStarts.subarray(0, keepBefore));
    for (let i = 0; i < scanned.length; i++) starts[keepBefore + i] = scanned[i];
    const base = keepBefore + scanned.length;
    if (delta === 0) starts.set(oldStarts.subarray(firstAfter), base);
    else for (let i = 0; i < afterCount; i++) starts[base + i] = oldStarts[firstAfter + i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The line of the last positionAt: lookups come in runs of nearby offsets (a claim's findings, its fixes). */
  private lastLine = 0;

  /** Position of an offset; offsets outside [0, length] are clamped. */
  positionAt(offset: number): LineCharacter {
    const o = this.clampInsideBreak(Math.max(0, Math.min(offset | 0, this.length)));
    const starts = this.lineStarts;
    const n = starts.length;
    const h = this.lastLine;
    if (h < n && starts[h] <= o) {
      if (h + 1 === n || o < starts[h + 1]) return { line: h, character: o - starts[h] };
      if (h + 2 === n || o < starts[h + 2]) {
        this.lastLine = h + 1;
        return { line: h + 1, character: o - starts[h + 1] };
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo, character: o - starts[lo] };
  }

  /**
   * Offset of a position. A character past the end of its line is clamped to the line end (before the
   * line break), a line past the end gives the text length, as LSP prescribes.
   */
  offsetAt(position: LineCharacter): number {
    const starts = this.lineStarts;
    if (position.line < 0) return 0;
    if (position.line >= starts.length) return this.length;
    const start = starts[position.line];
    let end = position.line + 1 < starts.length ? starts[position.line + 1] : this.length;
    // exclude the line break from the line's content
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /**
   * An offset between the \r and the \n of one line break is no position on either line (LSP counts the line's
   * characters without its break): it becomes the end of the line. Without this a span that ends on the \r
   * (`*\r\nX`: "the ISA is missing" up to the line end) ended one character past its line.
   */
  private clampInsideBreak(o: number): number {
    return o > 0 && this.text.charCodeAt(o - 1) === 13 && this.text.charCodeAt(o) === 10 ? o - 1 : o;
  }

  /** Line/character range of a span (offset, length). */
  rangeOf(offset: number, length: number): { start: LineCharacter; end: LineCharacter } {
    const start = this.positionAt(offset);
    // most spans end on the line they start on: no second search then
    const o = this.clampInsideBreak(Math.max(0, Math.min((offset + length) | 0, this.length)));
    const starts = this.lineStarts;
    const line = start.line;
    if (o >= starts[line] && (line + 1 === starts.length || o < starts[line + 1])) return { start, end: { line, character: o - starts[line] } };
    return { start, end: this.positionAt(offset + length) };
  }
}
