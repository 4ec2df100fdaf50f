import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { claimHasModifier, wasteLines } from './drugs';
import { findModifier, spanOf } from './lineEdits';

export const JW_WITHOUT_ADMINISTERED = 'hcpcs/jw-without-administered';

/** A JW (discarded amount) line with no line for the same code and date that bills the amount given. */
export const jwWithoutAdministered: Rule = {
  id: JW_WITHOUT_ADMINISTERED,
  defaultSeverity: 'warning',
  description: 'A JW line (drug amount discarded) has no line for the same code and date billing the amount administered.',
  checkClaim(claim: CheckedClaim, _ctx: ClaimFileContext): Finding[] {
    if (!claimHasModifier(claim, 'JW')) return [];
    const findings: Finding[] = [];
    const lines = wasteLines(claim);
    for (const w of lines) {
      if (!w.jw || w.jz) continue; // JW with JZ on one line is hcpcs/conflicting-modifiers
      if (lines.some((o) => o !== w && !o.jw && o.code === w.code && o.date === w.date)) continue;
      const jw = findModifier(w.line, 'JW')!;
      findings.push({
        ruleId: JW_WITHOUT_ADMINISTERED,
        span: spanOf(jw),
        message:
          `This JW line for ${w.code} on ${w.date} has no line for the amount administered. ` +
          `The payer pays waste only alongside the dose given (the same code and date without JW): add the administered ` +
          `line, or check the code and date of this one.`,
      });
    }
    return findings;
  },
};
