/** Which lines the JW/JZ drug waste modifiers apply to, and the JW/JZ lines of a claim grouped by code and date. */
import type { HcpcsRecord } from '../../codeset/types';
import type { Guide } from '../../guides/types';
import type { Claim, ServiceLine } from '../../model/claim';
import type { RuleEnvironment } from '../types';
import { dateOfService } from './dates';
import { codeOf, modifierSet } from './lineEdits';

const RADIOPHARMACEUTICAL = /^A9[56]\d\d$/;
const AGENT = /\b(therapeutic|diagnostic)\b/i;

/**
 * A drug or radiopharmaceutical code the JW/JZ policy can apply to: pricing indicator 51 (drugs), an A95xx-A96xx
 * therapeutic or diagnostic agent, or a billing guide that says so. Whether the container was single-dose is on
 * the vial, not in the code set; messages say so.
 */
export function isWasteReportable(record: HcpcsRecord, guide: Guide | undefined): boolean {
  if (guide?.drugWasteModifiers) return true;
  if (record.pricing.includes('51')) return true;
  return RADIOPHARMACEUTICAL.test(record.code) && AGENT.test(record.longDescription);
}

export interface WasteLine {
  line: ServiceLine;
  code: string;
  date: string;
  jw: boolean;
  jz: boolean;
}

export function wasteLines(claim: Claim, env: Pick<RuleEnvironment, 'today'>): WasteLine[] {
  const out: WasteLine[] = [];
  for (const line of claim.serviceLines) {
    const code = codeOf(line);
    if (!code) continue;
    const mods = modifierSet(line);
    out.push({ line, code, date: dateOfService(line, claim, env), jw: mods.has('JW'), jz: mods.has('JZ') });
  }
  return out;
}
