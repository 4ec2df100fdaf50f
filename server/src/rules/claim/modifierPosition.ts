import { upper } from '../../codeset/codeFacts';
import type { CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { componentSeparator, minimalEdit, procedureComponents, spanOf } from './lineEdits';

export const MODIFIER_POSITION = 'hcpcs/modifier-position';

/** Pricing modifiers that split a service into its professional and technical components. */
const PRICING = new Set(['26', 'TC']);

/**
 * 26 or TC not in the first modifier position. Payers price from the first modifier, so a component modifier
 * further right gets the global fee or a denial. The fix moves it to the front; the others keep their order.
 */
export const modifierPosition: Rule = {
  id: MODIFIER_POSITION,
  defaultSeverity: 'warning',
  description: 'A pricing modifier (26 or TC) is not in the first modifier position.',
  checkClaim: eachLine(({ line }: CheckedLine, _claim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (line.modifiers.length === 0) return;
    const m = line.modifiers.find((x) => PRICING.has(upper(x.value)));
    if (!m || m.position === 1 || !line.procedure) return;
    const first = line.modifiers.find((x) => x.position === 1);
    if (first && PRICING.has(first.value.toUpperCase())) return;
    const parts = procedureComponents(line, ctx);
    let fix;
    if (parts) {
      const mods = parts.slice(2, 6);
      const i = m.position - 1;
      const reordered = [mods[i], ...mods.filter((_, k) => k !== i)];
      const next = [...parts.slice(0, 2), ...reordered, ...parts.slice(6)];
      const sep = componentSeparator(ctx);
      fix = { title: `Move ${m.value.toUpperCase()} to the first modifier position`, edits: [minimalEdit(line.procedure.span.offset, parts.join(sep), next.join(sep))], preferred: true };
    }
    findings.push({
      ruleId: MODIFIER_POSITION,
      span: spanOf(m),
      message:
        `${m.value.toUpperCase()} is a pricing modifier in position ${m.position}. Payers price the line from the first ` +
        `modifier, so the line is paid at the wrong rate or denied: put ${m.value.toUpperCase()} first and the ` +
        `informational modifiers after it.`,
      fixes: fix ? [fix] : undefined,
    });
  }),
};
