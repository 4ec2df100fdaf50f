/**
 * The user's own licensed CPT descriptors (never bundled): a CSV of `code,descriptor`, header optional, RFC 4180
 * quoting ("" inside quotes, commas and newlines in quoted fields). Pure: text in, records and errors out.
 */
import type { LicensedDescriptor } from './types';

export interface CptParseResult {
  records: LicensedDescriptor[];
  /** "file.csv:12: ..." */
  errors: string[];
}

/** CPT codes (5 digits, or 4 digits + F/T/U) and two-digit CPT modifiers. */
const CPT_CODE = /^(\d{4}[0-9FTU]|\d{2})$/;

interface CsvRow {
  line: number;
  fields: string[];
}

function parseCsvRows(text: string, fileName: string, errors: string[]): CsvRow[] {
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const rowLine = line;
    const fields: string[] = [];
    let field = '';
    let inQuotes = false;
    let quotedStartLine = line;
    for (;;) {
      if (i >= text.length) {
        if (inQuotes) errors.push(`${fileName}:${quotedStartLine}: unterminated quoted field`);
        fields.push(field);
        break;
      }
      const ch = text[i];
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            inQuotes = false;
            i++;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
          i++;
        }
      } else if (ch === '"' && field.trim() === '') {
        inQuotes = true;
        quotedStartLine = line;
        field = '';
        i++;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        i++;
      } else if (ch === '\r' || ch === '\n') {
        fields.push(field);
        i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
        break;
      } else {
        field += ch;
        i++;
      }
    }
    if (!(fields.length === 1 && fields[0].trim() === '')) rows.push({ line: rowLine, fields });
  }
  return rows;
}

export function parseCptCsv(text: string, fileName: string): CptParseResult {
  const errors: string[] = [];
  const rows = parseCsvRows(text, fileName, errors);
  const records: LicensedDescriptor[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, idx) => {
    const code = (row.fields[0] ?? '').trim().toUpperCase();
    if (idx === 0 && !CPT_CODE.test(code) && /code/i.test(code)) return; // header
    if (row.fields.length < 2) {
      errors.push(`${fileName}:${row.line}: expected "code,descriptor"`);
      return;
    }
    const descriptor = row.fields.slice(1).join(',').replace(/\s+/g, ' ').trim();
    if (!CPT_CODE.test(code)) {
      errors.push(`${fileName}:${row.line}: "${code}" is not a CPT code (5 characters like 99213 or 0001F, or a 2-digit modifier)`);
      return;
    }
    if (descriptor === '') {
      errors.push(`${fileName}:${row.line}: ${code} has an empty descriptor`);
      return;
    }
    const prev = seen.get(code);
    if (prev !== undefined) {
      errors.push(`${fileName}:${row.line}: ${code} already given on line ${prev}; the first one is kept`);
      return;
    }
    seen.set(code, row.line);
    records.push({ code, descriptor });
  });
  return { records, errors };
}
