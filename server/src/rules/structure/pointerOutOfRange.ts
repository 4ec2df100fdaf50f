import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';

export const POINTER_OUT_OF_RANGE = 'hcpcs/pointer-out-of-range';

/**
 * An SV107 diagnosis pointer must name one of the claim's HI diagnoses (1 = the first code of HI). A pointer
 * that resolves to nothing leaves the line without a diagnosis, and payers deny the line for medical necessity
 * (or reject the claim outright).
 */
export const pointerOutOfRange: Rule = {
  id: POINTER_OUT_OF_RANGE,
  defaultSeverity: 'error',
  description: "An SV107 diagnosis pointer must be a number from 1 to the claim's count of HI diagnoses.",
  checkClaim({ claim }: CheckedClaim, _ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    const count = claim.diagnoses.length;
    for (const line of claim.serviceLines) {
      for (const p of line.diagnosisPointers) {
        if (p.diagnosis) continue;
        const lineNo = line.lineNumber?.text ?? '';
        const notNumber = p.value === null || !Number.isInteger(p.value);
        const problem = notNumber
          ? `Diagnosis pointer "${p.text}" on line ${lineNo} is not a number from 1 to 12`
          : `Diagnosis pointer ${p.text} on line ${lineNo} points past the claim's ${count} diagnos${count === 1 ? 'is' : 'es'}`;
        out.push({
          ruleId: POINTER_OUT_OF_RANGE,
          span: { offset: p.offset, length: p.length },
          message:
            `${problem}: the line has no diagnosis to support it, and payers deny such lines (or reject the claim). ` +
            (count === 0
              ? 'Add the diagnoses to the claim HI segment.'
              : `Point at a diagnosis from 1 to ${count}, or add the missing diagnosis to HI.`),
        });
      }
    }
    return out;
  },
};
