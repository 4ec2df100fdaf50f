import { billableChildren, formatIcd10 } from '../../codeset/codeset';
import type { CheckedClaim, ClaimFileContext, Finding, Fix, Rule } from '../types';

export { billableChildren } from '../../codeset/codeset';

export const UNKNOWN_DIAGNOSIS = 'icd10/unknown-diagnosis';

/**
 * Every ICD-10-CM diagnosis in HI must be a billable code of the release in use. A category or subcategory
 * (C79, C795) is not billable: it needs more characters. Payers reject claims with invalid diagnosis codes.
 */
export const unknownDiagnosis: Rule = {
  id: UNKNOWN_DIAGNOSIS,
  defaultSeverity: 'error',
  description: 'An HI diagnosis must be a billable ICD-10-CM code of the release in use (not a category that needs more characters).',
  checkClaim({ claim, codeFacts }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    const release = ctx.codeSet.icd10Release;
    for (const d of claim.diagnoses) {
      if (d.codeSystem !== 'ICD-10-CM') continue;
      const raw = d.code.value;
      if (!raw.trim() || codeFacts.icd10Known(raw)) continue;
      const shown = formatIcd10(raw);
      const children = billableChildren(ctx.codeSet, raw);
      if (children.length > 0) {
        const sample = children.slice(0, 5).map(formatIcd10).join(', ');
        const fixes: Fix[] = children.length <= 5
          ? children.map((k) => ({ title: `Use ${formatIcd10(k)} ${ctx.codeSet.icd10(k)?.description ?? ''}`.trim(), edits: [{ span: { offset: d.code.offset, length: d.code.length }, newText: k }] }))
          : [];
        out.push({
          ruleId: UNKNOWN_DIAGNOSIS,
          span: d.code,
          message:
            `ICD-10-CM ${shown} is not billable: it is a category that needs more characters (${children.length >= 200 ? 'many' : children.length} billable code${children.length === 1 ? '' : 's'} under it, e.g. ${sample}). ` +
            `Payers reject claims coded to a category. Code to the highest specificity the record supports.`,
          fixes: fixes.length ? fixes : undefined,
        });
        continue;
      }
      out.push({
        ruleId: UNKNOWN_DIAGNOSIS,
        span: d.code,
        message:
          `${shown} is not an ICD-10-CM code in the ${release} release (diagnosis ${d.position}, HI${String(d.elementIndex).padStart(2, '0')}). ` +
          `Payers reject claims with invalid diagnosis codes. Check the code against the record (a typo, a deleted code or an ICD-9 code) and correct it.`,
      });
    }
    return out;
  },
};
