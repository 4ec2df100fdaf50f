import type { Claim } from '../../model/claim';
import { levenshteinWithin } from '../editDistance';
import type { ClaimFileContext, Finding, NoteContext, Rule } from '../types';
import { lineCodeFacts } from './codes';

export const UNKNOWN_CODE = 'hcpcs/unknown-code';

const LEVEL_II_SHAPE = /^[A-V]\d{4}$/;

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Up to three codes closest to the unknown one: fewest edits, then the longest shared start (a typo in the last
 * digit keeps the code family: A9605 -> A9604, A9606), then the nearest number.
 */
/** Active codes per code set, computed once (the suggestions must not rescan 8,623 records per unknown line). */
const activeCodes = new WeakMap<object, string[]>();

function activeCodesOf(codeSet: ClaimFileContext['codeSet']): string[] {
  let codes = activeCodes.get(codeSet);
  if (!codes) {
    codes = codeSet.allProcedures().filter((r) => !r.terminated).map((r) => r.code);
    activeCodes.set(codeSet, codes);
  }
  return codes;
}

/**
 * Suggestions per unknown code value, per code set: a batch repeats the same unknown codes, and scoring one against
 * every active code costs about 20 microseconds per code... times 8,000 codes. Bounded: cleared when full.
 */
const suggestionCache = new WeakMap<object, Map<string, string[]>>();
const SUGGESTION_CACHE_SIZE = 4096;

function suggestionsFor(code: string, codeSet: ClaimFileContext['codeSet']): string[] {
  let byCode = suggestionCache.get(codeSet);
  if (!byCode) {
    byCode = new Map();
    suggestionCache.set(codeSet, byCode);
  }
  let s = byCode.get(code);
  if (!s) {
    if (byCode.size >= SUGGESTION_CACHE_SIZE) byCode.clear();
    s = closestCodes(code, activeCodesOf(codeSet));
    byCode.set(code, s);
  }
  return s;
}

export function closestCodes(code: string, candidates: readonly string[], max = 3): string[] {
  const scored: { code: string; distance: number; prefix: number; gap: number }[] = [];
  const number = Number(code.slice(1));
  for (const candidate of candidates) {
    const distance = levenshteinWithin(code, candidate, 2); // exact up to 2, all that is kept
    if (distance <= 2) {
      scored.push({ code: candidate, distance, prefix: commonPrefix(code, candidate), gap: Math.abs(Number(candidate.slice(1)) - number) || 0 });
    }
  }
  scored.sort((a, b) => a.distance - b.distance || b.prefix - a.prefix || a.gap - b.gap || a.code.localeCompare(b.code));
  return scored.slice(0, max).map((s) => s.code);
}

/**
 * The codes spelled like the unknown one, named as what they are: other services. They are never offered as a fix
 * (J9998 is one keystroke from J9298, nivolumab and relatlimab, a different drug); the coder checks the record.
 */
function spelledAlike(codes: readonly string[], codeSet: ClaimFileContext['codeSet']): string {
  if (codes.length === 0) return '';
  const named = codes.map((c) => `${c} (${codeSet.procedure(c)?.shortDescription ?? 'no descriptor'})`);
  return ` Codes spelled alike are different services, not corrections: ${named.join(', ')}.`;
}

/**
 * A service line bills a code with the HCPCS Level II shape (a letter A-V and four digits) that the CMS release
 * does not have: the claim is rejected at the front end before any payment logic runs.
 */
export const unknownCode: Rule = {
  id: UNKNOWN_CODE,
  defaultSeverity: 'error',
  description:
    'A service line bills a HCPCS Level II-shaped code that is not in the CMS release in use (in notes: a code the text plainly names as HCPCS).',
  /**
   * Notes: only mentions the text clearly names as HCPCS (a modifier suffix, "HCPCS", "billed", units); tokens read
   * from their shape alone never fire, so lot numbers and visit IDs stay quiet.
   */
  checkNote(ctx: NoteContext): Finding[] {
    const findings: Finding[] = [];
    for (const mention of ctx.note.mentions) {
      if (mention.system !== 'hcpcs' || mention.confidence !== 'explicit' || ctx.codeSet.procedure(mention.code)) continue;
      findings.push({
        ruleId: UNKNOWN_CODE,
        span: mention.span,
        message:
          `${mention.code} is not a HCPCS Level II code in the ${ctx.codeSet.hcpcsRelease} release (read as HCPCS: ${mention.reason}). ` +
          `A claim line built from this note would be rejected. Check the code against the record.` +
          spelledAlike(suggestionsFor(mention.code, ctx.codeSet), ctx.codeSet),
      });
    }
    return findings;
  },
  checkClaim(claim: Claim, ctx: ClaimFileContext): Finding[] {
    const findings: Finding[] = [];
    const allFacts = lineCodeFacts(claim, ctx.codeSet);
    const serviceLines = claim.serviceLines;
    for (let li = 0; li < serviceLines.length; li++) {
      const line = serviceLines[li];
      const code = line.procedureCode;
      if (!code) continue;
      const facts = allFacts[li]!;
      const value = facts.code;
      if (facts.record || !LEVEL_II_SHAPE.test(value)) continue;
      findings.push({
        ruleId: UNKNOWN_CODE,
        span: { offset: code.offset, length: code.length },
        message:
          `${value} is not a HCPCS Level II code in the ${ctx.codeSet.hcpcsRelease} release: the payer rejects the line. ` +
          `Check the code against the record.` +
          spelledAlike(suggestionsFor(value, ctx.codeSet), ctx.codeSet),
      });
    }
    return findings;
  },
};
