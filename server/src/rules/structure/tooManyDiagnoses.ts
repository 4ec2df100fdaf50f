import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';

export const TOO_MANY_DIAGNOSES = 'hcpcs/too-many-diagnoses';

/** An 837P claim carries at most 12 diagnoses (one HI segment, HI01..HI12; the CMS-1500 has boxes A-L). */
export const MAX_PROFESSIONAL_DIAGNOSES = 12;
/** An 837I claim carries one principal diagnosis and at most 24 other diagnoses (two HI segments). */
export const MAX_INSTITUTIONAL_OTHER = 24;

export const tooManyDiagnoses: Rule = {
  id: TOO_MANY_DIAGNOSES,
  defaultSeverity: 'error',
  description: 'An 837P claim may carry at most 12 diagnoses (837I: 24 other diagnoses besides the principal); the excess makes the claim fail the implementation guide.',
  checkClaim({ claim }: CheckedClaim, _ctx: ClaimFileContext): Finding[] {
    if (claim.transactionKind === '837I') {
      const others = claim.diagnoses.filter((d) => d.role === 'other');
      if (others.length <= MAX_INSTITUTIONAL_OTHER) return [];
      const extra = others.slice(MAX_INSTITUTIONAL_OTHER);
      const first = extra[0];
      const last = extra[extra.length - 1];
      return [
        {
          ruleId: TOO_MANY_DIAGNOSES,
          span: { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset },
          message:
            `Claim ${claim.patientControlNumber?.value ?? ''} has ${others.length} other diagnoses; an 837I allows ${MAX_INSTITUTIONAL_OTHER} besides the principal. ` +
            `The claim fails the implementation guide and is rejected. Keep the ${MAX_INSTITUTIONAL_OTHER} that matter most for the services billed and remove the rest.`,
        },
      ];
    }
    const count = claim.diagnoses.length;
    if (count <= MAX_PROFESSIONAL_DIAGNOSES) return [];
    const extra = claim.diagnoses.slice(MAX_PROFESSIONAL_DIAGNOSES);
    const first = extra[0];
    const last = extra[extra.length - 1];
    return [
      {
        ruleId: TOO_MANY_DIAGNOSES,
        span: { offset: first.span.offset, length: last.span.offset + last.span.length - first.span.offset },
        message:
          `Claim ${claim.patientControlNumber?.value ?? ''} has ${count} diagnoses; an 837P allows ${MAX_PROFESSIONAL_DIAGNOSES} (HI01-HI12, boxes A-L of the CMS-1500). ` +
          `The claim fails the implementation guide and is rejected, and pointers cannot reach diagnosis ${MAX_PROFESSIONAL_DIAGNOSES + 1} and beyond. ` +
          `Keep the ${MAX_PROFESSIONAL_DIAGNOSES} that support the billed lines, or split the services into two claims.`,
      },
    ];
  },
};
