import type { Guide, GuideDiagnosisGroup } from './types';

/** Normalises an ICD-10-CM code as claims and notes write it ("C79.51", "c7951") to the table form "C7951". */
function normalize(code: string): string {
  return code.replace(/\./g, '').trim().toUpperCase();
}

/**
 * Medical necessity per the guide: the required diagnosis groups that none of the given ICD-10-CM codes meet
 * (each group needs one code starting with any of its prefixes). Empty when the guide requires nothing or
 * every group is met. For `hcpcs/medical-necessity`: pass the line's pointed-at diagnoses, or the claim's.
 */
export function unmetDiagnosisGroups(guide: Guide | undefined, diagnoses: readonly string[]): GuideDiagnosisGroup[] {
  const codes = diagnoses.map(normalize);
  return (guide?.requiredDiagnoses ?? []).filter((group) => !codes.some((c) => group.anyOf.some((p) => c.startsWith(p))));
}
