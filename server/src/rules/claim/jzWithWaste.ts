import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { claimHasModifier, wasteLines } from './drugs';
import { findModifier, removeModifierEdit, spanOf } from './lineEdits';

export const JZ_WITH_WASTE = 'hcpcs/jz-with-waste';

/** JZ (nothing discarded) on a line while another line bills a discarded amount (JW) of the same code and date. */
export const jzWithWaste: Rule = {
  id: JZ_WITH_WASTE,
  defaultSeverity: 'error',
  description: 'JZ (no drug discarded) on a code that also has a JW (discarded amount) line on the same date.',
  checkClaim(claim: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    if (!claimHasModifier(claim, 'JZ') || !claimHasModifier(claim, 'JW')) return [];
    const findings: Finding[] = [];
    const lines = wasteLines(claim);
    for (const w of lines) {
      if (!w.jz || w.jw) continue; // JW with JZ on one line is hcpcs/conflicting-modifiers
      const jwLine = lines.find((o) => o !== w && o.jw && !o.jz && o.code === w.code && o.date === w.date);
      if (!jwLine) continue;
      const jz = findModifier(w.line, 'JZ')!;
      const jw = findModifier(jwLine.line, 'JW')!;
      const edit = removeModifierEdit(w.line, ctx, jz);
      findings.push({
        ruleId: JZ_WITH_WASTE,
        span: spanOf(jz),
        message:
          `JZ says none of ${w.code} was discarded on ${w.date}, yet a JW line bills a discarded amount. ` +
          `The payer denies contradicting waste statements: if some was discarded, remove JZ from the administered line ` +
          `(it carries no waste modifier); if nothing was, remove the JW line.`,
        related: [{ span: spanOf(jw), message: `JW line for ${w.code}` }],
        fixes: edit ? [{ title: 'Remove JZ from the administered line', edits: [edit] }] : undefined,
      });
    }
    return findings;
  },
};
