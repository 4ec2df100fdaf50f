import { cappedList } from '../../core/capList';
import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { codeOf, spanOf } from './lineEdits';
import { lineNdc } from './ndc';

export const NDC_NOT_FOR_CODE = 'hcpcs/ndc-not-for-code';

/**
 * The line's NDC (LIN03) is in the CMS ASP NDC-HCPCS crosswalk, but under other HCPCS codes than the line's: the
 * payer's NDC-to-HCPCS edit denies the line (or the drug billed is not the one the code describes). An NDC the
 * crosswalk does not list is not judged: the crosswalk holds the Part B drugs paid by ASP, not every NDC.
 */
export const ndcNotForCode: Rule = {
  id: NDC_NOT_FOR_CODE,
  defaultSeverity: 'warning',
  description: "The line's NDC is in the CMS ASP NDC-HCPCS crosswalk under other HCPCS codes than the line's.",
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      if (!line.drug?.ndc) continue;
      const code = codeOf(line);
      if (!code) continue;
      const n = lineNdc(line, ctx.codeSet);
      if (!n || n.rows.length === 0 || n.forCode) continue;
      const codes = [...new Set(n.rows.map((r) => r.hcpcs))];
      out.push({
        ruleId: NDC_NOT_FOR_CODE,
        span: spanOf(line.drug.ndc),
        message:
          `NDC ${n.ndc} is not billed under ${code}: it is ${n.rows[0].drugName} (${n.rows[0].labeler}), which the CMS ASP NDC-HCPCS crosswalk ` +
          `(${n.asp.release}) bills under ${cappedList(codes)}. Payers match the NDC to the HCPCS code and deny a mismatch: ` +
          `check the NDC on the vial against the code billed.`,
      });
    }
    return out;
  },
};
