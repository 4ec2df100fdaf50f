import { describeCoverage } from '../../codeset/describe';
import type { ServiceLine } from '../../model/claim';
import type { CheckedClaim, CheckedLine, ClaimFileContext, Finding, Fix, Rule } from '../types';
import { eachLine } from '../lineRule';
import { addModifierEdit, spanOf } from './lineEdits';

export const NONCOVERED_MEDICARE = 'hcpcs/noncovered-medicare';

const LIABILITY = ['GA', 'GY', 'GZ'];
const NONCOVERED = new Set(['I', 'M', 'S']);

/**
 * Which liability modifier fits which coverage code. The CMS file itself codes GY with coverage S (statutorily
 * excluded) and GZ with coverage M (expected denial as not reasonable and necessary); for I (not payable by
 * Medicare) either may fit, so both are offered and neither is preferred.
 */
const FITS: Readonly<Record<string, { modifier: string; preferred: boolean }[]>> = {
  S: [{ modifier: 'GY', preferred: true }],
  M: [
    { modifier: 'GZ', preferred: true },
    { modifier: 'GA', preferred: false },
  ],
  I: [
    { modifier: 'GY', preferred: false },
    { modifier: 'GZ', preferred: false },
  ],
};

function fixes(line: ServiceLine, claim: CheckedClaim, ctx: ClaimFileContext, coverage: string): Fix[] {
  const out: Fix[] = [];
  for (const { modifier, preferred } of FITS[coverage] ?? []) {
    const edit = addModifierEdit(line, ctx, modifier);
    const meaning = claim.codeFacts.modifier(modifier)?.shortDescription ?? '';
    if (edit) out.push({ title: `Add ${modifier}${meaning ? `: ${meaning}` : ''}`, edits: [edit], preferred });
  }
  return out;
}

/** Medicare claim, a code with coverage code I, M or S, and none of GA/GY/GZ to say who is liable. */
export const noncoveredMedicare: Rule = {
  id: NONCOVERED_MEDICARE,
  defaultSeverity: 'warning',
  description: 'Medicare claim: a code Medicare does not cover (coverage I, M or S) is billed without GA, GY or GZ.',
  checkClaim: eachLine(({ line, code: facts, modifierCodes }: CheckedLine, claim: CheckedClaim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (claim.payer !== 'medicare' || !line.procedureCode || !facts) return;
    const code = facts.code;
    const record = facts.record;
    if (!code || !record || !NONCOVERED.has(record.coverage)) return;
    if (LIABILITY.some((m) => modifierCodes.includes(m))) return;
    const meaning = describeCoverage(ctx.codeSet.codeTables, record.coverage) ?? `coverage code ${record.coverage}`;
    const advice =
      record.coverage === 'S'
        ? 'add GY so the denial is processed quickly and the patient can be billed or a secondary payer can pay'
        : record.coverage === 'M'
          ? 'add GA if the patient signed an Advance Beneficiary Notice (ABN), else GZ'
          : 'check whether Medicare takes another code for this service; if not, add GY (no Medicare benefit) or GZ (expected denial, no ABN)';
    findings.push({
      ruleId: NONCOVERED_MEDICARE,
      span: spanOf(line.procedureCode),
      message:
        `${code} has Medicare coverage code ${record.coverage} ("${meaning}"): Medicare will deny the line, and without ` +
        `GA, GY or GZ the provider cannot shift the liability to the patient. To fix: ${advice}.`,
      fixes: fixes(line, claim, ctx, record.coverage),
    });
  }),
};
