/**
 * Level I (CPT) modifiers are AMA-licensed, so their descriptors are not bundled. These short names are the
 * project's own words, enough to recognise the modifier on a claim.
 */
export const LEVEL_I_MODIFIER_NAMES: Readonly<Record<string, string>> = {
  '22': 'Increased procedural services',
  '24': 'Unrelated E/M service during a postoperative period',
  '25': 'Significant, separately identifiable E/M service on the same day as a procedure',
  '26': 'Professional component only',
  '27': 'Multiple outpatient hospital E/M encounters on the same date',
  '33': 'Preventive service',
  '47': 'Anesthesia by the surgeon',
  '50': 'Bilateral procedure',
  '51': 'Multiple procedures',
  '52': 'Reduced services',
  '53': 'Discontinued procedure',
  '54': 'Surgical care only',
  '55': 'Postoperative management only',
  '56': 'Preoperative management only',
  '57': 'Decision for surgery',
  '58': 'Staged or related procedure by the same physician during the postoperative period',
  '59': 'Distinct procedural service (CMS prefers XE/XS/XP/XU where one fits)',
  '62': 'Two surgeons',
  '63': 'Procedure performed on an infant under 4 kg',
  '66': 'Surgical team',
  '76': 'Repeat procedure by the same physician',
  '77': 'Repeat procedure by another physician',
  '78': 'Unplanned return to the operating room during the postoperative period',
  '79': 'Unrelated procedure by the same physician during the postoperative period',
  '80': 'Assistant surgeon',
  '81': 'Minimum assistant surgeon',
  '82': 'Assistant surgeon when no qualified resident was available',
  '90': 'Reference (outside) laboratory',
  '91': 'Repeat clinical diagnostic laboratory test',
  '92': 'Alternative laboratory platform testing',
  '95': 'Synchronous telemedicine service',
  '96': 'Habilitative services',
  '97': 'Rehabilitative services',
  '99': 'Multiple modifiers',
};

/** True when the modifier is a Level I (CPT) modifier this extension knows by name. */
export function isLevelOneModifier(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(LEVEL_I_MODIFIER_NAMES, code);
}
