import { formatIcd10 } from '../../codeset/codeset';
import { unmetDiagnosisGroups } from '../../guides/diagnoses';
import type { Diagnosis, DiagnosisPointer } from '../../model/claim';
import type { CheckedClaim, CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { componentSeparator, spanOf } from './lineEdits';
import type { Fix } from '../types';
import { cappedList, MESSAGE_LIST_MAX } from '../../core/capList';

export const MEDICAL_NECESSITY = 'hcpcs/medical-necessity';

function labels(groups: { label: string }[]): string {
  return groups.map((g) => g.label).join(' and ');
}

/** Adds a pointer to each candidate diagnosis after the existing pointers (SV107 holds at most four). */
function pointerFixes(count: number, span: { offset: number; length: number }, candidates: Diagnosis[], ctx: ClaimFileContext): Fix[] {
  if (count >= 4) return [];
  const sep = componentSeparator(ctx);
  return candidates
    .filter((d) => d.position <= 12)
    .map((d) => ({
      title: `Point the line at diagnosis ${d.position} (${formatIcd10(d.code.value)}) too`,
      edits: [{ span: { offset: span.offset + span.length, length: 0 }, newText: `${sep}${d.position}` }],
      preferred: candidates.length === 1,
    }));
}

/**
 * The code's billing guide requires diagnoses (requiredDiagnoses: one code from each group): the claim carries none
 * of a group, or (837P) the line's SV107 pointers do not point at one. Lines without pointers are left to the
 * structure rules.
 */
export const medicalNecessity: Rule = {
  id: MEDICAL_NECESSITY,
  defaultSeverity: 'error',
  description: "A code whose billing guide requires diagnoses is billed without one on the claim, or the line's pointers miss it.",
  checkClaim: eachLine(({ line, code: facts, guide }: CheckedLine, { claim }: CheckedClaim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (!line.procedureCode || !facts) return;
    const code = facts.code;
    if (!code) return;
    if (!guide?.requiredDiagnoses?.length) return;
    const claimCodes = claim.diagnoses.map((d) => d.code.value);
    const missing = unmetDiagnosisGroups(guide, claimCodes);
    if (missing.length) {
      findings.push({
        ruleId: MEDICAL_NECESSITY,
        span: spanOf(line.procedureCode),
        message:
          `${code} is paid only with a diagnosis of ${labels(missing)}, and the claim has none.` +
          (claimCodes.length ? ` It has ${cappedList(claimCodes.map(formatIcd10))}.` : '') +
          ` The payer denies the line as not medically necessary: add the diagnosis the record supports to the HI segment ` +
          `and point the line at it.`,
      });
      return;
    }
    const pointers = line.diagnosisPointers;
    if (!pointers.length || !line.diagnosisPointerSpan) return;
    const pointed = pointers.map((p) => p.diagnosis).filter((d): d is NonNullable<DiagnosisPointer['diagnosis']> => !!d);
    const unmet = unmetDiagnosisGroups(guide, pointed.map((d) => d.code.value));
    if (!unmet.length) return;
    const candidates = claim.diagnoses.filter((d) => unmetDiagnosisGroups({ ...guide, requiredDiagnoses: unmet }, [d.code.value]).length < unmet.length);
    findings.push({
      ruleId: MEDICAL_NECESSITY,
      span: spanOf(line.diagnosisPointerSpan),
      message:
        `The line's diagnosis pointers do not point at ${labels(unmet)}, which ${code} requires. The payer reads medical ` +
        `necessity from the diagnoses the line points at and denies it: ` +
        (candidates.length
          ? `point SV107 at diagnosis ${cappedList(candidates.map((d) => `${d.position} (${formatIcd10(d.code.value)})`), MESSAGE_LIST_MAX, ' or ')}.`
          : 'point SV107 at the diagnosis that supports the service.'),
      related: candidates.slice(0, MESSAGE_LIST_MAX).map((d) => ({ span: spanOf(d.span), message: `diagnosis ${d.position}: ${formatIcd10(d.code.value)}` })),
      fixes: pointerFixes(pointers.length, line.diagnosisPointerSpan, candidates, ctx),
    });
  }),
};
