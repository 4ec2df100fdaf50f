/**
 * What the CMS ASP NDC-HCPCS crosswalk says about a drug line's NDC (LIN02 N4, LIN03): the crosswalk rows of the
 * NDC, and the one for the line's HCPCS code. Shared by the NDC rules and the NDC hover.
 */
import { normalizeNdc } from '../../codeset/codeset';
import type { AspData, CodeSet, NdcRecord } from '../../codeset/types';
import type { ServiceLine } from '../../model/claim';
import { codeOf } from './lineEdits';
import { upper } from './codes';

export interface LineNdc {
  /** LIN03 as written. */
  written: string;
  /** 5-4-2 form, undefined when LIN03 is not 11 digits. */
  ndc: string | undefined;
  asp: AspData;
  /** Crosswalk rows of the NDC (any code). */
  rows: readonly NdcRecord[];
  /** The row for the line's HCPCS code, when the NDC crosswalks to it. */
  forCode: NdcRecord | undefined;
}

/** The line's NDC with its crosswalk rows; undefined without an N4 NDC or without the ASP data. */
export function lineNdc(line: ServiceLine, codeSet: CodeSet): LineNdc | undefined {
  const drug = line.drug;
  if (!drug?.ndc || !drug.ndc.value.trim()) return undefined;
  if (drug.qualifier && upper(drug.qualifier.value.trim()) !== 'N4') return undefined;
  const asp = codeSet.asp();
  if (!asp) return undefined;
  const written = drug.ndc.value.trim();
  const ndc = normalizeNdc(written);
  const rows = ndc ? asp.ndc(ndc) : [];
  const code = codeOf(line);
  return { written, ndc, asp, rows, forCode: code ? rows.find((r) => r.hcpcs === code) : undefined };
}

/** A drug code: priced as a drug by the release (pricing indicator 51) or billed for some NDC in the crosswalk. */
export function isDrugCode(code: string, codeSet: CodeSet): boolean {
  if (codeSet.procedure(code)?.pricing.includes('51')) return true;
  return (codeSet.asp()?.ndcsOf(code).length ?? 0) > 0;
}

/** "4" / "0.5": a number as a coder reads it. */
export function plain(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
