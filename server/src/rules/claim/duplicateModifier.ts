import { upper } from '../../codeset/codeFacts';
import type { CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { removeModifierEdit, spanOf } from './lineEdits';

export const DUPLICATE_MODIFIER = 'hcpcs/duplicate-modifier';

/** The same modifier twice on one line: the copy is reported and the fix removes it with its separator. */
export const duplicateModifier: Rule = {
  id: DUPLICATE_MODIFIER,
  defaultSeverity: 'warning',
  description: 'The same modifier appears twice on one service line.',
  checkClaim: eachLine(({ line }: CheckedLine, _claim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (line.modifiers.length < 2) return;
    const seen = new Map<string, (typeof line.modifiers)[number]>();
    for (const m of line.modifiers) {
      const value = upper(m.value);
      const first = seen.get(value);
      if (!first) {
        seen.set(value, m);
        continue;
      }
      const edit = removeModifierEdit(line, ctx, m);
      findings.push({
        ruleId: DUPLICATE_MODIFIER,
        span: spanOf(m),
        message:
          `Modifier ${value} appears twice on this line (positions ${first.position} and ${m.position}). A repeated modifier ` +
          `adds nothing and some payers reject the line as invalid: remove the copy.`,
        related: [{ span: spanOf(first), message: `first ${value}` }],
        fixes: edit ? [{ title: `Remove the second ${value}`, edits: [edit], preferred: true }] : undefined,
        tags: ['unnecessary'],
      });
    }
  }),
};
