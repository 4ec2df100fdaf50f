/**
 * The date a claim's diagnoses are coded for: the claim's date of service (DTP*472, else the 434 statement period
 * start), else its earliest line date, else the fallback date. ICD-10-CM fiscal years and the ICD-9 to ICD-10
 * transition are decided on it.
 */
import type { Claim } from '../../model/claim';
import type { RuleEnvironment } from '../types';

export function diagnosisDate(claim: Claim, env: Pick<RuleEnvironment, 'today'>): string {
  const own = claim.serviceDate?.from;
  if (own) return own;
  let earliest: string | undefined;
  for (const line of claim.serviceLines) {
    const d = line.dateOfService?.from;
    if (d && (!earliest || d < earliest)) earliest = d;
  }
  return earliest ?? env.today;
}

/** The first date of service on which ICD-10-CM replaced ICD-9-CM for diagnoses (HIPAA, 45 CFR 162.1002). */
export const ICD10_START = '2015-10-01';
