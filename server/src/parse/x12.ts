/**
 * X12 tokenizer: delimiters from the ISA segment, segments as compact offset tables, elements /
 * repetitions / components materialized on demand. It never throws: malformed input gives a document
 * plus `errors`.
 *
 * Representation (chosen for speed and memory on large files):
 * - `SegmentTable` keeps, per segment, the offset of its first character (`starts`), the offset of its
 *   terminator (`terms`, = text.length when the file ends without one) and an interned segment-id
 *   number (`ids`). That is 10 bytes per segment; a 50 MB file (~1.3 M segments) costs ~13 MB.
 * - `segment(i)` splits one segment into elements, repetitions and components with their offsets.
 *   Callers (the claim model, the query) materialize only the segments they look at.
 *
 * Whitespace: a BOM, CR/LF, tabs and spaces *between* segments are skipped (pretty-printed files);
 * spaces inside a segment are data. A CR/LF right before a terminator is trimmed from the segment.
 */
import { trimmed } from '../core/trimmedArrays';

/** A character range in the original text. */
export interface Span {
  offset: number;
  length: number;
}

/** The delimiters a file uses, as declared by its ISA (component possibly corrected, see below). */
export interface Delimiters {
  /** Element separator: the character right after "ISA". */
  element: string;
  /** Repetition separator (ISA11), or null when ISA11 is not a delimiter (e.g. 4010's "U"). */
  repetition: string | null;
  /** Component (sub-element) separator actually used for composites. */
  component: string;
  /** Component separator as declared in ISA16 (differs from `component` when the file contradicts it). */
  declaredComponent: string;
  /** Segment terminator: the character right after ISA16 (may be "\n" or "\r"). */
  segment: string;
}

export type X12ErrorCode =
  | 'no-isa'
  | 'text-before-isa'
  | 'short-isa'
  | 'isa-length'
  | 'bad-delimiters'
  | 'empty-segment'
  | 'bad-segment-id'
  | 'missing-terminator'
  | 'component-separator-mismatch';

/** A syntax problem with its location. */
export interface X12SyntaxError extends Span {
  code: X12ErrorCode;
  severity: 'error' | 'warning';
  message: string;
}

/** One component (sub-element) of a composite; index is 1-based (SV101-2 has index 2). */
export interface X12Component extends Span {
  index: number;
  value: string;
}

/** One repetition of an element (most elements have exactly one); index is 1-based. */
export interface X12Repetition extends Span {
  index: number;
  value: string;
  components: X12Component[];
}

/** One element; index is 1-based as X12 names them (SV104 is index 4). */
export interface X12Element extends Span {
  index: number;
  value: string;
  repetitions: X12Repetition[];
}

/** A materialized segment. `offset/length` cover the id and elements, not the terminator. */
export interface X12Segment extends Span {
  index: number;
  id: string;
  idSpan: Span;
  /** elements[0] is element 01. */
  elements: X12Element[];
  /** Offset of the terminator, or -1 when the file ends without one. */
  terminatorOffset: number;
}

export interface X12Document {
  text: string;
  /** null when no usable ISA was found (then `segments` is empty). */
  delimiters: Delimiters | null;
  segments: SegmentTable;
  errors: X12SyntaxError[];
}

/** An edit of the text: `removed` characters at `offset` replaced by `inserted`. */
export interface X12Edit {
  offset: number;
  removed: number;
  inserted: string;
}

/** Which segments an incremental re-parse replaced: old [first, first+removedCount) -> new [first, first+insertedCount). */
export interface SegmentSplice {
  first: number;
  removedCount: number;
  insertedCount: number;
  /** Offsets at or after `editEnd` (old coordinates) move by `delta`. */
  editOffset: number;
  editEnd: number;
  delta: number;
}

// ---------------------------------------------------------------------------------------------
// Segment id interning. Regular ids ([A-Z0-9]{2,3}) map to a small number through a module-level
// table (bounded: at most 37^3 entries); anything else is stored as IRREGULAR and re-read from text.

const IRREGULAR = 0xffff;
const CH = new Int8Array(128).fill(-1);
for (let c = 48; c <= 57; c++) CH[c] = c - 48 + 1;
for (let c = 65; c <= 90; c++) CH[c] = c - 65 + 11;
const idByKey = new Int32Array(37 * 37 * 37).fill(-1);
const idNames: string[] = [];

function internId(text: string, start: number, len: number): number {
  if (len < 2 || len > 3) return IRREGULAR;
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  const c = len === 3 ? text.charCodeAt(start + 2) : 0;
  if (a > 127 || b > 127 || c > 127) return IRREGULAR;
  const ka = CH[a];
  const kb = CH[b];
  const kc = len === 3 ? CH[c] : 0;
  if (ka < 0 || kb < 0 || kc < 0) return IRREGULAR;
  const key = ka * 1369 + kb * 37 + kc;
  let id = idByKey[key];
  if (id < 0) {
    id = idNames.length;
    idNames.push(text.substr(start, len));
    idByKey[key] = id;
  }
  return id;
}

/**
 * The interned number of a regular segment id ("CLM"), as stored in `SegmentTable.idCodes`: lets hot
 * loops compare numbers instead of reading ids. Irregular ids give IRREGULAR_SEGMENT_ID (never equal
 * to a regular one).
 */
export function segmentIdCode(id: string): number {
  return internId(id, 0, id.length);
}

export const IRREGULAR_SEGMENT_ID = IRREGULAR;

// ---------------------------------------------------------------------------------------------

/** Compact per-segment table. Index 0 is the ISA when the file has one. */
export class SegmentTable {
  constructor(
    readonly text: string,
    readonly delimiters: Delimiters | null,
    /** Offset of each segment's first character (its id). */
    readonly starts: Int32Array,
    /** Offset of each segment's terminator, text.length when missing. */
    readonly terms: Int32Array,
    /** Interned id numbers (IRREGULAR for malformed ids). */
    readonly idCodes: Uint16Array,
    readonly count: number,
  ) {}

  /** Segment id ("CLM"); for malformed ids the text before the first element separator. */
  id(i: number): string {
    const code = this.idCodes[i];
    if (code !== IRREGULAR) return idNames[code];
    const s = this.starts[i];
    const end = this.contentEnd(i);
    const sep = this.delimiters ? findIn(this.text, this.delimiters.element.charCodeAt(0), s, end) : end;
    return this.text.slice(s, sep);
  }

  offset(i: number): number {
    return this.starts[i];
  }

  /** End (exclusive) of the segment's content: before the terminator, trailing CR/LF trimmed. */
  contentEnd(i: number): number {
    const s = this.starts[i];
    let e = this.terms[i];
    const t = this.text;
    const atEof = e >= t.length;
    while (e > s) {
      const c = t.charCodeAt(e - 1);
      if (c === 10 || c === 13 || (atEof && (c === 32 || c === 9))) e--;
      else break;
    }
    return e;
  }

  /** Offset of the terminator, or -1 when the segment runs to the end of the text. */
  terminatorOffset(i: number): number {
    return this.terms[i] < this.text.length ? this.terms[i] : -1;
  }

  /**
   * The segment whose extent contains `offset`. A segment's extent runs from just after the previous
   * terminator (including the whitespace before it) through its own terminator. -1 when none.
   */
  indexAt(offset: number): number {
    const terms = this.terms;
    let lo = 0;
    let hi = this.count - 1;
    if (hi < 0 || offset < 0) return -1;
    // first segment with terms[i] >= offset
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    if (terms[lo] < offset) return -1;
    return lo;
  }

  /** Split segment i into elements, repetitions and components (with offsets). */
  segment(i: number): X12Segment {
    const t = this.text;
    const d = this.delimiters;
    const s = this.starts[i];
    const end = this.contentEnd(i);
    const id = this.id(i);
    const elements: X12Element[] = [];
    const seg: X12Segment = {
      index: i,
      id,
      offset: s,
      length: end - s,
      idSpan: { offset: s, length: id.length },
      elements,
      terminatorOffset: this.terminatorOffset(i),
    };
    if (!d) return seg;
    const es = d.element;
    const isIsa = id === 'ISA';
    const rs = isIsa ? null : d.repetition;
    const cs = isIsa ? null : d.component;
    let p = s + id.length;
    if (p >= end || t[p] !== es) return seg;
    const ec = es.charCodeAt(0);
    let index = 1;
    while (p < end) {
      const from = p + 1;
      const to = findIn(t, ec, from, end);
      elements.push(splitElement(t, from, to, index++, rs, cs));
      p = to;
    }
    return seg;
  }

  /** Element `index` (1-based) of segment i as a string, "" when absent. Cheaper than segment(i). */
  elementValue(i: number, index: number): string {
    const d = this.delimiters;
    if (!d) return '';
    const t = this.text;
    const end = this.contentEnd(i);
    const ec = d.element.charCodeAt(0);
    let p = findIn(t, ec, this.starts[i], end);
    for (let k = 1; p < end; k++) {
      const q = findIn(t, ec, p + 1, end);
      if (k === index) return t.slice(p + 1, q);
      p = q;
    }
    return '';
  }
}

/** First index of char code `c` in t[from, to), or `to`. Bounded, unlike indexOf (which would scan the whole text). */
function findIn(t: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === c) return i;
  return to;
}

function splitElement(t: string, from: number, to: number, index: number, rs: string | null, cs: string | null): X12Element {
  const value = t.slice(from, to);
  const repetitions: X12Repetition[] = [];
  const rc = rs === null ? -1 : rs.charCodeAt(0);
  const cc = cs === null ? -1 : cs.charCodeAt(0);
  let r = from;
  let rIndex = 1;
  for (;;) {
    const rEnd = rc < 0 ? to : findIn(t, rc, r, to);
    const components: X12Component[] = [];
    let c = r;
    let cIndex = 1;
    for (;;) {
      const cEnd = cc < 0 ? rEnd : findIn(t, cc, c, rEnd);
      components.push({ index: cIndex++, offset: c, length: cEnd - c, value: cEnd - c === value.length ? value : t.slice(c, cEnd) });
      if (cEnd >= rEnd) break;
      c = cEnd + 1;
    }
    repetitions.push({
      index: rIndex++,
      offset: r,
      length: rEnd - r,
      value: rEnd - r === value.length ? value : t.slice(r, rEnd),
      components,
    });
    if (rEnd >= to) break;
    r = rEnd + 1;
  }
  return { index, offset: from, length: to - from, value, repetitions };
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

class Builder {
  starts: Int32Array;
  terms: Int32Array;
  ids: Uint16Array;
  count = 0;
  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.starts = new Int32Array(c);
    this.terms = new Int32Array(c);
    this.ids = new Uint16Array(c);
  }
  push(start: number, term: number, id: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.terms[this.count] = term;
    this.ids[this.count] = id;
    this.count++;
  }
  grow(): void {
    const c = this.starts.length * 2;
    const s = new Int32Array(c);
    s.set(this.starts);
    this.starts = s;
    const t = new Int32Array(c);
    t.set(this.terms);
    this.terms = t;
    const i = new Uint16Array(c);
    i.set(this.ids);
    this.ids = i;
  }
}

/**
 * One long-lived instance of each class the parser allocates per document. V8 keeps the hidden class (map) of an
 * instance only while some instance is alive: when a garbage collection frees every Builder / SegmentTable, their maps
 * die with them and the optimized tokenizer (which embeds them) is thrown away and re-optimized on the next parse
 * (~10 ms of interpreted tokenizing on a 10 MB file after each full GC). These anchors keep the maps alive.
 */
export const PARSER_MAP_ANCHORS: readonly object[] = [
  new Builder(0),
  new SegmentTable('', null, new Int32Array(0), new Int32Array(0), new Uint16Array(0), 0),
];

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

/**
 * Tokenize segments from `pos`. When `stop` is given, it is asked after each terminated segment
 * whether tokenizing can stop there (incremental re-parse). Returns the position where it stopped.
 */
function tokenize(
  text: string,
  pos: number,
  d: Delimiters,
  out: Builder,
  errors: X12SyntaxError[],
  stop: ((term: number) => boolean) | null,
): number {
  const n = text.length;
  const term = d.segment;
  const es = d.element;
  const esCode = es.charCodeAt(0);
  while (pos < n) {
    let c = text.charCodeAt(pos);
    // whitespace between segments (a newline terminator counts too: blank lines are not segments)
    while (isSpace(c)) {
      if (++pos >= n) return n;
      c = text.charCodeAt(pos);
    }
    let t = text.indexOf(term, pos);
    if (t < 0) t = n;
    // content end: trim CR/LF before the terminator (and trailing blanks at EOF)
    let e = t;
    while (e > pos) {
      const ch = text.charCodeAt(e - 1);
      if (ch === 10 || ch === 13 || (t === n && (ch === 32 || ch === 9))) e--;
      else break;
    }
    if (e === pos) {
      // only possible with a terminator char directly after whitespace: "~~"
      errors.push({
        code: 'empty-segment',
        severity: 'warning',
        message: 'Empty segment: two segment terminators in a row.',
        offset: t < n ? t : pos,
        length: t < n ? 1 : 0,
      });
    } else {
      // id: up to the first element separator. Fast path: 2 or 3 upper-case letters or digits, then the separator
      // (the separator is never alphanumeric, whitespace or the terminator, so it lies before the content end)
      let idCode = -1;
      const c0 = text.charCodeAt(pos);
      const c1 = text.charCodeAt(pos + 1);
      if (c0 < 128 && c1 < 128 && CH[c0] >= 0 && CH[c1] >= 0) {
        const c2 = text.charCodeAt(pos + 2);
        if (c2 === esCode) idCode = idByKey[CH[c0] * 1369 + CH[c1] * 37];
        else if (c2 < 128 && CH[c2] >= 0 && text.charCodeAt(pos + 3) === esCode) idCode = idByKey[CH[c0] * 1369 + CH[c1] * 37 + CH[c2]];
      }
      if (idCode < 0) {
        // first occurrence of the id, or not the fast path: up to 4 chars scanned
        let idLen = 0;
        while (pos + idLen < e && text.charCodeAt(pos + idLen) !== esCode && idLen < 4) idLen++;
        idCode = idLen <= 3 ? internId(text, pos, idLen) : IRREGULAR;
      }
      if (idCode === IRREGULAR) {
        const len = findIn(text, esCode, pos, e) - pos;
        errors.push({
          code: len === 0 ? 'empty-segment' : 'bad-segment-id',
          severity: 'error',
          message:
            len === 0
              ? 'Segment has no segment ID before its first element separator.'
              : `"${text.slice(pos, pos + Math.min(len, 20))}" is not a valid segment ID (2-3 upper-case letters or digits).`,
          offset: pos,
          length: Math.max(len, 1),
        });
      }
      out.push(pos, t, idCode);
      if (t === n) {
        errors.push({
          code: 'missing-terminator',
          severity: 'warning',
          message: `The last segment is not terminated with the segment terminator ${JSON.stringify(term)}.`,
          offset: e,
          length: 0,
        });
      }
    }
    if (t >= n) return n;
    pos = t + 1;
    if (stop !== null && stop(t)) return pos;
  }
  return pos;
}

// ---------------------------------------------------------------------------------------------
// ISA

const ISA_LENGTH = 106;

interface IsaResult {
  delimiters: Delimiters | null;
  isaStart: number;
  /** Offset of the ISA16 value. */
  isa16: number;
}

function alnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function readIsa(text: string, errors: X12SyntaxError[]): IsaResult {
  const none: IsaResult = { delimiters: null, isaStart: -1, isa16: -1 };
  let p = 0;
  while (p < text.length && isSpace(text.charCodeAt(p))) p++;
  let isaStart = text.startsWith('ISA', p) ? p : -1;
  if (isaStart < 0) {
    // tolerate junk before the ISA (but report it)
    const found = text.indexOf('ISA', p);
    if (found >= 0 && found + 3 < text.length && !alnum(text.charCodeAt(found + 3)) && !isSpace(text.charCodeAt(found + 3))) {
      errors.push({
        code: 'text-before-isa',
        severity: 'error',
        message: 'Text before the ISA interchange header is not part of any segment.',
        offset: p,
        length: found - p,
      });
      isaStart = found;
    } else {
      let lineEnd = text.indexOf('\n', p);
      if (lineEnd > p && text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // the line ends before its \r\n
      errors.push({
        code: 'no-isa',
        severity: 'error',
        message: 'Not an X12 interchange: the file must start with an ISA segment, which declares the delimiters.',
        offset: p,
        length: Math.max(0, Math.min(lineEnd < 0 ? text.length : lineEnd, p + 106) - p),
      });
      return none;
    }
  }
  const esPos = isaStart + 3;
  if (esPos >= text.length) {
    errors.push({ code: 'short-isa', severity: 'error', message: 'The ISA segment is cut short: no element separator after "ISA".', offset: isaStart, length: text.length - isaStart });
    return none;
  }
  const es = text[esPos];
  if (alnum(es.charCodeAt(0)) || isSpace(es.charCodeAt(0))) {
    errors.push({ code: 'bad-delimiters', severity: 'error', message: `The element separator ${JSON.stringify(es)} (after "ISA") must not be a letter, digit or whitespace.`, offset: esPos, length: 1 });
    return none;
  }
  // find the 16th element separator; ISA16 is the single character after it
  let q = esPos;
  const seps: number[] = [esPos];
  const limit = Math.min(text.length, isaStart + 400);
  while (seps.length < 16) {
    q = text.indexOf(es, q + 1);
    if (q < 0 || q >= limit) break;
    seps.push(q);
  }
  if (seps.length < 16 || seps[15] + 1 >= text.length) {
    errors.push({
      code: 'short-isa',
      severity: 'error',
      message: `The ISA segment is incomplete: it needs 16 elements and then the segment terminator; found ${seps.length} of 16 element separators.`,
      offset: isaStart,
      length: Math.min(text.length, isaStart + ISA_LENGTH) - isaStart,
    });
    return none;
  }
  const isa16 = seps[15] + 1;
  const cs = text[isa16];
  const st = isa16 + 1 < text.length ? text[isa16 + 1] : '';
  if (st === '') {
    errors.push({ code: 'short-isa', severity: 'error', message: 'The ISA segment has no segment terminator after ISA16.', offset: isaStart, length: text.length - isaStart });
    return none;
  }
  const isa11 = text.slice(seps[10] + 1, seps[11]);
  let rs: string | null = isa11.length === 1 && !alnum(isa11.charCodeAt(0)) && !isSpace(isa11.charCodeAt(0)) ? isa11 : null;
  const bad = (msg: string, offset: number): IsaResult => {
    errors.push({ code: 'bad-delimiters', severity: 'error', message: msg, offset, length: 1 });
    return none;
  };
  if (alnum(cs.charCodeAt(0)) || cs === ' ') return bad(`The component separator ISA16 ${JSON.stringify(cs)} must not be a letter, digit or space.`, isa16);
  if (alnum(st.charCodeAt(0)) || st === ' ') return bad(`The segment terminator ${JSON.stringify(st)} (after ISA16) must not be a letter, digit or space.`, isa16 + 1);
  if (cs === es) return bad('The component separator ISA16 is the same character as the element separator.', isa16);
  if (st === es || st === cs) return bad('The segment terminator is the same character as the element or component separator.', isa16 + 1);
  if (rs !== null && (rs === es || rs === st || rs === cs)) {
    errors.push({
      code: 'bad-delimiters',
      severity: 'warning',
      message: `The repetition separator ISA11 ${JSON.stringify(rs)} is the same character as another delimiter; repetitions are not split in this file.`,
      offset: seps[10] + 1,
      length: 1,
    });
    rs = null;
  }
  const len = isa16 + 2 - isaStart;
  if (len !== ISA_LENGTH) {
    errors.push({
      code: 'isa-length',
      severity: 'warning',
      message: `The ISA segment is ${len} characters long; X12 requires exactly ${ISA_LENGTH} (fixed-width fields). Some trading partners reject it.`,
      offset: isaStart,
      length: len,
    });
  }
  return { delimiters: { element: es, repetition: rs, component: cs, declaredComponent: cs, segment: st }, isaStart, isa16 };
}

/**
 * Some files declare one component separator in ISA16 but use another in their composites. When the
 * declared one never occurs in the composites of SV1/SV2/SV3/HI/CLM05 and a single other punctuation
 * character does (right after the qualifier, e.g. "HC>99213"), use that one and warn.
 */
function detectComponentSeparator(table: SegmentTable, d: Delimiters, errors: X12SyntaxError[], isa16: number): void {
  const t = table.text;
  let declaredSeen = 0;
  const candidates = new Map<string, number>();
  let looked = 0;
  for (let i = 0; i < table.count && looked < 200; i++) {
    const id = table.id(i);
    let el: number;
    let qualLens: number[];
    if (id === 'SV1' || id === 'SV3') (el = 1), (qualLens = [2]);
    else if (id === 'SV2') (el = 2), (qualLens = [2]);
    else if (id === 'HI') (el = 1), (qualLens = [3, 2]);
    else continue;
    const v = table.elementValue(i, el);
    if (!v) continue;
    looked++;
    if (v.includes(d.component)) {
      declaredSeen++;
      continue;
    }
    for (const ql of qualLens) {
      if (v.length > ql && alnum(v.charCodeAt(ql - 1)) && !alnum(v.charCodeAt(ql))) {
        const ch = v[ql];
        if (ch !== d.element && ch !== d.segment && ch !== ' ' && ch !== d.repetition) {
          candidates.set(ch, (candidates.get(ch) ?? 0) + 1);
          break;
        }
      }
    }
  }
  if (declaredSeen > 0 || candidates.size !== 1) return;
  const [ch] = [...candidates.keys()];
  d.component = ch;
  errors.push({
    code: 'component-separator-mismatch',
    severity: 'warning',
    message: `ISA16 declares ${JSON.stringify(d.declaredComponent)} as the component separator, but the composites (SV1/SV2/HI) use ${JSON.stringify(ch)}. Reading them with ${JSON.stringify(ch)}; fix ISA16 before sending the file, or the payer may reject it.`,
    offset: isa16,
    length: 1,
  });
  void t;
}

// ---------------------------------------------------------------------------------------------

/** Parse X12 text. Never throws. */
export function parseX12(text: string): X12Document {
  const errors: X12SyntaxError[] = [];
  try {
    const isa = readIsa(text, errors);
    const d = isa.delimiters;
    if (!d) {
      return { text, delimiters: null, segments: new SegmentTable(text, null, new Int32Array(0), new Int32Array(0), new Uint16Array(0), 0), errors };
    }
    // a segment is ~20-40 chars in practice: room for 16-char ones, so the arrays are not grown (copied) on typical files
    const out = new Builder((text.length >> 4) + 16);
    tokenize(text, isa.isaStart, d, out, errors, null);
    const table = new SegmentTable(text, d, trimmed(out.starts, out.count), trimmed(out.terms, out.count), trimmed(out.ids, out.count), out.count);
    detectComponentSeparator(table, d, errors, isa.isa16);
    return { text, delimiters: d, segments: table, errors };
  } catch (e) {
    // defensive: the tokenizer has no known throwing path
    errors.push({ code: 'no-isa', severity: 'error', message: `Internal parser error: ${(e as Error).message}`, offset: 0, length: 0 });
    return { text, delimiters: null, segments: new SegmentTable(text, null, new Int32Array(0), new Int32Array(0), new Uint16Array(0), 0), errors };
  }
}

/**
 * End (exclusive) of the text that decided the delimiters: from the ISA to the segment terminator after ISA16
 * (the 16th element separator is looked for the way `readIsa` does). An edit before it may change every delimiter.
 */
function delimiterRegionEnd(text: string, isaStart: number, elementSeparator: string): number {
  let q = isaStart + 3;
  for (let n = 1; n < 16; n++) {
    q = text.indexOf(elementSeparator, q + 1);
    if (q < 0) return text.length;
  }
  return q + 3;
}

/** Apply an edit to a string. */
export function applyEdit(text: string, edit: X12Edit): string {
  return text.slice(0, edit.offset) + edit.inserted + text.slice(edit.offset + edit.removed);
}

export interface IncrementalResult {
  document: X12Document;
  /** null when the whole document was re-parsed (ISA touched, no delimiters, ...). */
  splice: SegmentSplice | null;
}

/**
 * Re-parse after an edit, re-tokenizing only from the start of the segment containing the edit to the
 * first terminator after it that lines up with an old segment boundary. Falls back to a full parse when
 * the edit touches the ISA (delimiters may change) or the old document had no delimiters.
 * `newText` may be passed when the caller already has it (saves one string copy).
 */
export function reparseX12(old: X12Document, edit: X12Edit, newText?: string): IncrementalResult {
  const text = newText ?? applyEdit(old.text, edit);
  const d = old.delimiters;
  const segs = old.segments;
  const full = (): IncrementalResult => ({ document: parseX12(text), splice: null });
  if (!d || segs.count === 0 || edit.offset < 0 || edit.offset + edit.removed > old.text.length) return full();
  // ISA (and anything before it) touched, or the text the delimiters were read from: ISA16 and the terminator
  // after it can lie past the first terminator when a terminator character was typed inside the ISA
  if (edit.offset <= Math.max(segs.terms[0], delimiterRegionEnd(old.text, segs.starts[0], d.element))) return full();
  // a document-level warning (component separator detection) may depend on the composites: keep it
  // unless the edit brings in characters that could change it
  const editEnd = edit.offset + edit.removed;
  const delta = edit.inserted.length - edit.removed;
  // first affected segment: the one whose extent contains the edit start
  let k = segs.indexAt(edit.offset);
  if (k < 0) k = segs.count; // edit in trailing whitespace after the last terminator
  if (k === 0) return full();
  const regionStart = segs.terms[k - 1] + 1;
  const insertedEnd = edit.offset + edit.inserted.length;
  const oldTerms = segs.terms;
  const oldCount = segs.count;
  let resumeOld = -1; // first old segment index kept after the re-tokenized region
  const stop = (t: number): boolean => {
    if (t < insertedEnd) return false;
    const oldT = t - delta;
    if (oldT < editEnd) return false;
    // old segment with this terminator?
    let lo = k;
    let hi = oldCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (oldTerms[mid] < oldT) lo = mid + 1;
      else hi = mid;
    }
    if (lo < oldCount && oldTerms[lo] === oldT) {
      resumeOld = lo + 1;
      return true;
    }
    return false;
  };
  const newErrors: X12SyntaxError[] = [];
  const mid = new Builder(16);
  const stoppedAt = tokenize(text, regionStart, d, mid, newErrors, stop);
  const keptAfter = resumeOld < 0 ? 0 : oldCount - resumeOld;
  const total = k + mid.count + keptAfter;
  const starts = new Int32Array(Math.max(16, total));
  const terms = new Int32Array(Math.max(16, total));
  const ids = new Uint16Array(Math.max(16, total));
  starts.set(segs.starts.subarray(0, k));
  terms.set(oldTerms.subarray(0, k));
  ids.set(segs.idCodes.subarray(0, k));
  starts.set(mid.starts.subarray(0, mid.count), k);
  terms.set(mid.terms.subarray(0, mid.count), k);
  ids.set(mid.ids.subarray(0, mid.count), k);
  if (keptAfter > 0) {
    const base = k + mid.count;
    for (let j = 0; j < keptAfter; j++) {
      starts[base + j] = segs.starts[resumeOld + j] + delta;
      terms[base + j] = oldTerms[resumeOld + j] + delta;
    }
    ids.set(segs.idCodes.subarray(resumeOld, oldCount), base);
  }
  // errors: keep those before the region, replace those inside, shift those after
  const oldRegionEnd = resumeOld < 0 ? Infinity : stoppedAt - delta; // old offset where kept text resumes
  const errors: X12SyntaxError[] = [];
  for (const e of old.errors) {
    if (e.offset < regionStart || (e.code === 'component-separator-mismatch' || e.code === 'isa-length' || e.code === 'text-before-isa')) errors.push(e);
  }
  errors.push(...newErrors);
  for (const e of old.errors) {
    if (e.offset >= regionStart && e.offset >= oldRegionEnd && e.code !== 'component-separator-mismatch' && e.code !== 'isa-length' && e.code !== 'text-before-isa') {
      errors.push({ ...e, offset: e.offset + delta });
    }
  }
  errors.sort((a, b) => a.offset - b.offset);
  const table = new SegmentTable(text, d, starts, terms, ids, total);
  return {
    document: { text, delimiters: d, segments: table, errors },
    splice: { first: k, removedCount: (resumeOld < 0 ? oldCount : resumeOld) - k, insertedCount: mid.count, editOffset: edit.offset, editEnd, delta },
  };
}

/** All segments materialized (convenient for tests and small files; avoid on large ones). */
export function allSegments(doc: X12Document): X12Segment[] {
  const out: X12Segment[] = [];
  for (let i = 0; i < doc.segments.count; i++) out.push(doc.segments.segment(i));
  return out;
}
