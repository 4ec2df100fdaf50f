/**
 * Pure parsers for the CMS Average Sales Price (ASP) quarterly files, Section 508 CSV versions:
 *   - the ASP NDC-HCPCS crosswalk (which NDC packages bill under which HCPCS code, and how many billing units
 *     one package is): header `_2026_CODE, Short Description, LABELER NAME, NDC2, Drug Name, HCPCS dosage,
 *     PKG SIZE, PKG QTY, BILLUNITS, BILLUNITSPKG` after a few title rows;
 *   - the Medicare Part B payment limit file: header `HCPCS Code, Short Description, HCPCS Code Dosage,
 *     Payment Limit, Co-insurance Percentage, ..., Notes`.
 * Both name their quarter in a title row ("Effective January 1, 2026 through March 31, 2026").
 * Short descriptions are dropped: the HCPCS release is the descriptor of record, and the rows of Level I (CPT,
 * numeric) codes carry AMA text the project may not ship.
 */
import { createHash } from 'node:crypto';
import type { AspDigestedTableFile, Effective } from './schema';
import { ASP_CROSSWALK_COLUMNS, ASP_LIMIT_COLUMNS } from './schema';
import { parseCsv } from '../core/csv';
import { listBody } from './stringify';

/** Windows-1252 bytes 0x80-0x9F (the rest of the range is Latin-1). */
const CP1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

export function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 0x4000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const slice = bytes.subarray(i, i + CHUNK);
    const codes = new Array<number>(slice.length);
    for (let j = 0; j < slice.length; j++) {
      const b = slice[j];
      codes[j] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "Effective January 1, 2026 through March 31, 2026" in the title rows -> the dates. */
export function effectiveFromTitle(rows: readonly string[][]): Effective | undefined {
  const day = (m: string, d: string, y: string) => `${y}-${String(MONTHS.indexOf(m.toLowerCase()) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
  for (const r of rows.slice(0, 12)) {
    const m = /effective\s+([a-z]+)\s+(\d{1,2}),\s*(\d{4})\s+through\s+([a-z]+)\s+(\d{1,2}),\s*(\d{4})/i.exec(r.join(' '));
    if (m && MONTHS.includes(m[1].toLowerCase()) && MONTHS.includes(m[4].toLowerCase())) return { from: day(m[1], m[2], m[3]), to: day(m[4], m[5], m[6]) };
  }
  return undefined;
}

export type AspFileKind = 'crosswalk' | 'limits';

/** Which of the two ASP files this is, from its first rows; undefined for anything else. */
export function aspFileKind(text: string): AspFileKind | undefined {
  const head = text.slice(0, 4000).toLowerCase();
  if (/ndc\s*-\s*hcpcs crosswalk/.test(head) && head.includes('billunitspkg')) return 'crosswalk';
  if (head.includes('payment allowance limits') && head.includes('hcpcs code dosage')) return 'limits';
  return undefined;
}

function headerIndex(rows: readonly string[][], first: RegExp): number {
  return rows.findIndex((r) => first.test((r[0] ?? '').trim()));
}

/** A number as written (trailing zeros of the CMS format kept out: "137.828", "0.5", "100"). */
function num(s: string): string {
  const t = s.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return t;
  return t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t;
}

const clean = (s: string | undefined) => (s ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();

export function parseAspCrosswalk(text: string): { rows: string[][]; effective?: Effective; warnings: string[] } {
  const all = parseCsv(text);
  const warnings: string[] = [];
  const h = headerIndex(all, /^_?\d{4}_CODE$/i);
  if (h < 0) return { rows: [], warnings: ['no header row (_YYYY_CODE, ..., BILLUNITSPKG)'] };
  const cols = all[h].map((c) => c.trim().toUpperCase());
  const need = ['LABELER NAME', 'NDC2', 'DRUG NAME', 'HCPCS DOSAGE', 'PKG SIZE', 'PKG QTY', 'BILLUNITS', 'BILLUNITSPKG'];
  const idx = need.map((n) => cols.indexOf(n));
  const missing = need.filter((_, i) => idx[i] < 0);
  if (missing.length) return { rows: [], warnings: [`header lacks ${missing.join(', ')}`] };
  const [cLab, cNdc, cDrug, cDose, cSize, cQty, cBu, cBuPkg] = idx;
  const rows: string[][] = [];
  for (let i = h + 1; i < all.length; i++) {
    const r = all[i];
    const code = clean(r[0]).toUpperCase();
    if (code === '' && r.every((c) => c.trim() === '')) continue;
    const ndc = clean(r[cNdc]);
    if (!/^[A-Z0-9]{5}$/.test(code)) {
      warnings.push(`row ${i + 1}: "${code}" is not a HCPCS code; ignored`);
      continue;
    }
    if (!/^\d{5}-\d{4}-\d{2}$/.test(ndc)) {
      warnings.push(`row ${i + 1}: ${code} "${ndc}" is not an 11-digit NDC in 5-4-2 form; ignored`);
      continue;
    }
    const row = [ndc, code, clean(r[cLab]), clean(r[cDrug]), clean(r[cDose]), num(r[cSize] ?? ''), num(r[cQty] ?? ''), num(r[cBu] ?? ''), num(r[cBuPkg] ?? '')];
    rows.push(row);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (let i = 1; i < rows.length; i++) if (rows[i][0] === rows[i - 1][0] && rows[i][1] === rows[i - 1][1]) warnings.push(`duplicate ${rows[i][0]} under ${rows[i][1]}`);
  return { rows, effective: effectiveFromTitle(all.slice(0, h)), warnings };
}

export function parseAspLimits(text: string): { rows: string[][]; effective?: Effective; warnings: string[] } {
  const all = parseCsv(text);
  const warnings: string[] = [];
  const h = headerIndex(all, /^HCPCS Code$/i);
  if (h < 0) return { rows: [], warnings: ['no header row (HCPCS Code, ..., Payment Limit)'] };
  const cols = all[h].map((c) => c.trim().toUpperCase());
  const need = ['HCPCS CODE DOSAGE', 'PAYMENT LIMIT', 'CO-INSURANCE PERCENTAGE', 'NOTES'];
  const idx = need.map((n) => cols.indexOf(n));
  const missing = need.filter((_, i) => idx[i] < 0);
  if (missing.length) return { rows: [], warnings: [`header lacks ${missing.join(', ')}`] };
  const [cDose, cLimit, cCoins, cNotes] = idx;
  const rows: string[][] = [];
  for (let i = h + 1; i < all.length; i++) {
    const r = all[i];
    const code = clean(r[0]).toUpperCase();
    if (code === '' && r.every((c) => c.trim() === '')) continue;
    if (!/^[A-Z0-9]{5}$/.test(code)) {
      warnings.push(`row ${i + 1}: "${code}" is not a HCPCS code; ignored`);
      continue;
    }
    rows.push([code, clean(r[cDose]), num(r[cLimit] ?? ''), num(r[cCoins] ?? ''), clean(r[cNotes])]);
  }
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < rows.length; i++) if (rows[i][0] === rows[i - 1][0]) warnings.push(`duplicate payment limit for ${rows[i][0]}`);
  return { rows, effective: effectiveFromTitle(all.slice(0, h)), warnings };
}

/** "2026-01-01" -> "2026-01" (the quarter label of its first month). */
export function quarterOf(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  if (!m) return undefined;
  const q = Math.floor((Number(m[2]) - 1) / 3) * 3 + 1;
  return `${m[1]}-${String(q).padStart(2, '0')}`;
}

export function buildAspTable(input: {
  crosswalk: { name: string; text: string };
  limits: { name: string; text: string };
  release?: string;
}): { table: AspDigestedTableFile; warnings: string[] } {
  const cw = parseAspCrosswalk(input.crosswalk.text);
  const lim = parseAspLimits(input.limits.text);
  const warnings = [...cw.warnings.map((w) => `${input.crosswalk.name}: ${w}`), ...lim.warnings.map((w) => `${input.limits.name}: ${w}`)];
  const effective = cw.effective ?? lim.effective;
  if (!effective) throw new Error(`${input.crosswalk.name}: no "Effective <date> through <date>" title row: cannot tell the quarter`);
  if (cw.effective && lim.effective && (cw.effective.from !== lim.effective.from || cw.effective.to !== lim.effective.to)) {
    throw new Error(`${input.crosswalk.name} is for ${cw.effective.from}..${cw.effective.to} but ${input.limits.name} for ${lim.effective.from}..${lim.effective.to}`);
  }
  if (cw.rows.length === 0) throw new Error(`${input.crosswalk.name}: no NDC rows`);
  const release = input.release ?? quarterOf(effective.from)!;
  return {
    table: {
      format: 'asp-table',
      version: 2,
      release,
      effective,
      sources: [input.crosswalk.name, input.limits.name].map((n) => n.replace(/^.*[\\/]/, '')),
      crosswalkColumns: [...ASP_CROSSWALK_COLUMNS],
      limitColumns: [...ASP_LIMIT_COLUMNS],
      // the rows as stringifyTable writes them: a reader finding those bytes needs not check them again
      crosswalkSha256: createHash('sha256').update(listBody(cw.rows), 'utf8').digest('hex'),
      crosswalk: cw.rows,
      limits: lim.rows,
    },
    warnings,
  };
}
