import type { CheckedClaim, CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { removeModifierEdit, spanOf } from './lineEdits';

export const TERMINATED_MODIFIER = 'hcpcs/terminated-modifier';

/** A Level II modifier whose CMS termination date is before the line's date of service. */
export const terminatedModifier: Rule = {
  id: TERMINATED_MODIFIER,
  defaultSeverity: 'error',
  description: 'A service line carries a HCPCS modifier that CMS terminated before the line\'s date of service.',
  checkClaim: eachLine(({ line, dateOfService: dos }: CheckedLine, claim: CheckedClaim, ctx: ClaimFileContext, findings: Finding[]): void => {
    for (const m of line.modifiers) {
      const mod = claim.codeFacts.modifier(m.value);
      if (!mod?.terminated || dos <= mod.terminated) continue;
      const edit = removeModifierEdit(line, ctx, m);
      findings.push({
        ruleId: TERMINATED_MODIFIER,
        span: spanOf(m),
        message:
          `Modifier ${mod.code} was terminated: its last valid date of service was ${mod.terminated}, and this line ` +
          `is dated ${dos}. The payer rejects a modifier that is no longer valid: remove it, or use the modifier ` +
          `that replaced it under the payer's current instructions.`,
        fixes: edit ? [{ title: `Remove the terminated modifier ${mod.code}`, edits: [edit] }] : undefined,
        tags: ['deprecated'],
      });
    }
  }),
};
