import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';

export const ZERO_UNITS = 'hcpcs/zero-units';

/** A service line billed with 0 units (SV104 / SV205) pays nothing and is rejected as invalid. */
export const zeroUnits: Rule = {
  id: ZERO_UNITS,
  defaultSeverity: 'error',
  description: 'A service line must bill at least one unit (SV104 / SV205 greater than zero).',
  checkClaim({ claim }: CheckedClaim, _ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      const units = line.units;
      if (!units || units.value === null || units.value > 0) continue;
      const element = line.kind === 'institutional' ? 'SV205' : 'SV104';
      out.push({
        ruleId: ZERO_UNITS,
        span: { offset: units.offset, length: units.length },
        message:
          `Line ${line.lineNumber?.text ?? ''} (${line.procedureCode?.value ?? 'no code'}) bills ${units.text} units in ${element}. ` +
          `Payers reject lines with no units (there is nothing to pay). ` +
          `Enter the units given, as the code's descriptor counts them (e.g. per millicurie, per 10 mg); remove the line if nothing was provided.`,
      });
    }
    return out;
  },
};
