import type { CheckedClaim, CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';
import { payerLabel } from './payer';

export const PRIOR_AUTHORIZATION = 'hcpcs/prior-authorization';

/** Commercial claim, a code whose billing guide says payers usually require pre-approval, and no REF*G1. */
export const priorAuthorization: Rule = {
  id: PRIOR_AUTHORIZATION,
  defaultSeverity: 'warning',
  description: 'Commercial claim: a code that usually needs pre-approval is billed with no prior authorization number (REF*G1).',
  checkClaim: eachLine(({ line, code: facts, guide }: CheckedLine, { claim, payer }: CheckedClaim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (payer !== 'commercial' || claim.priorAuthorization) return;
    if (!line.procedureCode || line.priorAuthorization || !facts?.code || !guide?.priorAuthorization) return;
    findings.push({
      ruleId: PRIOR_AUTHORIZATION,
      span: spanOf(line.procedureCode),
      message:
        `${facts.code} usually needs pre-approval, and the claim has no prior authorization number (REF*G1). ` +
        `Without it a ${payerLabel(claim, ctx)} payer denies the line: add REF*G1 with the approval number to ` +
        `the claim (or the line), or confirm this payer does not require one.`,
    });
  }),
};
