/**
 * Pure parsers for the CMS HCPCS Level II release (no I/O): the 320-byte fixed-width data file, the
 * processing notes, and the code tables of the record layout. The import script (scripts/import.ts)
 * reads the files and writes what `buildHcpcsTable` returns.
 */
import type { HcpcsRecord } from './types';
import type { HcpcsDigestedTableFile, LayoutTables, LayoutCodeTable } from './schema';
import { hcpcsRowsSha256, listBody } from './stringify';
import { HCPCS_COLUMNS, encodeHcpcsRecord } from './tableFormat';

export interface HcpcsParseResult {
  procedures: HcpcsRecord[];
  modifiers: HcpcsRecord[];
  /** Problems found, with 1-based line numbers. The parser never throws. */
  warnings: string[];
}

/** Decodes bytes as ISO-8859-1 (the CMS files are ASCII in practice, latin-1 by contract). */
export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)));
  }
  return out;
}

/** "20260101" -> "2026-01-01"; blank -> "". Anything else is returned trimmed (and reported by the caller). */
export function isoDate(yyyymmdd: string): string {
  const s = yyyymmdd.trim();
  if (s === '') return '';
  if (/^\d{8}$/.test(s)) return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  return s;
}

/** 1-based inclusive columns, as the record layout numbers them. */
function col(line: string, beg: number, end: number): string {
  return line.slice(beg - 1, end);
}

function repeated(line: string, beg: number, width: number, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const v = col(line, beg + i * width, beg + (i + 1) * width - 1).trim();
    if (v !== '') out.push(v);
  }
  return out;
}

function parseDetail(line: string, kind: HcpcsRecord['kind']): HcpcsRecord {
  const rawCode = col(line, 1, 5);
  const code = kind === 'modifier' ? col(line, 4, 5).trim() : rawCode.trim();
  const rec: HcpcsRecord = {
    code,
    kind,
    longDescription: col(line, 12, 91).trim(),
    shortDescription: col(line, 92, 119).trim(),
    pricing: repeated(line, 120, 2, 4),
    multiplePricing: col(line, 128, 128).trim(),
    coverage: col(line, 230, 230).trim(),
    betos: col(line, 257, 259).trim(),
    typeOfService: repeated(line, 261, 1, 5),
    crossReference: repeated(line, 205, 5, 5),
    added: isoDate(col(line, 269, 276)),
    actionEffective: isoDate(col(line, 277, 284)),
    terminated: isoDate(col(line, 285, 292)),
    actionCode: col(line, 293, 293).trim(),
    processingNote: col(line, 253, 256).trim(),
  };
  const cim = repeated(line, 129, 6, 3);
  if (cim.length) rec.coverageIssuesManual = cim;
  const mcm = repeated(line, 147, 8, 3);
  if (mcm.length) rec.carriersManual = mcm;
  const statute = col(line, 171, 180).trim();
  if (statute) rec.statute = statute;
  const lab = repeated(line, 181, 3, 8);
  if (lab.length) rec.labCertification = lab;
  const asc = col(line, 231, 232).trim();
  if (asc) rec.ascGroup = asc;
  const ascDate = isoDate(col(line, 233, 240));
  if (ascDate) rec.ascEffective = ascDate;
  const base = col(line, 266, 268).trim();
  if (base !== '' && Number(base) !== 0) rec.anesthesiaBaseUnits = String(Number(base));
  return rec;
}

/**
 * Parses the fixed-width HCPCS data file (text already decoded).
 * RIC 3/7 start a procedure/modifier (detail fields only there); RIC 4/8 continue its long description,
 * joined with one space. Lines longer than 320 are tolerated (only the first 320 matter); blank lines are skipped.
 */
export function parseHcpcsText(text: string): HcpcsParseResult {
  const procedures: HcpcsRecord[] = [];
  const modifiers: HcpcsRecord[] = [];
  const warnings: string[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  let current: HcpcsRecord | undefined;
  let currentKey = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].slice(0, 320);
    if (line.trim() === '') continue;
    const lineNo = i + 1;
    const ric = col(line, 11, 11);
    const key = col(line, 1, 5);
    if (ric === '3' || ric === '7') {
      const kind = ric === '3' ? 'procedure' : 'modifier';
      current = parseDetail(line, kind);
      currentKey = key;
      if (current.code === '') warnings.push(`line ${lineNo}: record with an empty code`);
      (kind === 'procedure' ? procedures : modifiers).push(current);
      for (const [name, v] of [['added', current.added], ['actionEffective', current.actionEffective], ['terminated', current.terminated]] as const) {
        if (v !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) warnings.push(`line ${lineNo}: ${current.code}: ${name} is not YYYYMMDD: "${v}"`);
      }
    } else if (ric === '4' || ric === '8') {
      const piece = col(line, 12, 91).trim();
      if (!current || key !== currentKey || (ric === '4') !== (current.kind === 'procedure')) {
        warnings.push(`line ${lineNo}: continuation line for "${key.trim()}" does not follow its first line; ignored`);
        continue;
      }
      if (piece) current.longDescription = current.longDescription ? `${current.longDescription} ${piece}` : piece;
    } else {
      warnings.push(`line ${lineNo}: unknown record identification code "${ric}"; ignored`);
    }
  }
  return { procedures, modifiers, warnings };
}

/**
 * Parses proc_notes_*.txt: notes start with `NNNN--text`, continue on following non-blank lines, and end at a
 * blank line. The right-hand `*` frame and tabs are layout, not text; whitespace is collapsed to single spaces.
 */
export function parseProcessingNotes(text: string): Record<string, string> {
  const notes: Record<string, string> = {};
  let current: string | undefined;
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.replace(/\*\s*$/, '').replace(/\s+/g, ' ').trim();
    const m = /^(\d{4})--\s*(.*)$/.exec(line);
    if (m) {
      current = m[1];
      notes[current] = m[2];
    } else if (line === '') {
      current = undefined;
    } else if (current !== undefined) {
      notes[current] = notes[current] ? `${notes[current]} ${line}` : line;
    }
  }
  return sortKeys(notes);
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  return out;
}

/** Which layout field (by its name in the layout) feeds which table key. The contents come from the layout. */
const LAYOUT_FIELDS: Array<[RegExp, keyof LayoutTables]> = [
  [/record identification code/i, 'recordId'],
  [/^HCPCS Pricing Indicator Code$/i, 'pricingIndicator'],
  [/multiple pricing indicator/i, 'multiplePricingIndicator'],
  [/lab certification/i, 'labCertification'],
  [/^HCPCS Coverage Code$/i, 'coverage'],
  [/MOG Payment Group Code/i, 'mogPaymentGroup'],
  [/MOG Payment Policy Indicator/i, 'mogPaymentPolicy'],
  [/Berenson-Eggers/i, 'betos'],
  [/Type Of Service Code/i, 'typeOfService'],
  [/^HCPCS Action Code$/i, 'actionCode'],
];

function expandTabs(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

const ENTRY = /^([0-9A-Z]{1,3})\s*=\s*(.*)$/;
const END_OF_CODES = /^(OCCURS|LENGTH|DB2|SAS|STANDARD|TITLE|EDIT RULES|COMMENTS|CODE TABLE|REDEFINE)\b/;

/** Reads `X = text` entries (with indented continuation lines) from a block of lines. */
function readEntries(lines: string[]): Record<string, string> {
  const codes: Record<string, string> = {};
  let cur: string | undefined;
  let curIndent = 0;
  for (const raw of lines) {
    const line = expandTabs(raw).trimEnd();
    const text = line.trim();
    if (text === '' || /^-+$/.test(text)) continue;
    const indent = line.length - line.trimStart().length;
    const m = ENTRY.exec(text);
    if (m) {
      cur = m[1];
      curIndent = indent;
      codes[cur] = m[2].trim();
    } else if (cur !== undefined && indent > curIndent) {
      codes[cur] = `${codes[cur]} ${text}`.trim();
    } else {
      cur = undefined; // a group heading such as "Clinical Lab Fee Schedule"
    }
  }
  for (const k of Object.keys(codes)) codes[k] = codes[k].replace(/\s+/g, ' ');
  return sortKeys(codes);
}

/**
 * Parses the code tables out of HCPC<year>_recordlayout.txt: the `CODES :` block of each field, and the
 * appendix tables (`BETOS_TB`, `CMS_TYPE_SRVC_TB`) that fields point at with `CODE TABLE : NAME`.
 */
export function parseRecordLayout(text: string): LayoutTables {
  const lines = text.split(/\r\n|\n|\r/);
  const fieldHeader = /^\s{1,4}(\d{1,2})\.\s+(.+?)\s*$/;
  const appendixStart = lines.findIndex((l) => /TABLE OF CODES APPENDIX/.test(l));
  const body = appendixStart >= 0 ? lines.slice(0, appendixStart) : lines;

  // Appendix tables.
  const appendix: Record<string, { title: string; codes: Record<string, string> }> = {};
  if (appendixStart >= 0) {
    let name: string | undefined;
    let title = '';
    let block: string[] = [];
    const flush = () => {
      if (name) appendix[name] = { title, codes: readEntries(block) };
    };
    for (const l of lines.slice(appendixStart + 1)) {
      const m = /^\s*([A-Z][A-Z0-9_]*_TB)\s+(.*?)\s*$/.exec(l);
      if (m) {
        flush();
        name = m[1];
        title = m[2];
        block = [];
      } else if (name) block.push(l);
    }
    flush();
  }

  const tables: Partial<LayoutTables> = {};
  let i = 0;
  while (i < body.length) {
    const h = fieldHeader.exec(body[i]);
    if (!h) {
      i++;
      continue;
    }
    const fieldName = h[2].replace(/\s+(CHAR|NUM|GRP)$/, '').trim();
    let j = i + 1;
    while (j < body.length && !fieldHeader.exec(body[j])) j++;
    const fieldLines = body.slice(i + 1, j);
    i = j;
    const target = LAYOUT_FIELDS.find(([re]) => re.test(fieldName));
    if (!target) continue;
    const table: LayoutCodeTable = { field: fieldName, codes: {} };
    const codesAt = fieldLines.findIndex((l) => /^\s*CODES\s*:/.test(l));
    if (codesAt >= 0) {
      const block: string[] = [];
      for (const l of fieldLines.slice(codesAt + 1)) {
        if (END_OF_CODES.test(l.trim())) break;
        block.push(l);
      }
      table.codes = readEntries(block);
    }
    const ref = fieldLines.map((l) => /CODE TABLE\s*:\s*([A-Z0-9_]+)/.exec(l)).find((m) => m);
    if (ref && appendix[ref[1]]) {
      table.codes = { ...table.codes, ...appendix[ref[1]].codes };
      table.source = ref[1];
    }
    tables[target[1]] = table;
  }
  return tables as LayoutTables;
}

/** "HCPC2026_JAN_ANWEB_01122026.txt" -> "2026-01". Undefined when the name does not say. */
export function releaseFromHcpcsFileName(name: string): string | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /HCPC(\d{4})[_ -]?(JAN|APR|JUL|OCT)/i.exec(base) ?? /(JAN|APR|JUL|OCT)[a-z]*[_ -]?(\d{4})/i.exec(base);
  if (!m) return undefined;
  const [year, mon] = /^\d/.test(m[1]) ? [m[1], m[2]] : [m[2], m[1]];
  const month = { JAN: '01', APR: '04', JUL: '07', OCT: '10' }[mon.toUpperCase() as 'JAN'];
  return `${year}-${month}`;
}

export interface HcpcsTableInput {
  release: string;
  /** Name of the data file member, recorded in the table (no directories). */
  sourceFile: string;
  dataText: string;
  notesText?: string;
  layoutText?: string;
  /** The release's NOC list (see importNoc.ts) and the file it came from. */
  noc?: { sourceFile: string; records: readonly { code: string }[] };
}

/** Builds the compact, deterministic table file (codes sorted, empty trailing fields omitted). */
export function buildHcpcsTable(input: HcpcsTableInput): { table: HcpcsDigestedTableFile; warnings: string[] } {
  const parsed = parseHcpcsText(input.dataText);
  const byCode = (a: HcpcsRecord, b: HcpcsRecord) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const warnings = [...parsed.warnings];
  for (const list of [parsed.procedures, parsed.modifiers]) {
    const seen = new Set<string>();
    for (const r of list) {
      if (seen.has(r.code)) warnings.push(`duplicate ${r.kind} ${r.code}`);
      seen.add(r.code);
    }
  }
  const procedures = [...parsed.procedures].sort(byCode).map(encodeHcpcsRecord);
  const modifiers = [...parsed.modifiers].sort(byCode).map(encodeHcpcsRecord);
  const terminated = HCPCS_COLUMNS.indexOf('terminated');
  let earliestTermination: string | undefined;
  for (const row of procedures) if (row[terminated] && (!earliestTermination || row[terminated] < earliestTermination)) earliestTermination = row[terminated];
  const table: HcpcsDigestedTableFile = {
    format: 'hcpcs-table',
    version: 2,
    release: input.release,
    source: input.sourceFile.replace(/^.*[\\/]/, ''),
    columns: [...HCPCS_COLUMNS],
    earliestTermination,
    // the rows as stringifyTable writes them, with that date: a reader finding those bytes needs not check them again
    rowsSha256: hcpcsRowsSha256(earliestTermination, listBody(procedures), listBody(modifiers)),
    procedures,
    modifiers,
    notes: input.notesText ? parseProcessingNotes(input.notesText) : {},
  };
  if (input.layoutText) table.layout = parseRecordLayout(input.layoutText);
  if (input.noc) {
    const known = new Set(parsed.procedures.map((p) => p.code));
    const noc = [...new Set(input.noc.records.map((r) => r.code))].sort();
    for (const c of noc) if (!known.has(c)) warnings.push(`${input.noc.sourceFile}: NOC code ${c} is not in the release's data file`);
    // (no file name recorded: CMS names it "NOC_codes_JAN2026.xlsx" on the web and "NOC codes_JAN2026.xlsx" in
    // the zip, and both imports must give the same bytes)
    table.noc = noc;
  }
  return { table, warnings };
}
