/**
 * Per-code facts the claim rules share, computed once per code set instead of once per line and rule: the code in
 * upper case, its record, and flags derived from the record's descriptor (NOC, per-dose, waste-reportable) that
 * the rules fill in lazily. Keyed by the code as written (the claim model interns short values, so the same
 * string object comes back line after line and its hash is computed once). The code set is immutable data.
 */
import type { CodeSet, HcpcsRecord } from '../../codeset/types';
import type { Claim } from '../../model/claim';
import type { Guide, GuideIndex } from '../../guides/types';

export class CodeFacts {
  /** codeSet.isNotOtherwiseClassified(code) (the CMS NOC list), computed by hcpcs/noc-needs-description. */
  noc: boolean | undefined = undefined;
  /** The "per treatment dose / per study" phrase of the descriptor (null when none), by hcpcs/units-per-dose. */
  perDose: string | null | undefined = undefined;
  /** The code-set part of isWasteReportable (pricing 51, or an A95xx-A96xx agent), by drugs.ts. */
  wasteByCode: boolean | undefined = undefined;
  /** `guide` is `guides.get(code)` of this guide index (see guideOf). */
  guides: GuideIndex | undefined = undefined;
  guide: Guide | undefined = undefined;
  constructor(
    /** The code as written, in upper case (not trimmed, as the rules' messages show it). */
    readonly code: string,
    /** codeSet.procedure(code). */
    readonly record: HcpcsRecord | undefined,
  ) {}
}

const PER_DOSE = /\bper (treatment dose|study dose|study)\b/i;

/** The "per treatment dose / per study" phrase of the code's official descriptor, or null (remembered per code). */
export function perDosePhrase(facts: CodeFacts): string | null {
  if (facts.perDose === undefined) facts.perDose = facts.record ? (PER_DOSE.exec(facts.record.longDescription)?.[0] ?? null) : null;
  return facts.perDose;
}

/** `guides.get(facts.code)`, remembered for the last guide index asked (an index is immutable). */
export function guideOf(facts: CodeFacts, guides: GuideIndex): Guide | undefined {
  if (facts.guides !== guides) {
    facts.guide = guides.get(facts.code);
    facts.guides = guides;
  }
  return facts.guide;
}

const byCodeSet = new WeakMap<CodeSet, Map<string, CodeFacts>>();
/** Distinct code values seen per code set before the memo starts over (a file with random garbage stays bounded). */
const MAX_CODES = 50_000;
/**
 * Longest value kept as a key (or compared against later): V8 copies substrings shorter than 13 characters, while a
 * longer one may be a slice that references (and keeps alive) the whole document text it was cut from.
 */
export const MAX_KEPT_LENGTH = 12;

/** The facts of a procedure code value as written in a claim (any case). */
let lastCodeSet: CodeSet | undefined;
let lastMemo: Map<string, CodeFacts> | undefined;

export function codeFacts(codeSet: CodeSet, value: string): CodeFacts {
  // the same code set comes back call after call: skip the WeakMap then
  let memo = codeSet === lastCodeSet ? lastMemo : byCodeSet.get(codeSet);
  if (!memo) {
    memo = new Map();
    byCodeSet.set(codeSet, memo);
  }
  lastCodeSet = codeSet;
  lastMemo = memo;
  // a value of 13 characters or more may be a slice that keeps the whole document text alive: not kept here
  if (value.length > MAX_KEPT_LENGTH) return new CodeFacts(upper(value), codeSet.procedure(upper(value)));
  let facts = memo.get(value);
  if (!facts) {
    if (memo.size >= MAX_CODES) memo.clear();
    const code = upper(value);
    facts = new CodeFacts(code, codeSet.procedure(code));
    memo.set(value, facts);
  }
  return facts;
}

/** `s.toUpperCase()`, without allocating when `s` has no lower-case ASCII and no non-ASCII character. */
export function upper(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c >= 128) return s.toUpperCase();
  }
  return s;
}

const modifiersByCodeSet = new WeakMap<CodeSet, Map<string, HcpcsRecord | null>>();

/** `codeSet.modifier(upper(value))`, memoized per code set by the value as written. */
let lastModifierCodeSet: CodeSet | undefined;
let lastModifierMemo: Map<string, HcpcsRecord | null> | undefined;

export function modifierRecord(codeSet: CodeSet, value: string): HcpcsRecord | undefined {
  let memo = codeSet === lastModifierCodeSet ? lastModifierMemo : modifiersByCodeSet.get(codeSet);
  if (!memo) {
    memo = new Map();
    modifiersByCodeSet.set(codeSet, memo);
  }
  lastModifierCodeSet = codeSet;
  lastModifierMemo = memo;
  if (value.length > MAX_KEPT_LENGTH) return codeSet.modifier(upper(value));
  let record = memo.get(value);
  if (record === undefined) {
    if (memo.size >= MAX_CODES) memo.clear();
    record = codeSet.modifier(upper(value)) ?? null;
    memo.set(value, record);
  }
  return record ?? undefined;
}

let lastCodeValues: (string | null)[] = [];
let lastLinesCodeSet: CodeSet | null = null;
let lastLineFacts: (CodeFacts | null)[] = [];

/**
 * The code facts of each service line of the claim (null for a line without a procedure code), by line index. The
 * rules run one after another on the same claim, so the last answer is kept (with the code values it was made
 * from, compared on every call: nothing but strings is retained) and the next rule gets it for a few comparisons.
 */
export function lineCodeFacts(claim: Claim, codeSet: CodeSet): readonly (CodeFacts | null)[] {
  const lines = claim.serviceLines;
  const n = lines.length;
  if (codeSet === lastLinesCodeSet && n === lastCodeValues.length) {
    let same = true;
    for (let i = 0; i < n; i++) {
      const code = lines[i].procedureCode;
      if ((code ? code.value : null) !== lastCodeValues[i]) {
        same = false;
        break;
      }
    }
    if (same) return lastLineFacts;
  }
  const values: (string | null)[] = new Array(n);
  const facts: (CodeFacts | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const code = lines[i].procedureCode;
    values[i] = code ? code.value : null;
    facts[i] = code ? codeFacts(codeSet, code.value) : null;
  }
  let keep = true;
  for (let i = 0; i < n && keep; i++) keep = (values[i]?.length ?? 0) <= MAX_KEPT_LENGTH;
  if (keep) {
    lastLinesCodeSet = codeSet;
    lastCodeValues = values;
    lastLineFacts = facts;
  } else {
    lastLinesCodeSet = null;
    lastCodeValues = [];
    lastLineFacts = [];
  }
  return facts;
}
