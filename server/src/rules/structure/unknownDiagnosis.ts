import { billableChildren, formatIcd10 } from '../../codeset/codeset';
import type { CheckedClaim, ClaimFileContext, Finding, Fix, Rule } from '../types';
import { HOW_TO_IMPORT_ICD10, icd10Standing } from '../claim/releaseDates';
import { diagnosisDate } from './diagnosisDate';

export { billableChildren } from '../../codeset/codeset';

export const UNKNOWN_DIAGNOSIS = 'icd10/unknown-diagnosis';

/**
 * Every ICD-10-CM diagnosis in HI must be a billable code of the fiscal year of the claim's date of service (FY2025
 * for 2024-10-01 to 2025-09-30, FY2026 after). A category or subcategory (C79, C795) is not billable: it needs more
 * characters. Payers reject claims with invalid diagnosis codes. A code of another year held says which change
 * removed or added it; a claim dated after the newest year held (or before the oldest) gets a milder finding that
 * says the tables cannot tell.
 */
export const unknownDiagnosis: Rule = {
  id: UNKNOWN_DIAGNOSIS,
  defaultSeverity: 'error',
  description: 'An HI diagnosis must be a billable ICD-10-CM code of the release in use (not a category that needs more characters).',
  checkClaim({ claim, codeFacts }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    const cs = ctx.codeSet;
    let date: string | undefined;
    let release = cs.icd10Release;
    let standing: ReturnType<typeof icd10Standing> = 'within';
    for (const d of claim.diagnoses) {
      if (d.codeSystem !== 'ICD-10-CM') continue;
      const raw = d.code.value;
      if (!raw.trim()) continue;
      if (date === undefined) {
        date = diagnosisDate(claim, ctx);
        standing = icd10Standing(cs, date);
        const years = cs.icd10Years();
        const year = cs.icd10YearFor(date) ?? (standing === 'before' ? years[0] : years[years.length - 1]);
        release = year?.release ?? cs.icd10Release;
        if (release !== cs.icd10Release && !cs.icd10Held(release)) {
          // the year's table is listed but could not be read: every code would look unknown; say so once instead
          out.push({
            ruleId: UNKNOWN_DIAGNOSIS,
            span: d.code,
            severity: 'warning',
            message:
              `This claim's diagnoses are not checked. It is dated ${date}, in ICD-10-CM ${release}, and the ${release} table could ` +
              `not be read (the server told why when it first tried). Reinstall the extension or re-import the release to restore it.`,
          });
          return out;
        }
      }
      if (codeFacts.icd10KnownIn(release, raw)) continue;
      const shown = formatIcd10(raw);
      const otherYear = cs.icd10Years().find((y) => y.release !== release && cs.icd10In(y.release, raw));
      if (otherYear && standing === 'within') {
        const deleted = otherYear.to < date!;
        const desc = cs.icd10In(otherYear.release, raw)!.description;
        const under = deleted && release === cs.icd10Release ? billableChildren(cs, raw) : [];
        const instead = under.length ? ` (${release} codes under it: ${under.slice(0, 5).map(formatIcd10).join(', ')}${under.length > 5 ? ', ...' : ''})` : '';
        out.push({
          ruleId: UNKNOWN_DIAGNOSIS,
          span: d.code,
          message: deleted
            ? `${shown} was deleted from ICD-10-CM at the ${release} change (${otherYear.to} was its last day). ` +
              `It was "${desc}" in ${otherYear.release}; this claim is dated ${date}, in ${release}, and payers reject deleted diagnosis ` +
              `codes. Code it with the ${release} code the record supports${instead}.`
            : `${shown} is new in ${otherYear.release} and did not exist on ${date} (${release}). ` +
              `It is "${desc}" from ${otherYear.from}; payers reject it on an earlier date. Use the ${release} code the record supports.`,
        });
        continue;
      }
      if (standing !== 'within') {
        const years = cs.icd10Years();
        out.push({
          ruleId: UNKNOWN_DIAGNOSIS,
          span: d.code,
          severity: standing === 'after' ? 'warning' : 'info',
          message:
            standing === 'after'
              ? `${shown} may be newer than ICD-10-CM ${release}, the newest year held. ${release} is for dates of service to ` +
                `${years[years.length - 1].to} and this claim is dated ${date}, so a code added since is not in it. ${HOW_TO_IMPORT_ICD10} to check it.`
              : `ICD-10-CM ${release}, the oldest year held, cannot tell whether ${shown} was valid on ${date}. ${release} starts ` +
                `${years[0].from}; check the code against the ICD-10-CM file of that year.`,
        });
        continue;
      }
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
          (release === cs.icd10Release ? '' : `${release} is the year of the claim's date of service ${date}. `) +
          `Payers reject claims with invalid diagnosis codes. Check the code against the record (a typo, a deleted code or an ICD-9 code) and correct it.`,
      });
    }
    return out;
  },
};
