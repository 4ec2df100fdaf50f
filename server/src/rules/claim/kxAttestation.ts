import type { CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { codeOf, findModifier, spanOf } from './lineEdits';

export const KX_ATTESTATION = 'hcpcs/kx-attestation';

/** KX is on the line: a reminder of the documentation it promises (from the guides when they say more). */
export const kxAttestation: Rule = {
  id: KX_ATTESTATION,
  defaultSeverity: 'info',
  description: 'KX is present: a reminder that the record must show every requirement of the payer policy is met.',
  checkClaim: eachLine(({ line }: CheckedLine, _claim, ctx: ClaimFileContext, findings: Finding[]): void => {
    const kx = findModifier(line, 'KX');
    if (!kx) return;
    const code = codeOf(line);
    const when = code ? ctx.guides.get(code)?.commonModifiers?.find((m) => m.modifier === 'KX')?.when : undefined;
    const criteria = ctx.guides.get('KX')?.documentation?.map((d) => d.label) ?? [];
    findings.push({
      ruleId: KX_ATTESTATION,
      span: spanOf(kx),
      message:
        `KX attests that the requirements of the payer's medical policy for ${code ?? 'this service'} are met. On audit the ` +
        `payer recoups the payment if the record does not show them: make sure the record documents ` +
        (criteria.length ? criteria.join('; ') : 'each policy criterion and that it is met') +
        (when ? ` (${code}: ${when})` : '') +
        '.',
    });
  }),
};
