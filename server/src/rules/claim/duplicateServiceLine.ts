import type { ServiceLine } from '../../model/claim';
import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { dateOfService } from './dates';
import { codeOf, modifierSet, spanOf } from './lineEdits';
import { upper } from './codes';

export const DUPLICATE_SERVICE_LINE = 'hcpcs/duplicate-service-line';

/** "line 2 (LX 2)": how a coder finds a service line; LX01 when it is written, else its position. */
export function lineLabel(line: ServiceLine, index: number): string {
  const lx = line.lineNumber?.value;
  return lx !== null && lx !== undefined && lx !== index + 1 ? `line ${index + 1} (LX ${lx})` : `line ${index + 1}`;
}

/** Whether two lines have the same procedure code (the keys below are built only then: most claims have none). */
function someCodeTwice(lines: readonly ServiceLine[]): boolean {
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i].procedureCode?.value;
    if (a === undefined) continue;
    if (a.includes('|')) return true; // the key's separator inside a code: let the keys decide
    for (let j = 0; j < i; j++) {
      const b = lines[j].procedureCode?.value;
      if (b !== undefined && (a === b || upper(a) === upper(b))) return true;
    }
  }
  return false;
}

/**
 * The same procedure code, modifiers (in any order), date of service and units twice on one claim: payers deny the
 * second as a duplicate of the first. A real repeat of a service is told apart by a repeat modifier (76, 77, 91) or
 * another distinct-service modifier, and then the lines differ.
 */
export const duplicateServiceLine: Rule = {
  id: DUPLICATE_SERVICE_LINE,
  defaultSeverity: 'warning',
  description: 'Two service lines of one claim have the same code, modifiers, date of service and units (a duplicate the payer denies).',
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const lines = claim.serviceLines;
    if (lines.length < 2 || !someCodeTwice(lines)) return [];
    const findings: Finding[] = [];
    const first = new Map<string, number>();
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const code = codeOf(line);
      if (!code || !line.procedureCode) continue;
      const mods = [...modifierSet(line)].sort().join(':');
      const units = line.units?.value ?? line.units?.text ?? '';
      const key = `${code}|${mods}|${dateOfService(line, claim, ctx)}|${units}`;
      const j = first.get(key);
      if (j === undefined) {
        first.set(key, i);
        continue;
      }
      const other = lines[j];
      const what = `${code}${mods ? ` with ${mods.replace(/:/g, ', ')}` : ''}, ${units === '' ? 'no' : units} unit${units === 1 ? '' : 's'} on ${dateOfService(line, claim, ctx)}`;
      findings.push({
        ruleId: DUPLICATE_SERVICE_LINE,
        span: spanOf(line.procedureCode),
        message:
          `${lineLabel(line, i)} repeats ${lineLabel(other, j)}: ${what}. The payer denies the copy as a duplicate service. ` +
          `Remove it, add the units to the first line, or, if the service really was repeated, mark it with the repeat ` +
          `modifier the payer asks for (76/77 for a procedure, 91 for a lab test).`,
        related: [{ span: spanOf(other.procedureCode ?? other.serviceSpan), message: `${lineLabel(other, j)}: the first line with ${what}` }],
      });
    }
    return findings;
  },
};
