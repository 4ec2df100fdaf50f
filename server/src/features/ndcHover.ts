/**
 * Hover on the NDC of a drug line (LIN03 after N4): the drug, labeler and package from the CMS ASP NDC-HCPCS
 * crosswalk, the HCPCS code(s) it bills under and how many billing units one package is, and whether that fits the
 * line's code.
 */
import { normalizeNdc } from '../codeset/codeset';
import type { CodeSet, NdcRecord } from '../codeset/types';
import { plain } from '../rules/claim/ndc';

function row(r: NdcRecord, lineCode: string | undefined): string {
  const mark = lineCode && r.hcpcs === lineCode ? ' ✓ the line\'s code' : '';
  const items = r.packageQuantity === 1 ? 'one item' : `${plain(r.packageQuantity)} items`;
  return (
    `| **${r.hcpcs}**${mark} | ${r.hcpcsDosage} per unit | ${plain(r.billUnits)} unit${r.billUnits === 1 ? '' : 's'} per item; ` +
    `${plain(r.billUnitsPerPackage)} per package (${items} of size ${plain(r.packageSize)}) |`
  );
}

export function ndcHover(written: string, lineCode: string | undefined, codeSet: CodeSet): string {
  const ndc = normalizeNdc(written);
  if (!ndc) {
    return `**NDC ${written}** · not an 11-digit NDC\n\nLIN03 takes the 11-digit NDC without hyphens (5-4-2, e.g. 50242006001); payers reject other forms.`;
  }
  const asp = codeSet.asp();
  if (!asp) return `**NDC ${ndc}**\n\n*No CMS ASP NDC-HCPCS crosswalk is loaded: the drug behind this NDC cannot be shown.*`;
  const source = `*CMS ASP NDC-HCPCS crosswalk ${asp.release} (${asp.from} to ${asp.to})*`;
  const rows = asp.ndc(ndc);
  if (rows.length === 0) {
    return `**NDC ${ndc}**\n\nNot in the CMS ASP NDC-HCPCS crosswalk: it lists the NDCs of Part B drugs paid by average sales price, so the code this NDC bills under cannot be checked here.\n\n${source}`;
  }
  const first = rows[0];
  const parts = [`**NDC ${ndc}** · ${first.drugName}`, `Labeler: ${first.labeler}`];
  parts.push(['| HCPCS | billing unit | units in the package |', '|---|---|---|', ...rows.map((r) => row(r, lineCode))].join('\n'));
  if (lineCode && !rows.some((r) => r.hcpcs === lineCode)) {
    parts.push(`**Does not crosswalk to ${lineCode}**, the code on this line: payers match the NDC to the HCPCS code.`);
  }
  parts.push(source);
  return parts.join('\n\n');
}
