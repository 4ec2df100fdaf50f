/** Which lines the JW/JZ drug waste modifiers apply to, and the JW/JZ lines of a claim grouped by code and date. */
import { drugWasteByCode, type CodeFacts } from '../../codeset/codeFacts';
import type { HcpcsRecord } from '../../codeset/types';
import type { Guide } from '../../guides/types';
import type { ServiceLine } from '../../model/claim';
import type { CheckedClaim } from '../types';

/**
 * A drug or radiopharmaceutical code the JW/JZ policy can apply to: pricing indicator 51 (drugs), an A95xx-A96xx
 * therapeutic or diagnostic agent, or a billing guide that says so. Whether the container was single-dose is on
 * the vial, not in the code set; messages say so.
 */
export function isWasteReportable(record: HcpcsRecord, guide: Guide | undefined): boolean {
  if (guide?.drugWasteModifiers) return true;
  return drugWasteByCode(record);
}

/** `isWasteReportable(facts.record, guide)` with the code-set part computed once per code (codeset/codeFacts.ts). */
export function isWasteReportableCode(facts: CodeFacts, guide: Guide | undefined): boolean {
  return facts.drugWasteByCode || !!guide?.drugWasteModifiers;
}

export interface WasteLine {
  line: ServiceLine;
  code: string;
  date: string;
  jw: boolean;
  jz: boolean;
}

/** The claim's lines with a procedure code, with their code, date of service and JW/JZ. */
export function wasteLines(claim: CheckedClaim): WasteLine[] {
  const out: WasteLine[] = [];
  for (const l of claim.lines) {
    if (!l.code) continue;
    out.push({ line: l.line, code: l.code.code, date: l.dateOfService, jw: l.modifierCodes.includes('JW'), jz: l.modifierCodes.includes('JZ') });
  }
  return out;
}

/** Whether any line of the claim carries modifier `code` (upper case): most claims carry no JW, and skip the rest. */
export function claimHasModifier(claim: CheckedClaim, code: string): boolean {
  for (const l of claim.lines) if (l.modifierCodes.includes(code)) return true;
  return false;
}
