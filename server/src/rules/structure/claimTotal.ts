import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { cents, formatMoney } from './money';

export const CLAIM_TOTAL_MISMATCH = 'hcpcs/claim-total-mismatch';

/**
 * CLM02 (total claim charge) must equal the sum of the line charges (SV102 / SV203). Payers' front-end edits
 * reject a claim whose total does not balance before any line is priced.
 */
export const claimTotalMismatch: Rule = {
  id: CLAIM_TOTAL_MISMATCH,
  defaultSeverity: 'error',
  description: 'CLM02 total claim charge must equal the sum of the service line charges; unbalanced claims are rejected at the front end.',
  checkClaim({ claim }: CheckedClaim, _ctx: ClaimFileContext): Finding[] {
    const total = claim.totalCharge;
    if (!total || claim.serviceLines.length === 0) return [];
    const lineCents: number[] = [];
    for (const line of claim.serviceLines) {
      const c = cents(line.charge);
      if (c === null) return []; // a missing or unreadable line charge: the sum is not certain
      lineCents.push(c);
    }
    const sum = lineCents.reduce((a, b) => a + b, 0);
    const declared = cents(total);
    if (declared === sum) return [];
    const right = formatMoney(sum, [total, ...claim.serviceLines.map((l) => l.charge)]);
    const n = claim.serviceLines.length;
    return [
      {
        ruleId: CLAIM_TOTAL_MISMATCH,
        span: { offset: total.offset, length: total.length },
        message:
          `CLM02 total charge ${total.text} does not equal the sum of the ${n} line charge${n === 1 ? '' : 's'} (${right}). ` +
          `Payers reject a claim whose total does not balance before pricing any line. ` +
          `Set CLM02 to ${right}, or correct the line charge that is wrong.`,
        related: claim.serviceLines.flatMap((l, i) => (l.charge ? [{ span: l.charge, message: `line ${l.lineNumber?.text ?? i + 1} charge ${l.charge.text}` }] : [])),
        fixes: [{ title: `Set CLM02 to ${right}`, edits: [{ span: { offset: total.offset, length: total.length }, newText: right }], preferred: true }],
      },
    ];
  },
};
