import type { Claim, Span } from '../../model/claim';
import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';

export const TOO_MANY_POINTERS = 'hcpcs/too-many-pointers';

export const MAX_POINTERS = 4;

/**
 * The non-empty components after the fourth in the first repetition of the SV107 element at `element` (the model's
 * diagnosisPointerSpan): their count and the span from the first to the end of the last; null when there are none.
 * Read from the text (this runs for every professional line; most have one to four pointers).
 */
function extraPointers(ctx: ClaimFileContext, element: Span): { count: number; offset: number; length: number } | null {
  const d = ctx.x12.delimiters;
  if (!d) return null;
  const t = ctx.text;
  const from = element.offset;
  const to = from + element.length;
  const rc = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
  const cc = d.component.charCodeAt(0);
  let rEnd = to;
  if (rc >= 0) {
    for (let i = from; i < to; i++) {
      if (t.charCodeAt(i) === rc) {
        rEnd = i;
        break;
      }
    }
  }
  let count = 0;
  let first = -1;
  let lastEnd = -1;
  let c = from;
  for (let index = 1; ; index++) {
    let cEnd = c;
    while (cEnd < rEnd && t.charCodeAt(cEnd) !== cc) cEnd++;
    if (index > MAX_POINTERS && cEnd > c) {
      count++;
      if (first < 0) first = c;
      lastEnd = cEnd;
    }
    if (cEnd >= rEnd) break;
    c = cEnd + 1;
  }
  return count === 0 ? null : { count, offset: first, length: lastEnd - first };
}

/**
 * SV107 holds at most four diagnosis pointers (SV107-1..4). A fifth is not read by payers (or breaks the
 * composite), so the diagnosis it names never supports the line.
 */
export const tooManyPointers: Rule = {
  id: TOO_MANY_POINTERS,
  defaultSeverity: 'error',
  description: 'A service line may carry at most 4 diagnosis pointers (SV107-1..4).',
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      if (line.kind !== 'professional' || line.serviceSegmentIndex === null || !line.diagnosisPointerSpan) continue;
      const extra = extraPointers(ctx, line.diagnosisPointerSpan);
      if (extra === null) continue;
      out.push({
        ruleId: TOO_MANY_POINTERS,
        span: { offset: extra.offset, length: extra.length },
        message:
          `Line ${line.lineNumber?.text ?? ''} has ${MAX_POINTERS + extra.count} diagnosis pointers; SV107 holds at most ${MAX_POINTERS}. ` +
          `Payers ignore or reject the extra ones, so those diagnoses do not support the line. ` +
          `Keep the ${MAX_POINTERS} most relevant diagnoses (the first is the primary one for this service).`,
      });
    }
    return out;
  },
};
