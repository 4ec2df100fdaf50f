/**
 * "Not otherwise classified" (NOC) codes. CMS publishes its NOC list only as an xlsx, so NOC-ness is derived from
 * the official long descriptor. Against NOC_codes_JAN2026.xlsx (166 codes) this finds 161 procedures, 155 of them
 * on the CMS list; the misses are quality-measure codes whose descriptor says "reason not otherwise specified"
 * (CMS lists only a few of the many such codes), "nsclc-nos" (a histology term), and S5150/S5151/S9986.
 */
import type { HcpcsRecord } from './types';

const NOC_PATTERNS: RegExp[] = [
  // "not otherwise classified/specified", but not the quality-measure phrase "reason not otherwise specified"
  /(?<!reason )not[- ]otherwise (classified|specified)/,
  /not elsewhere (classified|specified)/,
  /\b(unlisted|miscellaneous|unclassified|unspecified)\b/,
  // "Noc drugs, ...", "..., nos" but not "nsclc-nos"
  /(?<![-\w])(noc|nos)\b/,
];

/** True when the code is a catch-all ("not otherwise classified") code, judged from its long descriptor. */
export function isNotOtherwiseClassified(record: Pick<HcpcsRecord, 'longDescription'>): boolean {
  const d = record.longDescription.toLowerCase();
  return NOC_PATTERNS.some((re) => re.test(d));
}
