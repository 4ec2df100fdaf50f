/** Which lines the JW/JZ drug waste modifiers apply to, and the JW/JZ lines of a claim grouped by code and date. */
import type { HcpcsRecord } from '../../codeset/types';
import type { Guide, GuideIndex } from '../../guides/types';
import type { Claim, ServiceLine } from '../../model/claim';
import type { RuleEnvironment } from '../types';
import { guideOf, type CodeFacts } from './codes';
import { dateOfService } from './dates';
import { codeOf, hasModifier } from './lineEdits';

const RADIOPHARMACEUTICAL = /^A9[56]\d\d$/;
const AGENT = /\b(therapeutic|diagnostic)\b/i;

function wasteByCode(record: HcpcsRecord): boolean {
  if (record.pricing.includes('51')) return true;
  return RADIOPHARMACEUTICAL.test(record.code) && AGENT.test(record.longDescription);
}

/**
 * A drug or radiopharmaceutical code the JW/JZ policy can apply to: pricing indicator 51 (drugs), an A95xx-A96xx
 * therapeutic or diagnostic agent, or a billing guide that says so. Whether the container was single-dose is on
 * the vial, not in the code set; messages say so.
 */
export function isWasteReportable(record: HcpcsRecord, guide: Guide | undefined): boolean {
  if (guide?.drugWasteModifiers) return true;
  return wasteByCode(record);
}

/** `isWasteReportable(facts.record, guides.get(facts.code))` with the code-set part computed once per code. */
export function isWasteReportableCode(facts: CodeFacts, record: HcpcsRecord, guides: GuideIndex): boolean {
  const byCode = (facts.wasteByCode ??= wasteByCode(record));
  return byCode || !!guideOf(facts, guides)?.drugWasteModifiers;
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
    out.push({ line, code, date: dateOfService(line, claim, env), jw: hasModifier(line, 'JW'), jz: hasModifier(line, 'JZ') });
  }
  return out;
}

/** Whether any line of the claim carries modifier `code` (upper case): most claims carry no JW, and skip the rest. */
export function claimHasModifier(claim: Claim, code: string): boolean {
  for (const line of claim.serviceLines) if (hasModifier(line, code)) return true;
  return false;
}
