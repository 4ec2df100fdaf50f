/**
 * The quick pass of the element checks: reads a segment straight from the text (no element objects) and answers
 * whether it certainly has no element fault; only a segment that may have one is materialized and checked in full
 * (elements.ts), which also writes the messages. Most segments of a real file are clean, so this is what keeps
 * conformance inside the "all diagnostics, 10 MB" budget (within 30% of the figure without it). What it knows of a
 * segment place is worked out once (quickCheckPlan.ts); values are read in place, not cut out of the text.
 */
import type { Delimiters } from '../parse/x12';
import type { ImplementationGuides, SegmentNode } from './guides';
import { inCodes as inCodesOf } from './codeKeys';
import { quickPlan as quickPlanOf, S_ADDRESS, S_FREQUENCY, S_NPI, S_TAXONOMY, T_DATE6, T_DATE8, T_DEC, T_INT, T_OTHER, T_TIME, T_TEXT, type ValuePlan } from './quickCheckPlan';

// bound once: from source (tsx) every use of an imported name is a getter call (docs/architecture.md)
const inCodes = inCodesOf;
const quickPlan = quickPlanOf;
const TEXT = T_TEXT;
const INT = T_INT;
const DEC = T_DEC;
const DATE6 = T_DATE6;
const DATE8 = T_DATE8;
const TIME = T_TIME;
const OTHER = T_OTHER;
const NPI = S_NPI;
const TAXONOMY = S_TAXONOMY;
const ADDRESS = S_ADDRESS;
const FREQUENCY = S_FREQUENCY;

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

/** Whether text [s, e) is exactly `v` (short literals: "XX", "US", "D8"). */
function textIs(t: string, s: number, e: number, v: string): boolean {
  if (e - s !== v.length) return false;
  for (let i = 0; i < v.length; i++) if (t.charCodeAt(s + i) !== v.charCodeAt(i)) return false;
  return true;
}

/** An NPI as values.ts isValidNpi checks it (the first digit 1 or 2, the check digit) of text [s, e), read in place. */
function npiOk(t: string, s: number, e: number): boolean {
  if (e - s !== 10) return false;
  const first = t.charCodeAt(s);
  if (first !== 49 && first !== 50) return false;
  let sum = 24;
  for (let i = 0; i < 10; i++) if (!isDigit(t.charCodeAt(s + i))) return false;
  for (let i = 0; i < 9; i++) {
    let d = t.charCodeAt(s + 8 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === t.charCodeAt(s + 9) - 48;
}

/** One value [s, e) (not empty) against its plan; false when it might be wrong. */
function valueOk(t: string, s: number, e: number, v: ValuePlan): boolean {
  if (v.notUsed) return false;
  const type = v.type;
  let len = e - s;
  if (type === TEXT) {
    // characters outside the X12 set and stray separators were looked for once, in the segment scan
  } else if (type === INT || type === DEC) {
    let i = s;
    if (t.charCodeAt(i) === 45) i++;
    let digits = 0;
    let dots = 0;
    for (; i < e; i++) {
      const c = t.charCodeAt(i);
      if (isDigit(c)) digits++;
      else if (c === 46 && type === DEC && dots === 0) dots++;
      else return false;
    }
    if (digits === 0) return false;
    len = digits;
  } else if (type === DATE8) {
    if (!dateOk(t, s, e, 8)) return false;
  } else if (type === DATE6) {
    if (!dateOk(t, s, e, 6)) return false;
  } else if (type === TIME) {
    if (!timeOk(t, s, e)) return false;
  } else if (type === OTHER) return false;
  if (len > v.max || len < v.min) return false;
  if (v.codes !== null && !inCodes(t, s, e, v.codes)) return false;
  if (v.regex !== null && !v.regex.test(t.slice(s, e))) return false;
  return true;
}

/** Offsets of each element of the segment being checked: [start, end] pairs by element number. */
class ElementOffsets {
  readonly at = new Int32Array(2 * 64);
}

/**
 * Scratch space of `segmentLooksClean`, written and read within one call only (so nothing outlives a call). One for
 * the process: an Int32Array of this size lives outside the JS heap, and one per walk (per claim) made the garbage
 * collector run far more often (all diagnostics, 10 MB).
 */
const SCRATCH = new ElementOffsets();

/**
 * Whether the segment text [start, end) certainly passes the element checks of `node` (usage, type, length, codes,
 * composites, syntax notes, DTP periods, the identifier checks). false means "check it in full". `kind` is the
 * guide's ("837P" ...).
 */
export function segmentLooksClean(t: string, start: number, end: number, idLength: number, node: SegmentNode, guides: ImplementationGuides, d: Delimiters, kind: string): boolean {
  const plan = node.quick ?? (node.quick = quickPlan(node, guides, kind));
  const at = SCRATCH.at;
  const el = d.element.charCodeAt(0);
  const comp = d.component.charCodeAt(0);
  const rep = d.repetition ? d.repetition.charCodeAt(0) : -1;
  const defs = plan.els;
  let p = start + idLength;
  let seq = 0;
  let present = 0;
  while (p < end) {
    p++; // past the separator
    seq++;
    if (seq > 63) return false;
    // one pass: the element's end, a character outside the X12 set (printable ASCII: control characters and
    // anything past ~, values.ts badCharacterAt), and whether it holds a component or repetition separator
    let q = p;
    let split = false;
    while (q < end) {
      const c = t.charCodeAt(q);
      if (c === el) break;
      if (c < 32 || c > 126) return false;
      if (c === comp || c === rep) split = true;
      q++;
    }
    at[2 * seq] = p;
    at[2 * seq + 1] = q;
    const def = seq < defs.length ? defs[seq] : null;
    if (def === null) {
      if (q > p) return false;
    } else if (q === p) {
      if (def.required) return false;
    } else {
      if (seq <= 30) present |= 1 << seq;
      const comps = def.comps;
      if (comps === null) {
        if (split) return false;
        if (!valueOk(t, p, q, def.value!)) return false;
      } else {
        if (def.notUsed) return false;
        let c = p;
        let ci = 0;
        for (;;) {
          let e = c;
          if (split) {
            while (e < q) {
              const ch = t.charCodeAt(e);
              if (ch === comp) break;
              if (ch === rep) return false;
              e++;
            }
          } else e = q;
          const cdef = ci < comps.length ? comps[ci] : null;
          ci++;
          if (e > c) {
            if (cdef === null || !valueOk(t, c, e, cdef)) return false;
          } else if (cdef !== null && cdef.required) return false;
          if (e >= q) break;
          c = e + 1;
        }
        if (ci < def.compsRequired) return false;
      }
    }
    p = q;
  }
  if (p === end && seq > 0 && at[2 * seq] === at[2 * seq + 1]) return false; // trailing separator
  // a required element after the last one given
  if (plan.lastRequired > seq) return false;
  if (plan.notesPast30 && seq > 30) return false;
  const paired = plan.paired;
  for (let j = 0; j < paired.length; j += 2) {
    const x = present & paired[j];
    if (x !== 0 && x !== paired[j + 1]) return false;
  }
  const required = plan.required;
  for (let j = 0; j < required.length; j++) if ((present & required[j]) === 0) return false;
  const conditional = plan.conditional;
  for (let j = 0; j < conditional.length; j += 2) if ((present & conditional[j]) !== 0 && (present & conditional[j + 1]) !== conditional[j + 1]) return false;
  const exclusive = plan.exclusive;
  for (let j = 0; j < exclusive.length; j++) {
    const x = present & exclusive[j];
    if ((x & (x - 1)) !== 0) return false;
  }
  const listed = plan.listed;
  for (let j = 0; j < listed.length; j += 2) if ((present & listed[j]) !== 0 && (present & listed[j + 1]) === 0) return false;
  const periods = plan.periods;
  for (let j = 0; j < periods.length; j += 2) {
    const fs = periods[j];
    const vs = periods[j + 1];
    if (vs > seq || fs > seq) continue;
    const f0 = at[2 * fs];
    const f1 = at[2 * fs + 1];
    const v0 = at[2 * vs];
    const v1 = at[2 * vs + 1];
    if (f0 === f1 || v0 === v1) continue;
    if (textIs(t, f0, f1, 'D8')) {
      if (!dateOk(t, v0, v1, 8)) return false;
    } else if (textIs(t, f0, f1, 'RD8')) {
      if (v1 - v0 !== 17 || t.charCodeAt(v0 + 8) !== 45) return false;
      if (!dateOk(t, v0, v0 + 8, 8) || !dateOk(t, v0 + 9, v0 + 17, 8) || digitsAt(t, v0, 8) > digitsAt(t, v0 + 9, 8)) return false;
    } else if (textIs(t, f0, f1, 'DT')) return false;
  }
  const special = plan.special;
  if (special === 0) return true;
  if (special === NPI) {
    // NM108 "XX": NM109 is an NPI
    if (seq >= 8 && textIs(t, at[16], at[17], 'XX') && !(seq >= 9 && npiOk(t, at[18], at[19]))) return false;
  } else if (special === TAXONOMY) {
    if (plan.taxonomy && seq >= 2 && textIs(t, at[4], at[5], 'PXC') && (seq < 3 || !guides.taxonomy(t.slice(at[6], at[7])))) return false;
  } else if (special === ADDRESS) {
    // N402 state, N403 ZIP code, when N404 (country) is empty or US
    if (seq < 4 || at[8] === at[9] || textIs(t, at[8], at[9], 'US')) {
      if (seq >= 2 && at[4] < at[5] && plan.states !== null && !inCodes(t, at[4], at[5], plan.states)) return false;
      if (seq >= 3 && at[6] < at[7]) {
        const n = at[7] - at[6];
        if (n !== 9 && (n !== 5 || plan.nineDigitZip)) return false;
        for (let i = at[6]; i < at[7]; i++) if (!isDigit(t.charCodeAt(i))) return false;
      }
    }
  } else if (special === FREQUENCY && seq >= 5) {
    // CLM05-3, found in place: the text after the second component separator, to the third
    let a = at[10];
    const b = at[11];
    for (let n = 0; n < 2 && a <= b; n++) {
      while (a < b && t.charCodeAt(a) !== comp) a++;
      a++;
    }
    if (a <= b) {
      let r = a;
      while (r < b && t.charCodeAt(r) !== comp) r++;
      if (r > a) {
        if (r - a !== 1) return false;
        const f = t.charCodeAt(a);
        if (kind === '837P' ? !(f === 49 || f === 54 || f === 55 || f === 56) : !(isDigit(f) || (f >= 65 && f <= 90))) return false;
      }
    }
  }
  return true;
}
