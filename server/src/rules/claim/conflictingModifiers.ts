import { upper } from '../../codeset/codeFacts';
import type { Modifier } from '../../model/claim';
import type { CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';

export const CONFLICTING_MODIFIERS = 'hcpcs/conflicting-modifiers';

interface Conflict {
  a: readonly string[];
  b: readonly string[];
  why: string;
  todo: string;
}

const CONFLICTS: readonly Conflict[] = [
  {
    a: ['JW'],
    b: ['JZ'],
    why: 'JW reports a discarded amount and JZ says nothing was discarded; the payer cannot pay both statements',
    todo: 'keep JZ if the whole dose was given; if some was discarded, bill the administered amount without JZ and the discarded amount on its own line with JW',
  },
  {
    a: ['RT'],
    b: ['LT'],
    why: 'one line cannot be on the right and the left side at once',
    todo: 'bill each side on its own line, or use the bilateral modifier 50 where the payer allows it',
  },
  {
    a: ['GA'],
    b: ['GZ'],
    why: 'GA says a waiver of liability (ABN) is on file and GZ says none is',
    todo: 'keep GA if the patient signed an ABN, otherwise GZ',
  },
  {
    a: ['59'],
    b: ['XE', 'XS', 'XP', 'XU'],
    why: 'XE/XS/XP/XU are the specific forms of 59, and the payer edits reject 59 alongside them',
    todo: 'keep the X modifier that fits and remove 59',
  },
];

/**
 * The modifiers on the same line that contradict this one, with the reason (the hover shows the conflict on both
 * modifiers; the finding sits on the second).
 */
export function conflictsOf(modifier: string, lineModifiers: readonly string[]): { other: string; why: string; todo: string }[] {
  const m = modifier.toUpperCase();
  const out: { other: string; why: string; todo: string }[] = [];
  for (const c of CONFLICTS) {
    const mine = c.a.includes(m) ? c.b : c.b.includes(m) ? c.a : null;
    if (!mine) continue;
    for (const o of lineModifiers) if (mine.includes(o.toUpperCase())) out.push({ other: o.toUpperCase(), why: c.why, todo: c.todo });
  }
  return out;
}

function find(modifiers: readonly Modifier[], codes: readonly string[]): Modifier | undefined {
  for (const m of modifiers) if (codes.includes(upper(m.value))) return m;
  return undefined;
}

/** Modifier pairs that contradict each other on one line: JW+JZ, RT+LT, GA+GZ, 59 with XE/XS/XP/XU. */
export const conflictingModifiers: Rule = {
  id: CONFLICTING_MODIFIERS,
  defaultSeverity: 'error',
  description: 'A service line carries modifiers that contradict each other (JW+JZ, RT+LT, GA+GZ, 59 with XE/XS/XP/XU).',
  checkClaim: eachLine(({ line }: CheckedLine, _claim, _ctx: ClaimFileContext, findings: Finding[]): void => {
    // the two sides of a conflict are different modifiers: a line needs two to have one
    if (line.modifiers.length < 2) return;
    for (const c of CONFLICTS) {
      const a = find(line.modifiers, c.a);
      const b = find(line.modifiers, c.b);
      if (!a || !b) continue;
      const [first, second] = a.position < b.position ? [a, b] : [b, a];
      const A = first.value.toUpperCase();
      const B = second.value.toUpperCase();
      findings.push({
        ruleId: CONFLICTING_MODIFIERS,
        span: spanOf(second),
        message: `${A} and ${B} on the same line contradict each other: ${c.why}, so the line is denied. To fix: ${c.todo}.`,
        related: [{ span: spanOf(first), message: `${A} on the same line` }],
      });
    }
  }),
};
