/**
 * Facts that depend only on the code set, computed once per code set instead of once per line and rule: a
 * procedure code's record and the flags derived from its descriptor (NOC, per-dose, waste-reportable by code), a
 * modifier's record, whether an ICD-10-CM value is in the release, the active codes and the codes spelled like an
 * unknown one. Keyed by the value as written (the claim model pools short values, so the same string comes back
 * line after line and its hash is computed once). The code set is immutable data, so the memo never goes stale.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB" (realistic and many findings; README benchmark table): every rule
 * used to look each code up again, and the first validation of a file with unknown codes spent ~300 ms scoring
 * candidates.
 */
import { levenshteinWithin } from './editDistance';
import { SpelledAlikeIndex } from './spelledAlikeIndex';
import type { Guide, GuideIndex } from '../guides/types';
import type { CodeSet, HcpcsRecord } from './types';

/** Distinct values remembered per table before it starts over (a file of random garbage stays bounded). */
const MAX_CODES = 50_000;
/**
 * Longest value kept as a key (or compared against later): V8 copies substrings shorter than 13 characters, while a
 * longer one may be a slice that references (and keeps alive) the whole document text it was cut from.
 */
export const MAX_KEPT_LENGTH = 12;
const SUGGESTION_CACHE_SIZE = 4096;
/** Codes spelled alike named with an unknown code. */
const SUGGESTIONS = 3;

const PER_DOSE = /\bper (treatment dose|study dose|study)\b/i;
const RADIOPHARMACEUTICAL = /^A9[56]\d\d$/;
const AGENT = /\b(therapeutic|diagnostic)\b/i;

/** `s.toUpperCase()`, without allocating when `s` has no lower-case ASCII and no non-ASCII character. */
export function upper(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c >= 128) return s.toUpperCase();
  }
  return s;
}

/**
 * The code-set part of the JW/JZ drug waste policy: pricing indicator 51 (drugs), or an A95xx-A96xx therapeutic or
 * diagnostic agent. (A billing guide can also say so: see rules/claim/drugs.ts.)
 */
export function drugWasteByCode(record: HcpcsRecord): boolean {
  if (record.pricing.includes('51')) return true;
  return RADIOPHARMACEUTICAL.test(record.code) && AGENT.test(record.longDescription);
}

/** What the code set says about one procedure code value; the derived flags are computed on first use. */
export class CodeFacts {
  private nocFlag: boolean | undefined = undefined;
  private perDose: string | null | undefined = undefined;
  private wasteFlag: boolean | undefined = undefined;
  /** `guide` is `guides.get(code)` of this guide index (see guideIn). */
  private guides: GuideIndex | undefined = undefined;
  private guide: Guide | undefined = undefined;

  constructor(
    /** The code as written, in upper case (not trimmed, as the rules' messages show it). */
    readonly code: string,
    /** codeSet.procedure(code). */
    readonly record: HcpcsRecord | undefined,
    private readonly codeSet: CodeSet,
  ) {}

  /** codeSet.isNotOtherwiseClassified(code) (the CMS NOC list); false without a record. */
  get notOtherwiseClassified(): boolean {
    return (this.nocFlag ??= this.record ? this.codeSet.isNotOtherwiseClassified(this.code) : false);
  }

  /** The "per treatment dose / per study" phrase of the official descriptor, or null. */
  get perDosePhrase(): string | null {
    if (this.perDose === undefined) this.perDose = this.record ? (PER_DOSE.exec(this.record.longDescription)?.[0] ?? null) : null;
    return this.perDose;
  }

  /** `guides.get(code)`, remembered for the last guide index asked (an index is immutable). */
  guideIn(guides: GuideIndex): Guide | undefined {
    if (this.guides !== guides) {
      this.guide = guides.get(this.code);
      this.guides = guides;
    }
    return this.guide;
  }

  /** drugWasteByCode(record); false without a record. */
  get drugWasteByCode(): boolean {
    return (this.wasteFlag ??= this.record ? drugWasteByCode(this.record) : false);
  }
}

/** The memoized facts of one code set (get it with `codeSetFacts`). */
export class CodeSetFacts {
  private readonly procedures = new Map<string, CodeFacts>();
  private readonly modifiers = new Map<string, HcpcsRecord | null>();
  private readonly icd10 = new Map<string, boolean>();
  /** The other fiscal years' answers, by release (a claim dated in FY2025 asks FY2025 for each of its codes). */
  private readonly icd10Other = new Map<string, Map<string, boolean>>();
  private readonly suggestions = new Map<string, string[]>();
  private activeCodes: string[] | undefined = undefined;
  /** The active codes' character sets, to find those spelled like an unknown code (spelledAlikeIndex.ts). */
  private spelledAlike: SpelledAlikeIndex | undefined = undefined;

  constructor(readonly codeSet: CodeSet) {}

  /** The facts of a procedure code value as written in a claim (any case). */
  procedure(value: string): CodeFacts {
    // a value of 13 characters or more may be a slice that keeps the whole document text alive: not kept here
    if (value.length > MAX_KEPT_LENGTH) return new CodeFacts(upper(value), this.codeSet.procedure(upper(value)), this.codeSet);
    let facts = this.procedures.get(value);
    if (!facts) {
      if (this.procedures.size >= MAX_CODES) this.procedures.clear();
      const code = upper(value);
      facts = new CodeFacts(code, this.codeSet.procedure(code), this.codeSet);
      this.procedures.set(value, facts);
    }
    return facts;
  }

  /** `codeSet.modifier(upper(value))`, by the value as written. */
  modifier(value: string): HcpcsRecord | undefined {
    if (value.length > MAX_KEPT_LENGTH) return this.codeSet.modifier(upper(value));
    let record = this.modifiers.get(value);
    if (record === undefined) {
      if (this.modifiers.size >= MAX_CODES) this.modifiers.clear();
      record = this.codeSet.modifier(upper(value)) ?? null;
      this.modifiers.set(value, record);
    }
    return record ?? undefined;
  }

  /** Whether `codeSet.icd10(value)` finds a record, by the value as written. */
  icd10Known(value: string): boolean {
    if (value.length > MAX_KEPT_LENGTH) return !!this.codeSet.icd10(value);
    let known = this.icd10.get(value);
    if (known === undefined) {
      if (this.icd10.size >= MAX_CODES) this.icd10.clear();
      known = !!this.codeSet.icd10(value);
      this.icd10.set(value, known);
    }
    return known;
  }

  /** Whether `codeSet.icd10In(release, value)` finds a record, by the value as written. */
  icd10KnownIn(release: string, value: string): boolean {
    if (release === this.codeSet.icd10Release) return this.icd10Known(value);
    if (value.length > MAX_KEPT_LENGTH) return !!this.codeSet.icd10In(release, value);
    let known = this.icd10Other.get(release);
    if (!known) this.icd10Other.set(release, (known = new Map()));
    let answer = known.get(value);
    if (answer === undefined) {
      if (known.size >= MAX_CODES) known.clear();
      answer = !!this.codeSet.icd10In(release, value);
      known.set(value, answer);
    }
    return answer;
  }

  /** The procedure codes not terminated (the suggestions must not rescan 8,623 records per unknown line). */
  activeProcedureCodes(): readonly string[] {
    return (this.activeCodes ??= this.codeSet.allProcedures().filter((r) => !r.terminated).map((r) => r.code));
  }

  /**
   * Up to three active codes closest to an unknown one (see closestCodes). A batch repeats the same unknown codes,
   * and scoring one against every active code costs about 20 microseconds per code... times 8,000 codes.
   */
  closestActiveCodes(code: string): string[] {
    let s = this.suggestions.get(code);
    if (!s) {
      if (this.suggestions.size >= SUGGESTION_CACHE_SIZE) this.suggestions.clear();
      this.spelledAlike ??= new SpelledAlikeIndex(this.activeProcedureCodes());
      s = closestOf(code, this.spelledAlike.nearest(code, SUGGESTIONS));
      this.suggestions.set(code, s);
    }
    return s;
  }
}

const byCodeSet = new WeakMap<CodeSet, CodeSetFacts>();

/** The memoized facts of a code set (one per code set, made on first use). */
export function codeSetFacts(codeSet: CodeSet): CodeSetFacts {
  let facts = byCodeSet.get(codeSet);
  if (!facts) {
    facts = new CodeSetFacts(codeSet);
    byCodeSet.set(codeSet, facts);
  }
  return facts;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Up to `max` codes closest to the unknown one: fewest edits, then the longest shared start (a typo in the last
 * digit keeps the code family: A9605 -> A9604, A9606), then the nearest number. Scores every candidate; the code
 * set's facts find the near ones through a `SpelledAlikeIndex`, which gives the same.
 */
export function closestCodes(code: string, candidates: readonly string[], max = SUGGESTIONS): string[] {
  const near: { code: string; distance: number }[] = [];
  for (const candidate of candidates) {
    const distance = levenshteinWithin(code, candidate, 2); // exact up to 2, all that is kept
    if (distance <= 2) near.push({ code: candidate, distance });
  }
  return closestOf(code, near, max);
}

/** The near codes (within two edits, with their distance) in the order `closestCodes` gives, at most `max`. */
export function closestOf(code: string, near: readonly { code: string; distance: number }[], max = SUGGESTIONS): string[] {
  const number = Number(code.slice(1));
  const scored = near.map((n) => ({ ...n, prefix: commonPrefix(code, n.code), gap: Math.abs(Number(n.code.slice(1)) - number) || 0 }));
  scored.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.gap - b.gap || a.code.localeCompare(b.code));
  return scored.slice(0, max).map((s) => s.code);
}
