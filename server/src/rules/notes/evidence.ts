/**
 * Finding what a note shows: guide patterns matched case-insensitively, ignoring matches the note itself
 * negates ("no lot number", "lot: not recorded", "denies ..."), and low lab values ("platelets 45,000").
 */
import type { Span } from '../../core/span';
import type { GuideLabSignal } from '../../guides/types';
import type { NoteScan } from '../../parse/note';
import { guidePattern } from '../../guides/patterns';

/** The clause the offset sits in, up to it: from the last sentence or clause break on the same line. */
function clauseBefore(text: string, offset: number): string {
  const from = Math.max(0, offset - 80);
  const before = text.slice(from, offset);
  const cut = Math.max(before.lastIndexOf('\n'), before.search(/[.;!?](?=[^.;!?]*$)/));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

const NEGATION_BEFORE = /\b(?:no|not|without|denies|denied|negative for|free of|absence of|absent|ruled? out|r\/o)\b(?:\s+[\w-]+){0,3}\s*[:]?\s*$/i;
// "no relief", "no response" state that a treatment failed: not a negation of what follows.
const NOT_A_NEGATION = /\bno\s+(?:relief|response|improvement|benefit|effect)\b/i;
const NEGATION_AFTER =
  /^\s*(?:[:=\-\u2013\u2014]\s*)?(?:not\s+(?:recorded|documented|available|done|obtained|known|seen|present|identified|checked|given)|unknown|pending|n\/a|none|missing|tbd|negative|absent)\b/i;

/** Whether the note negates the match at [start, end). */
export function isNegated(text: string, start: number, end: number): boolean {
  const before = clauseBefore(text, start);
  if (NEGATION_BEFORE.test(before) && !NOT_A_NEGATION.test(before)) return true;
  return NEGATION_AFTER.test(text.slice(end, end + 40));
}

/** The first place the note shows any of the patterns (not negated), or undefined. */
export function findEvidence(text: string, patterns: readonly string[]): Span | undefined {
  for (const source of patterns) {
    const pattern = guidePattern(source);
    if (!pattern) continue;
    for (let m = pattern.next(text, 0); m; m = pattern.next(text, m.end)) {
      if (!isNegated(text, m.index, m.end)) return { offset: m.index, length: m.end - m.index };
    }
  }
  return undefined;
}

/** The first ICD-10-CM mention in the note whose code starts with one of the prefixes. */
export function findDiagnosis(note: NoteScan, prefixes: readonly string[] | undefined): Span | undefined {
  if (!prefixes?.length) return undefined;
  return note.mentions.find((m) => m.system === 'icd10' && prefixes.some((p) => m.code.startsWith(p)))?.span;
}

export interface LowLab {
  span: Span;
  /** In the signal's unit (counts normalised to ×10⁹/L when `countPerMicroliter`). */
  value: number;
  written: string;
}

const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*[kK](?![a-zA-Z]))?/g;

/** Lab values in the note below the signal's threshold ("platelets 45,000", "plt 45K", "ANC 1.2"). */
export function findLowLabs(text: string, lab: GuideLabSignal): LowLab[] {
  const out: LowLab[] = [];
  const pattern = guidePattern(lab.name);
  if (!pattern) return out;
  for (let m = pattern.next(text, 0); m; m = pattern.next(text, m.end)) {
    const nameEnd = m.end;
    let lineEnd = text.indexOf('\n', nameEnd);
    if (lineEnd < 0) lineEnd = text.length;
    const tail = text.slice(nameEnd, Math.min(lineEnd, nameEnd + 40));
    NUMBER.lastIndex = 0;
    for (let n = NUMBER.exec(tail); n; n = NUMBER.exec(tail)) {
      const prev = tail[n.index - 1] ?? '';
      const next = tail.slice(n.index + n[0].length);
      if (/[/\-:]/.test(prev) && /\d/.test(tail[n.index - 2] ?? '')) continue; // 3/14, 2026-01-05, 10:30
      if (/^[/\-:]\d/.test(next) || /^\s*%/.test(next) || /[>\u2265]\s*$/.test(tail.slice(0, n.index))) continue;
      let value = Number(n[1].replace(/,/g, ''));
      if (lab.countPerMicroliter && !n[2] && value >= 1000) value /= 1000;
      if (value < lab.below) {
        const end = nameEnd + n.index + n[0].length;
        out.push({ span: { offset: m.index, length: end - m.index }, value, written: text.slice(m.index, end) });
      }
      break; // only the first value after the lab's name
    }
  }
  return out;
}
