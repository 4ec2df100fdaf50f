/**
 * Turns the coded fields of a HCPCS record into the official wording of the CMS record layout. The tables are
 * imported from HCPC<year>_recordlayout.txt by scripts/import.ts (never typed by hand) and travel in the table
 * file's `layout`; pass `codeSet.codeTables`.
 */
import type { CodeTable, HcpcsCodeTables, HcpcsRecord } from './types';

function look(table: CodeTable | undefined, code: string): string | undefined {
  if (!table || code === '') return undefined;
  return table.codes[code] ?? table.codes[code.trim().toUpperCase()];
}

/** "57" -> "Other carrier priced". */
export function describePricingIndicator(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.pricingIndicator, code);
}
/** "C" -> "Carrier judgment". */
export function describeCoverage(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.coverage, code);
}
/** "D" -> "Discontinue procedure or modifier code". */
export function describeActionCode(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.actionCode, code);
}
/** "I1E" -> "Standard imaging - nuclear medicine". */
export function describeBetos(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.betos, code);
}
/** "6" -> "Therapeutic radiology". */
export function describeTypeOfService(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.typeOfService, code);
}
/** "A" -> "Not applicable as HCPCS priced under one methodology". */
export function describeMultiplePricing(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.multiplePricingIndicator, code);
}
/** "110" -> "Bacteriology". */
export function describeLabCertification(tables: HcpcsCodeTables | undefined, code: string): string | undefined {
  return look(tables?.labCertification, code);
}

export interface DescribedField {
  /** Field label for display, e.g. "Pricing indicator". */
  label: string;
  code: string;
  /** Official wording, or undefined when the layout has no entry for the code. */
  meaning: string | undefined;
}

/** Every coded field of a record with its meaning, in layout order, skipping blank fields. */
export function describeRecordFields(tables: HcpcsCodeTables | undefined, r: HcpcsRecord): DescribedField[] {
  const out: DescribedField[] = [];
  for (const p of r.pricing) out.push({ label: 'Pricing indicator', code: p, meaning: describePricingIndicator(tables, p) });
  if (r.multiplePricing) out.push({ label: 'Multiple pricing indicator', code: r.multiplePricing, meaning: describeMultiplePricing(tables, r.multiplePricing) });
  if (r.coverage) out.push({ label: 'Coverage', code: r.coverage, meaning: describeCoverage(tables, r.coverage) });
  if (r.betos) out.push({ label: 'BETOS', code: r.betos, meaning: describeBetos(tables, r.betos) });
  for (const t of r.typeOfService) out.push({ label: 'Type of service', code: t, meaning: describeTypeOfService(tables, t) });
  if (r.actionCode) out.push({ label: 'Action', code: r.actionCode, meaning: describeActionCode(tables, r.actionCode) });
  return out;
}
