/**
 * The I/O half of the implementation-guide importer: reads pyx12's map folder (maps.xml, the 837P / 837I / 999
 * maps, the 00501 control map, dataele.xml, codes.xml, LICENSE.txt) and optionally the NUCC taxonomy CSV, and
 * writes data/x12/ (one table per guide id, the data elements, the code lists, the taxonomy, an index, and the
 * licence notices the tables must ship with). Deterministic: the same files give the same bytes.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertCodeLists, convertDataElements, convertMap, convertTaxonomy, mapFilesByVersion, stringifyGuide, stringifyRows, type Source } from '../conformance/importMaps';
import type { GuideIndexTable } from '../conformance/schema';

/** The guides the product checks against, with the claim kind (or acknowledgment) each serves. */
export const IMPORTED_GUIDES: readonly { id: string; kind: string }[] = [
  { id: '005010X222A1', kind: '837P' },
  { id: '005010X223A2', kind: '837I' },
  { id: '005010X231A1', kind: '999' },
];

export const PYX12_NOTICE = 'LICENSE-pyx12.txt';
export const NUCC_NOTICE = 'NOTICE-nucc-taxonomy.txt';

export interface GuideImportOutcome {
  written: string[];
  changed: string[];
  summary: string;
}

function source(file: string, bytes: Buffer): Source {
  return { file: path.basename(file), sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** The taxonomy release from the official file name (nucc_taxonomy_251.csv -> 25.1). */
export function taxonomyRelease(file: string): string {
  const m = /(\d{2})(\d)\.csv$/i.exec(path.basename(file));
  if (!m) throw new Error(`${path.basename(file)}: cannot tell the NUCC release from the file name (expected nucc_taxonomy_NNN.csv)`);
  return `${m[1]}.${m[2]}`;
}

function nuccNotice(release: string): string {
  return [
    `Health Care Provider Taxonomy code set, version ${release}`,
    'Copyright American Medical Association, on behalf of the National Uniform Claim Committee (NUCC).',
    'Source: National Uniform Claim Committee, www.nucc.org',
    '',
    'The NUCC makes the code set available free of charge for use and distribution, provided its content is not',
    'changed and this source and copyright notice are kept. nucc-taxonomy-*.json holds the codes, groupings,',
    'classifications, specializations and display names of the official CSV unchanged (the definition and notes',
    'columns are left out). It is not public domain.',
    '',
  ].join('\n');
}

/** Import pyx12's map folder (and the NUCC CSV, when given) into `outDir` (data/x12). */
export function importGuideMaps(mapDir: string, outDir: string, taxonomyCsv?: string): GuideImportOutcome {
  const read = (name: string): { text: string; src: Source } => {
    const file = path.join(mapDir, name);
    const bytes = fs.readFileSync(file);
    return { text: bytes.toString('utf8'), src: source(file, bytes) };
  };
  const files = new Map<string, string>();
  const byVersion = mapFilesByVersion(read('maps.xml').text);
  const index: GuideIndexTable = { format: 'x12-guide-index', version: 1, guides: {}, control: 'control-00501.json', elements: 'elements.json', codes: 'codes.json', notices: [PYX12_NOTICE] };
  for (const g of IMPORTED_GUIDES) {
    const mapFile = byVersion.get(g.id);
    if (!mapFile) throw new Error(`maps.xml names no map for ${g.id}`);
    const { text, src } = read(mapFile);
    const table = convertMap(text, g.id, src);
    const name = `${g.id}.json`;
    files.set(name, stringifyGuide(table));
    index.guides[g.id] = { file: name, transaction: table.transaction, kind: g.kind };
  }
  const control = byVersion.get('');
  if (!control) throw new Error('maps.xml names no 00501 control map');
  {
    const { text, src } = read(control);
    files.set(index.control, stringifyGuide(convertMap(text, '00501', src)));
  }
  {
    const { text, src } = read('dataele.xml');
    files.set(index.elements, stringifyRows(convertDataElements(text, src), 'elements'));
  }
  {
    const { text, src } = read('codes.xml');
    files.set(index.codes, stringifyRows(convertCodeLists(text, src), 'lists'));
  }
  files.set(PYX12_NOTICE, read('LICENSE.txt').text);
  if (taxonomyCsv) {
    const bytes = fs.readFileSync(taxonomyCsv);
    const release = taxonomyRelease(taxonomyCsv);
    const name = `nucc-taxonomy-${release}.json`;
    files.set(name, stringifyRows(convertTaxonomy(bytes.toString('utf8'), release, source(taxonomyCsv, bytes)), 'codes'));
    files.set(NUCC_NOTICE, nuccNotice(release));
    index.taxonomy = name;
    index.notices.push(NUCC_NOTICE);
  } else {
    // keep the taxonomy already imported
    try {
      const old = JSON.parse(fs.readFileSync(path.join(outDir, 'index.json'), 'utf8')) as GuideIndexTable;
      if (old.taxonomy) {
        index.taxonomy = old.taxonomy;
        index.notices.push(NUCC_NOTICE);
      }
    } catch {
      /* no earlier import */
    }
  }
  files.set('index.json', JSON.stringify(index, null, 2) + '\n');
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const changed: string[] = [];
  for (const [name, text] of files) {
    const target = path.join(outDir, name);
    let old: string | undefined;
    try {
      old = fs.readFileSync(target, 'utf8');
    } catch {
      old = undefined;
    }
    if (old !== text) {
      fs.writeFileSync(target, text);
      changed.push(name);
    }
    written.push(name);
  }
  return { written, changed, summary: `implementation guides ${IMPORTED_GUIDES.map((g) => g.id).join(', ')}${taxonomyCsv ? ` and NUCC taxonomy ${taxonomyRelease(taxonomyCsv)}` : ''}` };
}
