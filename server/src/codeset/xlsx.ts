/**
 * A minimal reader for the cell values of an Office Open XML workbook (.xlsx), enough for the small tables CMS
 * publishes as spreadsheets (the NOC code list). Pure: bytes in, rows of strings out.
 *
 * Why not a library: an .xlsx is a zip of XML parts, and the project already ships fflate for the CMS zip. The
 * well-known readers are either large for this job (exceljs and its dependency tree, about 1 MB bundled) or no
 * longer kept on npm (the `xlsx` package there is frozen at 0.18.5 with open advisories). Reading cell values
 * needs three parts (workbook, its relationships, the sheet) plus the shared strings, and nothing else:
 * no formulas are evaluated (their cached value is read), styles and dates are left as written (CMS writes its
 * dates as YYYYMMDD strings).
 */
import { unzipSync, strFromU8 } from 'fflate';

export interface XlsxSheet {
  name: string;
  /** rows[r][c] for 0-based row r (row 1 of the sheet is rows[0]) and column c (A = 0); "" where empty. */
  rows: string[][];
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data to text: the five named entities and numeric references. */
export function decodeXmlText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITY[e];
    const n = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

/** The text of every <t> element inside `xml` (a shared string or an inline string, rich-text runs joined). */
function textRuns(xml: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([^<]*)<\/t>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out += decodeXmlText(m[1]);
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXmlText(m[1]) : undefined;
}

/** "AB12" -> column index 27. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : textRuns(m[1]));
  return out;
}

function parseSheet(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  let nextRow = 0;
  for (let rm = rowRe.exec(xml); rm; rm = rowRe.exec(xml)) {
    const r = attr(rm[1], 'r');
    const index = r ? parseInt(r, 10) - 1 : nextRow;
    nextRow = index + 1;
    const cells: string[] = [];
    const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let nextCol = 0;
    const body = rm[2] ?? '';
    for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
      const ref = attr(cm[1], 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const type = attr(cm[1], 't');
      const inner = cm[2] ?? '';
      let value: string;
      if (type === 'inlineStr') value = textRuns(inner);
      else {
        const v = /<v>([^<]*)<\/v>/.exec(inner);
        const raw = v ? decodeXmlText(v[1]) : '';
        value = type === 's' ? (strings[parseInt(raw, 10)] ?? '') : raw;
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = cells;
  }
  return rows;
}

/** Resolves a relationship target ("worksheets/sheet1.xml" or "/xl/worksheets/sheet1.xml") against xl/. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The sheets of a workbook, in workbook order. Throws with a plain message when the bytes are not an xlsx. */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') && f.name.endsWith('.xml') });
  } catch {
    throw new Error('not an .xlsx workbook (not a zip file)');
  }
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('not an .xlsx workbook (no xl/workbook.xml)');
  const rels = text('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, partName(target));
  }
  const strings = sharedStrings(text('xl/sharedStrings.xml'));
  const sheets: XlsxSheet[] = [];
  let n = 0;
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    n++;
    const id = attr(m[0], 'r:id');
    const part = (id && targets.get(id)) ?? `xl/worksheets/sheet${n}.xml`;
    const xml = text(part);
    if (xml === undefined) continue;
    sheets.push({ name: attr(m[0], 'name') ?? `Sheet${n}`, rows: parseSheet(xml, strings) });
  }
  return sheets;
}
