/**
 * The quick pass of the element checks: reads a segment straight from the text (no element objects) and answers
 * whether it certainly has no element fault; only a segment that may have one is materialized and checked in full
 * (elements.ts), which also writes the messages. Most segments of a real file are clean, so this is what keeps
 * conformance inside the "all diagnostics, 10 MB" budget (within 30% of the figure without it).
 */
import type { Delimiters } from '../parse/x12';
import type { ElementNode, ImplementationGuides, SegmentNode } from './guides';
import { inCodes as inCodesOf } from './codeKeys';
import { isValidNpi } from './values';

// bound once: from source (tsx) every use of an imported name is a getter call (docs/architecture.md)
const inCodes = inCodesOf;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function daysIn(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digitsAt(t: string, s: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 10 + (t.charCodeAt(s + i) - 48);
  return v;
}

function dateOk(t: string, s: number, e: number, digits: number): boolean {
  if (e - s !== digits) return false;
  for (let i = s; i < e; i++) if (!isDigit(t.charCodeAt(i))) return false;
  const y = digits === 8 ? digitsAt(t, s, 4) : 2000 + digitsAt(t, s, 2);
  const m = digitsAt(t, e - 4, 2);
  const d = digitsAt(t, e - 2, 2);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

function timeOk(t: string, s: number, e: number): boolean {
  const n = e - s;
  if (n < 4 || n > 8 || n === 5) return false;
  for (let i = s; i < e; i++) if (!isDigit(t.charCodeAt(i))) return false;
  return digitsAt(t, s, 2) < 24 && digitsAt(t, s + 2, 2) < 60 && (n < 6 || digitsAt(t, s + 4, 2) < 60);
}

/** One value [s, e) against its definition; false when it might be wrong. */
function valueOk(t: string, s: number, e: number, def: ElementNode, guides: ImplementationGuides): boolean {
  if (def.usage === 'N') return false;
  const type = def.type;
  let len = e - s;
  if (type === 'R' || (type.length === 2 && type[0] === 'N')) {
    let i = s;
    if (t.charCodeAt(i) === 45) i++;
    let digits = 0;
    let dots = 0;
    for (; i < e; i++) {
      const c = t.charCodeAt(i);
      if (isDigit(c)) digits++;
      else if (c === 46 && type === 'R' && dots === 0) dots++;
      else return false;
    }
    if (digits === 0) return false;
    len = digits;
  } else if (type === 'DT') {
    if (!dateOk(t, s, e, def.max === 6 ? 6 : 8)) return false;
  } else if (type === 'TM') {
    if (!timeOk(t, s, e)) return false;
  }
  // control characters and stray separators were looked for once, in the segment scan
  if ((def.max > 0 && len > def.max) || len < def.min) return false;
  if (def.codes && !inCodes(t, s, e, def.codes)) return false;
  if (def.ext) {
    const list = guides.codeList(def.ext);
    if (list && !inCodes(t, s, e, list.codes)) return false;
  }
  if (def.regex && !def.regex.test(t.slice(s, e))) return false;
  return true;
}

/** Offsets of each element of the segment being checked: [start, end] pairs by element number. */
class ElementOffsets {
  readonly at = new Int32Array(2 * 64);
  count = 0;
}

/**
 * Scratch space of `segmentLooksClean`, written and read within one call only (so nothing outlives a call). One for
 * the process: an Int32Array of this size lives outside the JS heap, and one per walk (per claim) made the garbage
 * collector run far more often (all diagnostics, 10 MB).
 */
const SCRATCH = new ElementOffsets();

/** The value of element `seq` ('' when absent), read from the offsets. */
function valueOf(t: string, o: ElementOffsets, seq: number): string {
  return seq <= o.count ? t.slice(o.at[2 * seq], o.at[2 * seq + 1]) : '';
}

/**
 * Whether the segment text [start, end) certainly passes the element checks of `node` (usage, type, length, codes,
 * composites, syntax notes, DTP periods, the identifier checks). false means "check it in full".
 */
export function segmentLooksClean(t: string, start: number, end: number, idLength: number, node: SegmentNode, guides: ImplementationGuides, d: Delimiters, kind: string, nineDigitZip: boolean): boolean {
  const o = SCRATCH;
  const el = d.element.charCodeAt(0);
  const comp = d.component.charCodeAt(0);
  const rep = d.repetition ? d.repetition.charCodeAt(0) : -1;
  const defs = node.elsBySeq;
  let p = start + idLength;
  let seq = 0;
  let present = 0;
  while (p < end) {
    p++; // past the separator
    seq++;
    if (seq > 63) return false;
    // one pass: the element's end, control characters, and whether it holds a component or repetition separator
    let q = p;
    let split = false;
    while (q < end) {
      const c = t.charCodeAt(q);
      if (c === el) break;
      if (c < 32 || c === 127) return false;
      if (c === comp || c === rep) split = true;
      q++;
    }
    o.at[2 * seq] = p;
    o.at[2 * seq + 1] = q;
    const def = seq < defs.length ? defs[seq] : undefined;
    if (!def) {
      if (q > p) return false;
    } else if (q === p) {
      if (def.usage === 'R') return false;
    } else {
      if (seq < 32) present |= 1 << seq;
      if (def.comps && !split) {
        // one component
        if (def.usage === 'N') return false;
        const c0 = def.comps[0];
        if (!c0 || !valueOk(t, p, q, c0, guides)) return false;
        for (let ci = 1; ci < def.comps.length; ci++) if (def.comps[ci].usage === 'R') return false;
      } else if (def.comps) {
        if (def.usage === 'N') return false;
        let c = p;
        let ci = 0;
        for (;;) {
          let e = c;
          while (e < q) {
            const ch = t.charCodeAt(e);
            if (ch === comp) break;
            if (ch === rep) return false;
            e++;
          }
          const cdef = def.comps[ci++];
          if (!cdef) {
            if (e > c) return false;
          } else if (e === c) {
            if (cdef.usage === 'R') return false;
          } else if (!valueOk(t, c, e, cdef, guides)) return false;
          if (e >= q) break;
          c = e + 1;
        }
        for (; ci < def.comps.length; ci++) if (def.comps[ci].usage === 'R') return false;
      } else {
        if (split) return false;
        if (!valueOk(t, p, q, def, guides)) return false;
      }
    }
    p = q;
  }
  if (p === end && seq > 0 && o.at[2 * seq] === o.at[2 * seq + 1]) return false; // trailing separator
  o.count = seq;
  // a required element after the last one given (SegmentNode.lastRequired: the highest required element number)
  if (node.lastRequired > seq) return false;
  const notes = node.syntax;
  for (let j = 0; j < notes.length; j++) {
    const note = notes[j];
    let n = 0;
    const seqs = note.seqs;
    for (let x = 0; x < seqs.length; x++) if (seqs[x] < 32 && present & (1 << seqs[x])) n++;
    const first = note.seqs[0] < 32 && (present & (1 << note.seqs[0])) !== 0;
    if (note.kind === 'P' && n > 0 && n < note.seqs.length) return false;
    if (note.kind === 'R' && n === 0) return false;
    if (note.kind === 'C' && first && n < note.seqs.length) return false;
    if (note.kind === 'E' && n > 1) return false;
    if (note.kind === 'L' && first && n < 2) return false;
  }
  if (node.periodAt > 0) {
    const f = valueOf(t, o, node.periodAt - 1);
    const v = valueOf(t, o, node.periodAt);
    if (f && v) {
      if (f === 'D8') {
        const s = o.at[2 * node.periodAt];
        if (!dateOk(t, s, o.at[2 * node.periodAt + 1], 8)) return false;
      } else if (f === 'RD8') {
        if (v.length !== 17 || v[8] !== '-') return false;
        const s = o.at[2 * node.periodAt];
        if (!dateOk(t, s, s + 8, 8) || !dateOk(t, s + 9, s + 17, 8) || v.slice(0, 8) > v.slice(9)) return false;
      } else if (f === 'DT') return false;
    }
  }
  switch (node.id) {
    case 'NM1':
      if (valueOf(t, o, 8) === 'XX' && !isValidNpi(valueOf(t, o, 9))) return false;
      break;
    case 'PRV':
      if (valueOf(t, o, 2) === 'PXC' && guides.taxonomyRelease && !guides.taxonomy(valueOf(t, o, 3))) return false;
      break;
    case 'N4': {
      const zip = valueOf(t, o, 3);
      const country = valueOf(t, o, 4);
      const stateDef = node.elsBySeq[2];
      const state = valueOf(t, o, 2);
      if (state && (!country || country === 'US') && stateDef && !stateDef.ext && !stateDef.codes && !guides.codeList('states')?.codes.has(state)) return false;
      if (zip && (!country || country === 'US')) {
        if (zip.length !== 5 && zip.length !== 9) return false;
        for (let i = 0; i < zip.length; i++) if (!isDigit(zip.charCodeAt(i))) return false;
        if (zip.length === 5 && nineDigitZip) return false;
      }
      break;
    }
    case 'CLM': {
      // CLM05-3, found in place: the text after the second component separator, to the third
      let f = '';
      if (o.count >= 5) {
        let p = o.at[10];
        const q = o.at[11];
        for (let n = 0; n < 2 && p <= q; n++) {
          while (p < q && t.charCodeAt(p) !== comp) p++;
          p++;
        }
        if (p <= q) {
          let r = p;
          while (r < q && t.charCodeAt(r) !== comp) r++;
          f = t.slice(p, r);
        }
      }
      if (f && (kind === '837P' ? !(f === '1' || f === '6' || f === '7' || f === '8') : !/^[0-9A-Z]$/.test(f))) return false;
      break;
    }
  }
  return true;
}
