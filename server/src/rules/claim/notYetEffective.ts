import type { CheckedClaim, CheckedLine, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';

export const NOT_YET_EFFECTIVE = 'hcpcs/not-yet-effective';

/** The line bills a code (or modifier) that CMS added after the line's date of service. */
export const notYetEffective: Rule = {
  id: NOT_YET_EFFECTIVE,
  defaultSeverity: 'error',
  description: 'A service line bills a HCPCS code or modifier that CMS added after the line\'s date of service.',
  checkClaim: eachLine(({ line, code: facts, dateOfService: dos }: CheckedLine, claim: CheckedClaim, _ctx, findings: Finding[]): void => {
    const code = line.procedureCode && facts ? facts.code : null;
    const record = code ? facts!.record : undefined;
    if (record?.added && dos < record.added && line.procedureCode) {
      findings.push({
        ruleId: NOT_YET_EFFECTIVE,
        span: spanOf(line.procedureCode),
        message:
          `${code} took effect on ${record.added}, after this line's date of service ${dos}. ` +
          `The payer denies a code that did not exist on the date of service: check the date, or bill the code ` +
          `that was valid then.`,
      });
    }
    for (const m of line.modifiers) {
      const mod = claim.codeFacts.modifier(m.value);
      if (!mod?.added || dos >= mod.added) continue;
      findings.push({
        ruleId: NOT_YET_EFFECTIVE,
        span: spanOf(m),
        message:
          `Modifier ${mod.code} took effect on ${mod.added}, after this line's date of service ${dos}. ` +
          `The payer rejects a modifier that did not exist on the date of service: check the date, or remove the modifier.`,
      });
    }
  }),
};
