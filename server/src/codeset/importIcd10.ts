/**
 * Pure parser for the CDC/NCHS ICD-10-CM codes file (icd10cm-codes-<year>.txt): code in cols 1-7 (no dot,
 * space-padded), a space, then the description. No I/O.
 */
import { createHash } from 'node:crypto';
import type { Icd10Record } from './types';
import { fiscalYearDates, type Icd10ColumnsTableFile } from './schema';
import { columnBody } from './stringify';

export interface Icd10ParseResult {
  records: Icd10Record[];
  warnings: string[];
}

export function parseIcd10Text(text: string): Icd10ParseResult {
  const records: Icd10Record[] = [];
  const warnings: string[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const code = line.slice(0, 7).trimEnd();
    const description = line.slice(8).trim();
    if (!/^[A-Z][0-9A-Z]{2,6}$/.test(code) || description === '') {
      warnings.push(`line ${i + 1}: not a code line; ignored`);
      continue;
    }
    records.push({ code, description });
  }
  return { records, warnings };
}

/** True when the text looks like the ICD-10-CM codes file rather than the HCPCS fixed-width file. */
export function looksLikeIcd10Codes(text: string): boolean {
  const lines = text.split(/\r\n|\n|\r/, 50).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const icd = lines.filter((l) => /^[A-Z][0-9A-Z]{2,6} *$/.test(l.slice(0, 7)) && l[7] === ' ' && l.length > 8 && l[8] !== ' ');
  return icd.length >= Math.ceil(lines.length * 0.9);
}

/** "icd10cm-codes-2026.txt" -> "FY2026" (the CDC names files by fiscal year). */
export function releaseFromIcd10FileName(name: string): string | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /icd10cm[-_ a-z]*?(\d{4})/i.exec(base);
  return m ? `FY${m[1]}` : undefined;
}

export function buildIcd10Table(input: { release: string; sourceFile: string; text: string }): {
  table: Icd10ColumnsTableFile;
  warnings: string[];
} {
  const { records, warnings } = parseIcd10Text(input.text);
  records.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 1; i < records.length; i++) {
    if (records[i].code === records[i - 1].code) warnings.push(`duplicate code ${records[i].code}`);
  }
  const codes = records.map((r) => r.code);
  return {
    table: {
      format: 'icd10cm-table',
      version: 3,
      release: input.release,
      source: input.sourceFile.replace(/^.*[\\/]/, ''),
      effective: fiscalYearDates(input.release),
      // the bytes stringifyTable writes between the codes' brackets: a reader finding them needs not check them again
      codesSha256: createHash('sha256').update(columnBody(codes), 'utf8').digest('hex'),
      codes,
      descriptions: records.map((r) => r.description),
    },
    warnings,
  };
}
