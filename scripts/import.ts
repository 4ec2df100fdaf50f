/**
 * Imports an official code-set release into data/:
 *   npm run data:import -- <file> [--icd10] [--release 2026-01] [--out <data dir>]
 *
 * <file> is one of
 *   - the CMS HCPCS zip (e.g. january-2026-alpha-numeric-hcpcs-file.zip): the HCPC*ANWEB*.txt, proc_notes*.txt
 *     and *recordlayout*.txt members are used;
 *   - the CMS HCPCS fixed-width TXT (HCPC2026_JAN_ANWEB_01122026.txt): proc_notes*.txt and *recordlayout*.txt
 *     are picked up from the same folder when present;
 *   - the CDC ICD-10-CM codes file (icd10cm-codes-2026.txt), detected by content or forced with --icd10.
 * Writes data/hcpcs/<release>.json or data/icd10cm/<release>.json and points data/manifest.json at the newest
 * release of each. Output is deterministic: re-importing the same release gives the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { buildHcpcsTable, decodeLatin1, releaseFromHcpcsFileName } from '../server/src/codeset/importHcpcs';
import { buildIcd10Table, looksLikeIcd10Codes, releaseFromIcd10FileName } from '../server/src/codeset/importIcd10';
import { hcpcsTablePath, icd10TablePath } from '../server/src/codeset/schema';
import { stringifyTable } from '../server/src/codeset/stringify';

interface Args {
  file: string;
  icd10: boolean;
  release?: string;
  out: string;
}

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let icd10 = false;
  let release: string | undefined;
  let out = path.resolve(__dirname, '..', 'data');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--icd10') icd10 = true;
    else if (a === '--release') release = argv[++i];
    else if (a.startsWith('--release=')) release = a.slice('--release='.length);
    else if (a === '--out') out = path.resolve(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else file = a;
  }
  if (!file) throw new Error('usage: npm run data:import -- <HCPCS zip or TXT | ICD-10-CM codes txt> [--icd10] [--release 2026-01] [--out dir]');
  return { file: path.resolve(file), icd10, release, out };
}

interface HcpcsSources {
  dataName: string;
  dataText: string;
  notesText?: string;
  layoutText?: string;
}

const DATA_MEMBER = /^HCPC.*ANWEB.*\.txt$/i;
const NOTES_MEMBER = /^proc_notes.*\.txt$/i;
const LAYOUT_MEMBER = /recordlayout.*\.txt$/i;

function readHcpcsZip(file: string): HcpcsSources {
  const members = unzipSync(new Uint8Array(fs.readFileSync(file)), {
    filter: (f) => {
      const base = path.posix.basename(f.name);
      return DATA_MEMBER.test(base) || NOTES_MEMBER.test(base) || LAYOUT_MEMBER.test(base);
    },
  });
  const find = (re: RegExp) => Object.keys(members).sort().find((n) => re.test(path.posix.basename(n)));
  const data = find(DATA_MEMBER);
  if (!data) throw new Error(`${path.basename(file)}: no HCPC*ANWEB*.txt member`);
  const notes = find(NOTES_MEMBER);
  const layout = find(LAYOUT_MEMBER);
  return {
    dataName: path.posix.basename(data),
    dataText: decodeLatin1(members[data]),
    notesText: notes ? decodeLatin1(members[notes]) : undefined,
    layoutText: layout ? decodeLatin1(members[layout]) : undefined,
  };
}

function readHcpcsTxt(file: string): HcpcsSources {
  const dir = path.dirname(file);
  const siblings = fs.readdirSync(dir).sort();
  const read = (re: RegExp) => {
    const name = siblings.find((n) => re.test(n));
    return name ? decodeLatin1(fs.readFileSync(path.join(dir, name))) : undefined;
  };
  return {
    dataName: path.basename(file),
    dataText: decodeLatin1(fs.readFileSync(file)),
    notesText: read(NOTES_MEMBER),
    layoutText: read(LAYOUT_MEMBER),
  };
}

function writeIfChanged(file: string, text: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}

/**
 * Rewrites data/manifest.json from the table files present: every release on disk is listed and `current` is the
 * newest (release labels sort chronologically: "2026-01" < "2026-04", "FY2026" < "FY2027").
 */
function updateManifest(outDir: string): void {
  const list = (sub: string) => {
    const dir = path.join(outDir, sub);
    const releases = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('layout-')).map((n) => n.slice(0, -5)).sort()
      : [];
    return { current: releases[releases.length - 1] ?? '', releases };
  };
  const manifest = { format: 'codeset-manifest', version: 1, hcpcs: list('hcpcs'), icd10cm: list('icd10cm') };
  writeIfChanged(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const isZip = /\.zip$/i.test(args.file);
  let isIcd10 = args.icd10;
  if (!isZip && !isIcd10) {
    const head = decodeLatin1(fs.readFileSync(args.file).subarray(0, 64 * 1024));
    isIcd10 = looksLikeIcd10Codes(head);
  }
  if (isIcd10) {
    const release = args.release ?? releaseFromIcd10FileName(args.file);
    if (!release) throw new Error(`cannot tell the release from "${path.basename(args.file)}"; pass --release FY2026`);
    const { table, warnings } = buildIcd10Table({
      release,
      sourceFile: path.basename(args.file),
      text: decodeLatin1(fs.readFileSync(args.file)),
    });
    for (const w of warnings) console.warn(`${path.basename(args.file)}: ${w}`);
    const out = path.join(args.out, icd10TablePath(release));
    const changed = writeIfChanged(out, stringifyTable(table));
    updateManifest(args.out);
    console.log(`ICD-10-CM ${release}: ${table.codes.length} codes -> ${path.relative(process.cwd(), out)}${changed ? '' : ' (unchanged)'}`);
    return;
  }
  const src = isZip ? readHcpcsZip(args.file) : readHcpcsTxt(args.file);
  const release = args.release ?? releaseFromHcpcsFileName(src.dataName) ?? releaseFromHcpcsFileName(args.file);
  if (!release) throw new Error(`cannot tell the release from "${src.dataName}"; pass --release 2026-01`);
  if (!src.notesText) console.warn('no proc_notes*.txt found: processing notes left empty');
  if (!src.layoutText) console.warn('no *recordlayout*.txt found: code tables left out');
  const { table, warnings } = buildHcpcsTable({
    release,
    sourceFile: src.dataName,
    dataText: src.dataText,
    notesText: src.notesText,
    layoutText: src.layoutText,
  });
  for (const w of warnings) console.warn(`${src.dataName}: ${w}`);
  const out = path.join(args.out, hcpcsTablePath(release));
  const changed = writeIfChanged(out, stringifyTable(table));
  updateManifest(args.out);
  console.log(
    `HCPCS ${release}: ${table.procedures.length} procedures, ${table.modifiers.length} modifiers, ` +
      `${Object.keys(table.notes).length} processing notes, ${Object.keys(table.layout ?? {}).length} code tables -> ` +
      `${path.relative(process.cwd(), out)}${changed ? '' : ' (unchanged)'}`,
  );
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
