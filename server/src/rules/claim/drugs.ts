/** Which lines the JW/JZ drug waste modifiers apply to, and the JW/JZ lines of a claim grouped by code and date. */
import { drugWasteByCode, type CodeFacts } from '../../codeset/codeFacts';
import type { AspData, HcpcsRecord } from '../../codeset/types';
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

/**
 * What the official files say about the container of a JW/JZ candidate. CMS requires JW or JZ only on separately
 * payable Part B drugs from single-dose containers or single-use packages (the FDA label decides; multi-dose vials
 * take neither). Neither the HCPCS release nor the ASP NDC-HCPCS crosswalk has a container field, so:
 *   - `single-dose`: the billing guide says so, or the CMS descriptor says "single use" / "single dose" vial;
 *   - `likely`: a radiopharmaceutical or contrast agent (A95xx-A96xx, prepared as one patient's dose), or a drug the
 *     ASP crosswalk prices by NDC (a separately payable Part B drug) in vials or packages of a dose unit: CMS's
 *     requirement most likely applies, the label decides;
 *   - `solution`: the crosswalk bills it by a volume of 100 mL or more a unit (normal saline, dextrose): an infusion
 *     solution in bags, not a drug vial whose remainder is discarded;
 *   - `unknown`: a drug (pricing indicator 51) the crosswalk lists no NDC for (insulin J1815, for one): nothing in the
 *     files says its container, and it is not priced by ASP this quarter.
 * The first two are warnings, the last two information (see hcpcs/drug-waste-modifier).
 */
export type WasteContainerKind = 'single-dose' | 'likely' | 'solution' | 'unknown';

export interface WasteContainer {
  kind: WasteContainerKind;
  /** Why, in a clause for the message ("the CMS ASP NDC-HCPCS crosswalk (2026-01) lists ..."). */
  basis: string;
}

const SINGLE_DOSE_WORDS = /\bsingle[- ](?:use|dose)\b[^,;]*/i;
/** "250 CC", "500 ML", "1 L": the billing unit of an infusion solution, in mL. */
const VOLUME_DOSAGE = /^\s*(\d+(?:\.\d+)?)\s*(ML|CC|L)\s*$/i;
/** The smallest billing unit (mL) read as a solution billed by volume rather than a drug in a vial. */
const SOLUTION_ML = 100;

const fmt = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '?');
function range(values: readonly number[]): string {
  const ok = values.filter((v) => Number.isFinite(v));
  if (ok.length === 0) return '?';
  const lo = Math.min(...ok);
  const hi = Math.max(...ok);
  return lo === hi ? fmt(lo) : `${fmt(lo)} to ${fmt(hi)}`;
}

/** The container evidence of a JW/JZ candidate code (see WasteContainer); `asp` is codeSet.asp(). */
export function wasteContainer(facts: CodeFacts, guide: Guide | undefined, asp: AspData | undefined): WasteContainer {
  const code = facts.code;
  if (guide?.drugWasteModifiers) return { kind: 'single-dose', basis: `the billing guide for ${code} says it comes in a single-dose container` };
  const record = facts.record;
  const words = record ? SINGLE_DOSE_WORDS.exec(record.longDescription) : null;
  if (words) return { kind: 'single-dose', basis: `the CMS descriptor of ${code} says "${words[0].trim().toLowerCase()}"` };
  if (record && !record.pricing.includes('51') && drugWasteByCode(record)) {
    return { kind: 'likely', basis: `${code} is a radiopharmaceutical or contrast agent (A95xx-A96xx), prepared as one patient's dose` };
  }
  if (!asp) return { kind: 'likely', basis: `no CMS ASP NDC-HCPCS crosswalk is loaded to tell its packages` };
  const rows = asp.ndcsOf(code);
  const cw = `the CMS ASP NDC-HCPCS crosswalk (${asp.release})`;
  if (rows.length === 0) {
    return { kind: 'unknown', basis: `${cw} lists no NDC for ${code} and the HCPCS release does not say its container` };
  }
  const vol = VOLUME_DOSAGE.exec(rows[0].hcpcsDosage);
  const ml = vol ? Number(vol[1]) * (vol[2].toUpperCase() === 'L' ? 1000 : 1) : 0;
  if (ml >= SOLUTION_ML) {
    return {
      kind: 'solution',
      basis: `${cw} bills ${code} by volume (${rows[0].hcpcsDosage} a unit) in items of ${range(rows.map((r) => r.packageSize))} mL: an infusion solution, not a drug vial`,
    };
  }
  const ndcs = rows.length === 1 ? '1 NDC' : `${rows.length} NDCs`;
  return {
    kind: 'likely',
    basis: `${cw} lists ${ndcs} for ${code} (${rows[0].hcpcsDosage} a unit, ${range(rows.map((r) => r.billUnits))} units an item) but not whether they are single-dose: the vial's label says`,
  };
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
