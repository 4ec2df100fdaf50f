/**
 * What the quick element check (fastCheck.ts) needs of a segment place, worked out once per place (SegmentNode.quick,
 * made on the first quick check of the place) instead of on every segment: per element and component its usage and
 * data type as small numbers and its lengths; the guide's code list and the external one (codes.json) merged into one
 * `CodeMatcher` (one look-up instead of two, no string cut out of the text); the syntax notes as bit masks of element
 * numbers; the date-period pairs; which identifier check the segment has (NPI, taxonomy, address, claim frequency)
 * and, for an address, whether its loop wants the nine-digit ZIP code.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (guide rules <= +30% over the
 * figure without them; bench/guideCost.ts). What it decides is what elements.ts checks, the same way:
 * test/unit/conformance/fastCheck.test.ts.
 */
import { codeMatcher, type CodeMatcher } from './codeKeys';
import { NINE_DIGIT_ZIP } from './elements';
import { guideLoop, type ElementNode, type ImplementationGuides, type SegmentNode } from './guides';

/** Data types, as the quick check tells them apart. */
export const T_TEXT = 0; // AN, ID: any printable character
export const T_INT = 1; // N0, N2 ...: an optional minus, digits
export const T_DEC = 2; // R: an optional minus, digits, at most one decimal point
export const T_DATE6 = 3;
export const T_DATE8 = 4;
export const T_TIME = 5;
/** A type the quick check does not know: the value is always checked in full. */
export const T_OTHER = 6;

/** Identifier checks of a segment (elements.ts checkIdentifiers). */
export const S_NONE = 0;
export const S_NPI = 1;
export const S_TAXONOMY = 2;
export const S_ADDRESS = 3;
export const S_FREQUENCY = 4;

/** One simple value: an element or a component. */
export class ValuePlan {
  constructor(
    /** Usage R (a component: empty is a fault). */
    readonly required: boolean,
    /** Marked Not Used: any value is a fault. */
    readonly notUsed: boolean,
    readonly type: number,
    readonly min: number,
    /** The maximum length, 0x7fffffff when the guide gives none. */
    readonly max: number,
    /** The guide's code list and the external list, merged (a value must be in both); null when neither. */
    readonly codes: CodeMatcher | null,
    readonly regex: RegExp | null,
  ) {}
}

export class ElementPlan {
  constructor(
    readonly required: boolean,
    readonly notUsed: boolean,
    /** A simple element's value; null for a composite. */
    readonly value: ValuePlan | null,
    /** A composite's components by position (index 0 is component 1; null where the guide defines none). */
    readonly comps: (ValuePlan | null)[] | null,
    /** 1 + the index of the last required component (0 when none): a composite with fewer components lacks one. */
    readonly compsRequired: number,
  ) {}
}

export class QuickPlan {
  constructor(
    /** By element number (index 0 unused; null where the guide defines no element). */
    readonly els: (ElementPlan | null)[],
    /** The highest element number with usage R, 0 when none. */
    readonly lastRequired: number,
    /** Syntax notes as masks of element numbers (bit n: element n). Paired: [mask, all] pairs (all -1 when a note names an element past 30). */
    readonly paired: Int32Array,
    /** Required (at least one of): masks. */
    readonly required: Int32Array,
    /** Conditional: [first, all] pairs. */
    readonly conditional: Int32Array,
    /** Exclusive (at most one of): masks. */
    readonly exclusive: Int32Array,
    /** List conditional: [first, rest] pairs. */
    readonly listed: Int32Array,
    /** Whether a syntax note names an element past 30 (a segment with that many elements is checked in full). */
    readonly notesPast30: boolean,
    /** Date-period pairs: [format element, value element] (DTP02 / DTP03). */
    readonly periods: Int32Array,
    /** S_NONE, S_NPI (NM1), S_TAXONOMY (PRV), S_ADDRESS (N4) or S_FREQUENCY (CLM). */
    readonly special: number,
    /** N4: its loop wants the nine-digit ZIP code. */
    readonly nineDigitZip: boolean,
    /** N4: the state list N402 is checked against when its definition names none (null: no check). */
    readonly states: CodeMatcher | null,
    /** PRV: whether the taxonomy is checked (the guides carry a release). */
    readonly taxonomy: boolean,
  ) {}
}

const NO_MAX = 0x7fffffff;

function typeOf(type: string, max: number): number {
  if (type === 'AN' || type === 'ID') return T_TEXT;
  if (type === 'R') return T_DEC;
  if (type.length === 2 && type[0] === 'N' && type[1] >= '0' && type[1] <= '9') return T_INT;
  if (type === 'DT') return max === 6 ? T_DATE6 : T_DATE8;
  if (type === 'TM') return T_TIME;
  return T_OTHER;
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const c of a) if (b.has(c)) out.add(c);
  return out;
}

function valuePlan(def: ElementNode, guides: ImplementationGuides, matchers: Map<ReadonlySet<string>, CodeMatcher>): ValuePlan {
  const ext = def.ext ? guides.codeList(def.ext)?.codes : undefined;
  const list = def.codes && ext ? intersect(def.codes, ext) : (def.codes ?? ext ?? null);
  let codes: CodeMatcher | null = null;
  if (list) {
    codes = matchers.get(list) ?? null;
    if (!codes) matchers.set(list, (codes = codeMatcher(list)));
  }
  return new ValuePlan(def.usage === 'R', def.usage === 'N', typeOf(def.type, def.max), def.min, def.max > 0 ? def.max : NO_MAX, codes, def.regex);
}

function bits(seqs: number[]): number {
  let m = 0;
  for (const s of seqs) if (s > 0 && s <= 30) m |= 1 << s;
  return m;
}

/** The plan of segment place `node` of a guide of kind `kind` ("837P" ...), with the code lists of `guides`. */
export function quickPlan(node: SegmentNode, guides: ImplementationGuides, kind: string): QuickPlan {
  const matchers = new Map<ReadonlySet<string>, CodeMatcher>();
  const els: (ElementPlan | null)[] = [];
  for (let seq = 0; seq < node.elsBySeq.length; seq++) {
    const def = node.elsBySeq[seq];
    if (!def || seq === 0) {
      els.push(null);
      continue;
    }
    let comps: (ValuePlan | null)[] | null = null;
    let compsRequired = 0;
    if (def.comps) {
      comps = [];
      for (const c of def.comps) {
        while (comps.length < c.seq) comps.push(null);
        comps[c.seq - 1] = valuePlan(c, guides, matchers);
        if (c.usage === 'R') compsRequired = Math.max(compsRequired, c.seq);
      }
    }
    els.push(new ElementPlan(def.usage === 'R', def.usage === 'N', def.comps ? null : valuePlan(def, guides, matchers), comps, compsRequired));
  }
  const paired: number[] = [];
  const required: number[] = [];
  const conditional: number[] = [];
  const exclusive: number[] = [];
  const listed: number[] = [];
  let notesPast30 = false;
  for (const note of node.syntax) {
    const past = note.seqs.some((s) => s > 30);
    if (past) notesPast30 = true;
    const all = bits(note.seqs);
    const first = bits(note.seqs.slice(0, 1));
    if (note.kind === 'P') paired.push(all, past ? -1 : all);
    else if (note.kind === 'R') required.push(all);
    else if (note.kind === 'C') conditional.push(first, past ? -1 : all);
    else if (note.kind === 'E') exclusive.push(all);
    else if (note.kind === 'L') listed.push(first, bits(note.seqs.slice(1)));
  }
  // the pairs elements.ts checkPeriods looks at: a format qualifier (1250) and the value (1251) after it
  const periods: number[] = [];
  for (let k = 0; k + 1 < node.els.length; k++) if (node.els[k].ele === '1250' && node.els[k + 1].ele === '1251') periods.push(node.els[k].seq, node.els[k + 1].seq);
  const id = node.id;
  const special = id === 'NM1' ? S_NPI : id === 'PRV' ? S_TAXONOMY : id === 'N4' ? S_ADDRESS : id === 'CLM' ? S_FREQUENCY : S_NONE;
  const stateDef = node.elsBySeq[2];
  const stateList = special === S_ADDRESS && stateDef && !stateDef.ext && !stateDef.codes ? guides.codeList('states')?.codes : undefined;
  return new QuickPlan(
    els,
    node.lastRequired,
    Int32Array.from(paired),
    Int32Array.from(required),
    Int32Array.from(conditional),
    Int32Array.from(exclusive),
    Int32Array.from(listed),
    notesPast30,
    Int32Array.from(periods),
    special,
    special === S_ADDRESS && !!NINE_DIGIT_ZIP[kind]?.has(guideLoop(node.loop).id),
    stateList ? codeMatcher(stateList) : null,
    special === S_TAXONOMY && !!guides.taxonomyRelease,
  );
}
