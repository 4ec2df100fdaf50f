import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { codeOf, spanOf } from './lineEdits';
import { isDrugCode } from './ndc';
import { payerLabel, payerOf } from './payer';

export const MEDICAID_DRUG_WITHOUT_NDC = 'hcpcs/medicaid-drug-without-ndc';

/**
 * A Medicaid claim's drug line (pricing indicator 51 in the release, or a code the ASP crosswalk bills NDCs under)
 * with no NDC in LIN03: state Medicaid programs need the NDC of a physician-administered drug to claim the
 * manufacturer rebate (Deficit Reduction Act of 2005) and deny such lines without it.
 */
export const medicaidDrugWithoutNdc: Rule = {
  id: MEDICAID_DRUG_WITHOUT_NDC,
  defaultSeverity: 'warning',
  description: "A Medicaid claim's drug line has no NDC (LIN*...*N4*<NDC> with CTP quantity).",
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    if (payerOf(claim, ctx) !== 'medicaid') return [];
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      const code = codeOf(line);
      if (!code || !line.procedureCode || line.drug?.ndc?.value.trim()) continue;
      if (!isDrugCode(code, ctx.codeSet)) continue;
      out.push({
        ruleId: MEDICAID_DRUG_WITHOUT_NDC,
        span: spanOf(line.procedureCode),
        message:
          `This Medicaid drug line has no NDC. ${code} is a drug on a ${payerLabel(claim, ctx)} claim, and state Medicaid programs ` +
          `require the NDC of a physician-administered drug (for the manufacturer rebate) and deny the line without it. Add the drug ` +
          `identification after the line: LIN**N4*<11-digit NDC> and CTP****<quantity>*<unit, e.g. UN>.`,
      });
    }
    return out;
  },
};
