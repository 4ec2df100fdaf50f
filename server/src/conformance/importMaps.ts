/**
 * Turns pyx12's implementation-guide maps (XML, BSD licence) and the NUCC taxonomy CSV into the compact tables
 * under data/x12/. Pure functions of the file texts (the node importer reads the files and writes the tables), so
 * the same input gives the same bytes. Only structure is taken from the maps: loops, segments, elements, usage,
 * repeats, code lists and syntax notes; no code of pyx12 is used.
 */
import { child, childText, parseXml, type XmlElement } from './xml';
import type { CodeListsTable, DataElementsTable, GuideElement, GuideLoop, GuideSegment, GuideTable, TaxonomyTable, Usage } from './schema';
import { parseCsv } from '../core/csv';

export interface Source {
  file: string;
  sha256: string;
}

function need(el: XmlElement, name: string, where: string): string {
  const v = childText(el, name);
  if (v === undefined) throw new Error(`${where}: <${el.name}> has no <${name}>`);
  return v;
}

function usageOf(el: XmlElement, where: string): Usage {
  const u = need(el, 'usage', where);
  if (u !== 'R' && u !== 'S' && u !== 'N') throw new Error(`${where}: usage "${u}" is not R, S or N`);
  return u;
}

/** ">1" (unbounded) -> -1. */
function count(text: string, where: string): number {
  if (text === '>1') return -1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${where}: bad count "${text}"`);
  return n;
}

function convertElement(el: XmlElement, where: string): GuideElement {
  const id = el.attrs.xid ?? '';
  const at = `${where} ${id}`;
  const out: GuideElement = {
    seq: Number(need(el, 'seq', at)),
    ele: need(el, 'data_ele', at),
    name: need(el, 'name', at),
    usage: usageOf(el, at),
  };
  if (el.name === 'composite') {
    out.comps = el.children.filter((c) => c.name === 'element').map((c) => convertElement(c, at));
    const rep = childText(el, 'repeat');
    if (rep !== undefined) out.repeat = count(rep, at);
    return out;
  }
  const vc = child(el, 'valid_codes');
  if (vc) {
    if (vc.attrs.external) out.ext = vc.attrs.external;
    const codes = vc.children.filter((c) => c.name === 'code').map((c) => c.text.trim());
    if (codes.length > 0) out.codes = codes;
  }
  const re = childText(el, 'regex');
  if (re) out.regex = re;
  return out;
}

function convertSegment(el: XmlElement, where: string): GuideSegment {
  const at = `${where} ${el.attrs.xid}`;
  const syntax = el.children.filter((c) => c.name === 'syntax').map((c) => c.text.trim());
  const seg: GuideSegment = {
    seg: el.attrs.xid ?? '',
    name: need(el, 'name', at),
    usage: usageOf(el, at),
    pos: Number(need(el, 'pos', at)),
    max: count(need(el, 'max_use', at), at),
    els: [],
  };
  if (syntax.length > 0) seg.syntax = syntax;
  seg.els = el.children.filter((c) => c.name === 'element' || c.name === 'composite').map((c) => convertElement(c, at));
  return seg;
}

function convertLoop(el: XmlElement, where: string): GuideLoop {
  const id = el.attrs.xid ?? '';
  const at = `${where} loop ${id}`;
  const loop: GuideLoop = {
    loop: id,
    name: need(el, 'name', at),
    usage: usageOf(el, at),
    pos: Number(need(el, 'pos', at)),
    repeat: count(need(el, 'repeat', at), at),
    items: [],
  };
  const type = el.attrs.type;
  if (type === 'wrapper' || type === 'explicit') loop.type = type;
  for (const c of el.children) {
    if (c.name === 'segment') loop.items.push(convertSegment(c, at));
    else if (c.name === 'loop') loop.items.push(convertLoop(c, at));
  }
  return loop;
}

/** One map (an 837P, 837I, 999 or the control map) as a guide table for version id `guide`. */
export function convertMap(xml: string, guide: string, source: Source): GuideTable {
  const doc = parseXml(xml);
  if (doc.name !== 'transaction') throw new Error(`${source.file}: root element is <${doc.name}>, not <transaction>`);
  const loops = doc.children.filter((c) => c.name === 'loop');
  if (loops.length !== 1) throw new Error(`${source.file}: expected one top loop, found ${loops.length}`);
  return {
    format: 'x12-guide',
    version: 1,
    guide,
    transaction: doc.attrs.xid ?? '',
    name: need(doc, 'name', source.file),
    source,
    root: convertLoop(loops[0], source.file),
  };
}

/** Which map file serves which version id (GS08), from maps.xml (version 00501 only). */
export function mapFilesByVersion(xml: string): Map<string, string> {
  const doc = parseXml(xml);
  const out = new Map<string, string>();
  for (const v of doc.children) {
    if (v.name !== 'version' || v.attrs.icvn !== '00501') continue;
    for (const m of v.children) if (m.name === 'map') out.set(m.attrs.vriic ?? '', m.text.trim());
  }
  return out;
}

export function convertDataElements(xml: string, source: Source): DataElementsTable {
  const doc = parseXml(xml);
  const elements: DataElementsTable['elements'] = [];
  for (const d of doc.children) {
    if (d.name !== 'data_ele') continue;
    const a = d.attrs;
    const min = Number(a.min_len);
    const max = Number(a.max_len);
    if (!a.ele_num || !a.data_type || !Number.isInteger(min) || !Number.isInteger(max)) throw new Error(`${source.file}: data element ${a.ele_num ?? '?'} lacks a number, type or length`);
    elements.push([a.ele_num, a.data_type, min, max, a.name ?? '']);
  }
  elements.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { format: 'x12-data-elements', version: 1, source, elements };
}

export function convertCodeLists(xml: string, source: Source): CodeListsTable {
  const doc = parseXml(xml);
  const lists: CodeListsTable['lists'] = {};
  for (const s of doc.children) {
    if (s.name !== 'codeset') continue;
    const id = need(s, 'id', source.file);
    const codes: string[] = [];
    for (const v of s.children) if (v.name === 'version') for (const c of v.children) if (c.name === 'code') codes.push(c.text.trim());
    lists[id] = { name: need(s, 'name', `${source.file} ${id}`), ele: childText(s, 'data_ele') ?? '', codes: [...new Set(codes)].sort() };
  }
  return { format: 'x12-code-lists', version: 1, source, lists };
}

/** The NUCC taxonomy CSV (Code, Grouping, Classification, Specialization, Definition, Notes, Display Name, Section). */
export function convertTaxonomy(csv: string, release: string, source: Source): TaxonomyTable {
  const rows = parseCsv(csv.replace(/^\uFEFF/, '')).filter((row) => row.length > 1 || row[0] !== '');
  const header = rows[0]?.map((h) => h.trim());
  const col = (name: string): number => {
    const k = header?.indexOf(name) ?? -1;
    if (k < 0) throw new Error(`${source.file}: no "${name}" column`);
    return k;
  };
  const [c, g, cl, sp, dn] = ['Code', 'Grouping', 'Classification', 'Specialization', 'Display Name'].map(col);
  const codes: TaxonomyTable['codes'] = [];
  for (const r of rows.slice(1)) {
    const code = (r[c] ?? '').trim();
    if (!code) continue;
    if (!/^[0-9A-Z]{9}X$/.test(code)) throw new Error(`${source.file}: "${code}" is not a 10-character taxonomy code`);
    codes.push([code, (r[g] ?? '').trim(), (r[cl] ?? '').trim(), (r[sp] ?? '').trim(), (r[dn] ?? '').trim()]);
  }
  codes.sort((x, y) => (x[0] < y[0] ? -1 : 1));
  return { format: 'nucc-taxonomy', version: 1, release, source, columns: ['code', 'grouping', 'classification', 'specialization', 'displayName'], codes };
}

/**
 * Deterministic, diff-friendly JSON for a guide table: one segment per line, loops opened on their own lines.
 */
export function stringifyGuide(table: GuideTable): string {
  const lines: string[] = [];
  const head = { ...table, root: undefined };
  lines.push(JSON.stringify(head).slice(0, -1) + ',"root":');
  const walk = (loop: GuideLoop, indent: string, last: boolean): void => {
    const { items, ...rest } = loop;
    lines.push(`${indent}${JSON.stringify(rest).slice(0, -1)},"items":[`);
    items.forEach((it, k) => {
      const isLast = k === items.length - 1;
      if ('loop' in it) walk(it, indent + ' ', isLast);
      else lines.push(`${indent} ${JSON.stringify(it)}${isLast ? '' : ','}`);
    });
    lines.push(`${indent}]}${last ? '' : ','}`);
  };
  walk(table.root, '', true);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** One record per line. */
export function stringifyRows(table: object, rowsKey: string): string {
  const entries = Object.entries(table);
  const lines = ['{'];
  entries.forEach(([k, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (k === rowsKey && Array.isArray(v)) {
      lines.push(`${JSON.stringify(k)}: [`);
      v.forEach((r, j) => lines.push(JSON.stringify(r) + (j < v.length - 1 ? ',' : '')));
      lines.push(`]${comma}`);
    } else if (k === rowsKey && v && typeof v === 'object') {
      const sub = Object.entries(v as Record<string, unknown>);
      lines.push(`${JSON.stringify(k)}: {`);
      sub.forEach(([sk, sv], j) => lines.push(`${JSON.stringify(sk)}: ${JSON.stringify(sv)}${j < sub.length - 1 ? ',' : ''}`));
      lines.push(`}${comma}`);
    } else lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
