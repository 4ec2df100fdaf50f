import type { Modifier } from '../../model/claim';
import type { CheckedClaim, Finding, Rule } from '../types';
import { spanOf } from './lineEdits';

export const DISTINCT_SERVICE_ALONE = 'hcpcs/distinct-service-alone';

const DISTINCT = new Set(['59', 'XE', 'XS', 'XP', 'XU']);

/** 59 or XE/XS/XP/XU on a line with no other service on the claim and date to be distinct from. */
export const distinctServiceAlone: Rule = {
  id: DISTINCT_SERVICE_ALONE,
  defaultSeverity: 'warning',
  description: '59 or XE/XS/XP/XU on a line with no other service on the same claim and date to be distinct from.',
  checkClaim({ lines }: CheckedClaim): Finding[] {
    const findings: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const { line, modifierCodes, dateOfService } = lines[i];
      let m: Modifier | undefined;
      let mod = '';
      for (let k = 0; k < modifierCodes.length; k++) {
        if (DISTINCT.has(modifierCodes[k])) {
          m = line.modifiers[k];
          mod = modifierCodes[k];
          break;
        }
      }
      if (!m) continue;
      if (lines.some((l, j) => j !== i && l.dateOfService === dateOfService)) continue;
      findings.push({
        ruleId: DISTINCT_SERVICE_ALONE,
        span: spanOf(m),
        message:
          `${mod} marks this service as distinct, but no other line on this claim is dated ${dateOfService}. ` +
          `Distinct means from another service on the same day; payers audit 59/X modifiers closely and deny them when there is nothing to be distinct from: ` +
          `remove ${mod}, or check the dates of the lines.`,
      });
    }
    return findings;
  },
};
