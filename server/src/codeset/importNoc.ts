/**
 * Pure parser for the CMS "not otherwise classified" code list that comes with each HCPCS release
 * (NOC_codes_JAN2026.xlsx; in the CMS zip "NOC codes_JAN2026.xlsx"): one sheet, a title row, a header row
 * HCPCS | LONG DESCRIPTION | ADD DATE | TERM DATE, then one row per code. A long description that did not fit
 * goes on in the next row, which repeats the code and leaves the dates blank (J7192, J7195 in January 2026).
 */
import { isoDate } from './importHcpcs';
import type { XlsxSheet } from './xlsx';

export interface NocRecord {
  code: string;
  longDescription: string;
  /** ISO dates, "" when blank. */
  added: string;
  terminated: string;
}

const CODE = /^[A-Z]\d{4}$/;

export function parseNocSheet(sheet: XlsxSheet): { records: NocRecord[]; warnings: string[] } {
  const warnings: string[] = [];
  const rows = sheet.rows;
  const header = rows.findIndex((r) => (r[0] ?? '').trim().toUpperCase() === 'HCPCS');
  if (header < 0) return { records: [], warnings: [`sheet ${sheet.name}: no header row starting with HCPCS`] };
  const cols = rows[header].map((c) => c.trim().toUpperCase());
  const at = (name: string, fallback: number) => (cols.indexOf(name) >= 0 ? cols.indexOf(name) : fallback);
  const cCode = 0;
  const cDesc = at('LONG DESCRIPTION', 1);
  const cAdd = at('ADD DATE', 2);
  const cTerm = at('TERM DATE', 3);
  const records: NocRecord[] = [];
  for (let i = header + 1; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const code = (r[cCode] ?? '').trim().toUpperCase();
    if (code === '' && r.every((c) => c.trim() === '')) continue;
    if (!CODE.test(code)) {
      warnings.push(`row ${i + 1}: "${code}" is not a HCPCS code; ignored`);
      continue;
    }
    const desc = (r[cDesc] ?? '').trim();
    const added = isoDate(r[cAdd] ?? '');
    const terminated = isoDate(r[cTerm] ?? '');
    const prev = records[records.length - 1];
    if (prev && prev.code === code && added === '' && terminated === '') {
      prev.longDescription = `${prev.longDescription} ${desc}`.trim();
      continue;
    }
    for (const [what, v] of [['ADD DATE', added], ['TERM DATE', terminated]] as const) {
      if (v !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) warnings.push(`row ${i + 1}: ${code} ${what} "${v}" is not YYYYMMDD`);
    }
    records.push({ code, longDescription: desc, added, terminated });
  }
  records.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 1; i < records.length; i++) if (records[i].code === records[i - 1].code) warnings.push(`duplicate code ${records[i].code}`);
  return { records, warnings };
}
