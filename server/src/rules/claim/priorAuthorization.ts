import type { Claim } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';
import { guideOf, lineCodeFacts } from './codes';
import { spanOf } from './lineEdits';
import { payerLabel, payerOf } from './payer';

export const PRIOR_AUTHORIZATION = 'hcpcs/prior-authorization';

/** Commercial claim, a code whose billing guide says payers usually require pre-approval, and no REF*G1. */
export const priorAuthorization: Rule = {
  id: PRIOR_AUTHORIZATION,
  defaultSeverity: 'warning',
  description: 'Commercial claim: a code that usually needs pre-approval is billed with no prior authorization number (REF*G1).',
  checkClaim(claim: Claim, ctx: ClaimFileContext): Finding[] {
    if (payerOf(claim, ctx) !== 'commercial' || claim.priorAuthorization) return [];
    const findings: Finding[] = [];
    const allFacts = lineCodeFacts(claim, ctx.codeSet);
    const serviceLines = claim.serviceLines;
    for (let li = 0; li < serviceLines.length; li++) {
      const line = serviceLines[li];
      if (!line.procedureCode || line.priorAuthorization) continue;
      const facts = allFacts[li]!;
      const code = facts.code;
      if (!code) continue;
      if (!guideOf(facts, ctx.guides)?.priorAuthorization) continue;
      findings.push({
        ruleId: PRIOR_AUTHORIZATION,
        span: spanOf(line.procedureCode),
        message:
          `${code} usually needs pre-approval, and the claim has no prior authorization number (REF*G1). ` +
          `Without it a ${payerLabel(claim, ctx)} payer denies the line: add REF*G1 with the approval number to ` +
          `the claim (or the line), or confirm this payer does not require one.`,
      });
    }
    return findings;
  },
};
