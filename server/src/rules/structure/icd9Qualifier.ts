import { formatIcd10 } from '../../codeset/codeset';
import type { CheckedClaim, ClaimFileContext, Finding, Fix, Rule } from '../types';
import { diagnosisDate, ICD10_START } from './diagnosisDate';

export const ICD9_QUALIFIER = 'icd10/icd9-qualifier';

/** ICD-9-CM qualifier -> the ICD-10-CM qualifier of the same role. */
const ICD10_QUALIFIER: Readonly<Record<string, string>> = { BK: 'ABK', BF: 'ABF', BJ: 'ABJ', PR: 'APR', BN: 'ABN' };

/**
 * An ICD-9-CM diagnosis qualifier (BK, BF, BJ, PR, BN) on a claim dated on or after 2015-10-01: from that date
 * HIPAA names ICD-10-CM the only diagnosis code set, and payers reject ICD-9. Before it, ICD-9 is right and the
 * diagnosis is not checked against ICD-10-CM at all (icd10/unknown-diagnosis skips it).
 */
export const icd9Qualifier: Rule = {
  id: ICD9_QUALIFIER,
  defaultSeverity: 'error',
  description: 'An ICD-9-CM diagnosis qualifier (BK, BF, ...) on a claim dated on or after 2015-10-01, when ICD-10-CM replaced ICD-9-CM.',
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    let date: string | undefined;
    for (const d of claim.diagnoses) {
      if (d.codeSystem !== 'ICD-9-CM') continue;
      date ??= diagnosisDate(claim, ctx);
      if (date < ICD10_START) continue;
      const q = d.qualifier.value.trim().toUpperCase();
      const replacement = ICD10_QUALIFIER[q];
      const year = ctx.codeSet.icd10YearFor(date);
      const asIcd10 = replacement && year ? ctx.codeSet.icd10In(year.release, d.code.value) : undefined;
      const fixes: Fix[] = asIcd10
        ? [{ title: `Use qualifier ${replacement}: ${formatIcd10(asIcd10.code)} is ICD-10-CM (${asIcd10.description})`, edits: [{ span: { offset: d.qualifier.offset, length: d.qualifier.length }, newText: replacement }], preferred: !/^[EV]/i.test(d.code.value.trim()) }]
        : [];
      out.push({
        ruleId: ICD9_QUALIFIER,
        span: { offset: d.qualifier.offset, length: d.qualifier.length },
        message:
          `${q} marks ${d.code.value} as an ICD-9-CM diagnosis, but this claim is dated ${date}: from ${ICD10_START} diagnoses must be ` +
          `ICD-10-CM and payers reject ICD-9. ` +
          (asIcd10
            ? `${formatIcd10(asIcd10.code)} is an ICD-10-CM code (${year!.release}): use the qualifier ${replacement}.`
            : `Code the diagnosis in ICD-10-CM and use the qualifier ${replacement ?? 'ABK/ABF'}.`),
        fixes: fixes.length ? fixes : undefined,
      });
    }
    return out;
  },
};
