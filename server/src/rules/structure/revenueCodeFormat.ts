import type { CheckedClaim, ClaimFileContext, Finding, Fix, Rule } from '../types';

export const REVENUE_CODE_FORMAT = 'hcpcs/revenue-code-format';

const FOUR_DIGITS = /^\d{4}$/;
const DIGITS = /^\d{1,3}$/;

/**
 * An 837I service line's revenue code (SV201) is a NUBC revenue code: four digits, with its leading zero ("0636",
 * not "636"). The implementation guide types SV201 as text of up to 48 characters, so a clearinghouse's guide check
 * lets "636" or "ABCD" through; the payer's content edit then rejects the line as an invalid revenue code. The NUBC
 * list itself is licensed and not bundled, so only the form is checked. A spreadsheet export that read the code as a
 * number drops the leading zero: padding it back is then the certain fix.
 */
export const revenueCodeFormat: Rule = {
  id: REVENUE_CODE_FORMAT,
  defaultSeverity: 'error',
  description: 'An 837I revenue code (SV201) must be a four-digit NUBC revenue code, leading zero included (0636, not 636).',
  checkClaim({ claim }: CheckedClaim, _ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      const code = line.revenueCode;
      if (!code || line.kind !== 'institutional') continue;
      const value = code.value;
      if (value === '' || FOUR_DIGITS.test(value)) continue;
      const padded = DIGITS.test(value) ? value.padStart(4, '0') : undefined;
      const fixes: Fix[] | undefined = padded ? [{ title: `Write the revenue code as ${padded}`, edits: [{ span: { offset: code.offset, length: code.length }, newText: padded }], preferred: true }] : undefined;
      out.push({
        ruleId: REVENUE_CODE_FORMAT,
        span: { offset: code.offset, length: code.length },
        message:
          `Line ${line.lineNumber?.text ?? ''} (${line.procedureCode?.value ?? 'no HCPCS code'}) has revenue code "${value}" in SV201, which is not a ` +
          `four-digit NUBC revenue code. The payer rejects the line as an invalid revenue code. ` +
          (padded
            ? `It looks like ${padded} with its leading zero dropped (a spreadsheet that read it as a number does this): write ${padded}.`
            : `Enter the revenue code of the department that provided the service, as four digits (for example 0636 for drugs requiring detailed coding).`),
        fixes,
      });
    }
    return out;
  },
};
