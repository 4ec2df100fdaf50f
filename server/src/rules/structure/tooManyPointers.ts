import type { Claim } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';

export const TOO_MANY_POINTERS = 'hcpcs/too-many-pointers';

export const MAX_POINTERS = 4;

/**
 * SV107 holds at most four diagnosis pointers (SV107-1..4). A fifth is not read by payers (or breaks the
 * composite), so the diagnosis it names never supports the line.
 */
export const tooManyPointers: Rule = {
  id: TOO_MANY_POINTERS,
  defaultSeverity: 'error',
  description: 'A service line may carry at most 4 diagnosis pointers (SV107-1..4).',
  checkClaim(claim: Claim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      if (line.kind !== 'professional' || line.serviceSegmentIndex === null || !line.diagnosisPointerSpan) continue;
      const seg = ctx.x12.segments.segment(line.serviceSegmentIndex);
      const components = seg.elements[6]?.repetitions[0]?.components ?? [];
      const extra = components.filter((c) => c.index > MAX_POINTERS && c.length > 0);
      if (extra.length === 0) continue;
      const first = extra[0];
      const last = extra[extra.length - 1];
      out.push({
        ruleId: TOO_MANY_POINTERS,
        span: { offset: first.offset, length: last.offset + last.length - first.offset },
        message:
          `Line ${line.lineNumber?.text ?? ''} has ${MAX_POINTERS + extra.length} diagnosis pointers; SV107 holds at most ${MAX_POINTERS}. ` +
          `Payers ignore or reject the extra ones, so those diagnoses do not support the line. ` +
          `Keep the ${MAX_POINTERS} most relevant diagnoses (the first is the primary one for this service).`,
      });
    }
    return out;
  },
};
