/**
 * The user's own licensed CPT descriptors (never bundled): a CSV of `code,descriptor`, header optional, RFC 4180
 * quoting ("" inside quotes, commas and newlines in quoted fields). Pure: text in, records and errors out.
 */
import type { LicensedDescriptor } from './types';
import { cappedList } from '../core/capList';

export interface CptParseResult {
  records: LicensedDescriptor[];
  /**
   * One line per kind of problem, with the count and the first line numbers: "file.csv: 50,002 rows have no CPT
   * code in the first column (lines 1, 2, ... and 49,992 more)". Never a value from the file: pointed at the
   * wrong file (a patient list), echoing its first column wrote patient names to the output channel.
   */
  errors: string[];
}

type Problem = 'columns' | 'code' | 'descriptor' | 'repeated' | 'quote';

const PROBLEM_TEXT: Record<Problem, [one: string, many: string]> = {
  quote: ['quoted field is not closed', 'quoted fields are not closed'],
  columns: ['row is not "code,descriptor"', 'rows are not "code,descriptor"'],
  code: ['row has no CPT code in the first column (5 characters like 99213 or 0001F, or a 2-digit modifier)', 'rows have no CPT code in the first column (5 characters like 99213 or 0001F, or a 2-digit modifier)'],
  descriptor: ['row has an empty descriptor', 'rows have an empty descriptor'],
  repeated: ['row repeats the code of an earlier row (the first one is kept)', 'rows repeat the code of an earlier row (the first one is kept)'],
};

function report(fileName: string, problems: Map<Problem, number[]>): string[] {
  const out: string[] = [];
  for (const [problem, lines] of problems) {
    const [one, many] = PROBLEM_TEXT[problem];
    const where = cappedList(lines.map(String));
    out.push(`${fileName}: ${lines.length === 1 ? `1 ${one}` : `${lines.length.toLocaleString('en-US')} ${many}`} (line${lines.length === 1 ? '' : 's'} ${where})`);
  }
  return out;
}

/** CPT codes (5 digits, or 4 digits + F/T/U) and two-digit CPT modifiers. */
const CPT_CODE = /^(\d{4}[0-9FTU]|\d{2})$/;

interface CsvRow {
  line: number;
  fields: string[];
}

function parseCsvRows(text: string, unclosed: number[]): CsvRow[] {
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
        if (inQuotes) unclosed.push(quotedStartLine);
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
  const problems = new Map<Problem, number[]>();
  const add = (problem: Problem, line: number) => {
    const lines = problems.get(problem);
    if (lines) lines.push(line);
    else problems.set(problem, [line]);
  };
  const unclosed: number[] = [];
  const rows = parseCsvRows(text, unclosed);
  for (const line of unclosed) add('quote', line);
  const records: LicensedDescriptor[] = [];
  const seen = new Set<string>();
  rows.forEach((row, idx) => {
    const code = (row.fields[0] ?? '').trim().toUpperCase();
    if (idx === 0 && !CPT_CODE.test(code) && /code/i.test(code)) return; // header
    if (row.fields.length < 2) return add('columns', row.line);
    const descriptor = row.fields.slice(1).join(',').replace(/\s+/g, ' ').trim();
    if (!CPT_CODE.test(code)) return add('code', row.line);
    if (descriptor === '') return add('descriptor', row.line);
    if (seen.has(code)) return add('repeated', row.line);
    seen.add(code);
    records.push({ code, descriptor });
  });
  return { records, errors: report(fileName, problems) };
}
