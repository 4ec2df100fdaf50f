import type { Claim, Modifier } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';
import { dateOfService } from './dates';
import { upper } from './codes';
import { spanOf } from './lineEdits';

export const DISTINCT_SERVICE_ALONE = 'hcpcs/distinct-service-alone';

const DISTINCT = new Set(['59', 'XE', 'XS', 'XP', 'XU']);

/** 59 or XE/XS/XP/XU on a line with no other service on the claim and date to be distinct from. */
export const distinctServiceAlone: Rule = {
  id: DISTINCT_SERVICE_ALONE,
  defaultSeverity: 'warning',
  description: '59 or XE/XS/XP/XU on a line with no other service on the same claim and date to be distinct from.',
  checkClaim(claim: Claim, ctx: ClaimFileContext): Finding[] {
    const findings: Finding[] = [];
    let dates: string[] | undefined; // only for a claim with a 59/X modifier (few are)
    const lines = claim.serviceLines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line.modifiers.length === 0) continue;
      let m: Modifier | undefined;
      for (const x of line.modifiers) {
        if (DISTINCT.has(upper(x.value))) {
          m = x;
          break;
        }
      }
      if (!m) continue;
      const ds = (dates ??= lines.map((l) => dateOfService(l, claim, ctx)));
      if (ds.some((d, j) => j !== i && d === ds[i])) continue;
      const mod = upper(m.value);
      findings.push({
        ruleId: DISTINCT_SERVICE_ALONE,
        span: spanOf(m),
        message:
          `${mod} marks this service as distinct, but no other line on this claim is dated ${ds[i]}. ` +
          `Distinct means from another service on the same day; payers audit 59/X modifiers closely and deny them when there is nothing to be distinct from: ` +
          `remove ${mod}, or check the dates of the lines.`,
      });
    }
    return findings;
  },
};
