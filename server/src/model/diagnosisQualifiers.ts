/**
 * The HI code list qualifiers that make a code one of the claim's diagnoses (what SV107 pointers count), with the
 * diagnosis role and code system each names. AB* are ICD-10-CM, B* the ICD-9-CM equivalents.
 */
import type { Diagnosis } from './types';

export const DIAGNOSIS_QUALIFIERS: ReadonlyMap<string, readonly [Diagnosis['role'], Diagnosis['codeSystem']]> = new Map([
  ['ABK', ['principal', 'ICD-10-CM']],
  ['BK', ['principal', 'ICD-9-CM']],
  ['ABF', ['other', 'ICD-10-CM']],
  ['BF', ['other', 'ICD-9-CM']],
  ['ABJ', ['admitting', 'ICD-10-CM']],
  ['BJ', ['admitting', 'ICD-9-CM']],
  ['APR', ['reasonForVisit', 'ICD-10-CM']],
  ['PR', ['reasonForVisit', 'ICD-9-CM']],
  ['ABN', ['externalCause', 'ICD-10-CM']],
  ['BN', ['externalCause', 'ICD-9-CM']],
] as const);

/** Whether an HI qualifier names a diagnosis (ABK, ABF, BK, ...). */
export function isDiagnosisQualifier(qualifier: string): boolean {
  return DIAGNOSIS_QUALIFIERS.has(qualifier);
}
