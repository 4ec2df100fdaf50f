/**
 * Importing an official release from disk: the I/O half of the importer, shared by `npm run data:import` and the
 * editor command "HCPCS: Import a newer CMS release" (which writes into the user's storage). The parsing itself
 * is pure and lives in codeset/importHcpcs.ts and codeset/importIcd10.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { buildHcpcsTable, decodeLatin1, releaseFromHcpcsFileName } from '../codeset/importHcpcs';
import { buildIcd10Table, looksLikeIcd10Codes, releaseFromIcd10FileName } from '../codeset/importIcd10';
import { parseNocSheet, type NocRecord } from '../codeset/importNoc';
import { aspFileKind, buildAspTable, decodeCp1252, type AspFileKind } from '../codeset/importAsp';
import { readXlsx } from '../codeset/xlsx';
import { aspTablePath, hcpcsTablePath, icd10TablePath } from '../codeset/schema';
import { stringifyTable } from '../codeset/stringify';
import { implausibleRelease } from '../codeset/plausible';
import { readRegularFile } from './safeRead';
import { loadCodeSet } from './loadCodeSet';

/** Most bytes read from a release file, and inflated from the members of a zip taken together. */
export const MAX_RELEASE_BYTES = 256 * 1024 * 1024;

export interface HcpcsSources {
  dataName: string;
  dataText: string;
  notesText?: string;
  layoutText?: string;
  /** The "not otherwise classified" list of the release (NOC codes_JAN2026.xlsx in the zip). */
  noc?: { sourceFile: string; records: NocRecord[]; warnings: string[] };
}

const DATA_MEMBER = /^HCPC.*ANWEB.*\.txt$/i;
const NOTES_MEMBER = /^proc_notes.*\.txt$/i;
const LAYOUT_MEMBER = /recordlayout.*\.txt$/i;
/** "NOC_codes_JAN2026.xlsx" on the CMS web page, "NOC codes_JAN2026.xlsx" inside the zip. */
const NOC_MEMBER = /^NOC[ _-]?codes.*\.xlsx$/i;

function readNoc(name: string, bytes: Uint8Array): HcpcsSources['noc'] {
  try {
    const sheets = readXlsx(bytes);
    if (sheets.length === 0) return { sourceFile: name, records: [], warnings: [`${name}: no sheet`] };
    const { records, warnings } = parseNocSheet(sheets[0]);
    return { sourceFile: name, records, warnings: warnings.map((w) => `${name}: ${w}`) };
  } catch (e) {
    return { sourceFile: name, records: [], warnings: [`${name}: ${(e as Error).message}`] };
  }
}

function readBounded(file: string): Uint8Array {
  const read = readRegularFile(file, MAX_RELEASE_BYTES, path.basename(file));
  if (!read.ok) throw new Error(read.error);
  return new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length);
}

export function readHcpcsZip(file: string): HcpcsSources {
  // The bytes inflated are bounded by the sizes the zip declares (fflate inflates into a buffer of that size, so a
  // member that lies inflates no further): those declared sizes together must stay under the limit.
  let inflated = 0;
  const members = unzipSync(readBounded(file), {
    filter: (f) => {
      const base = path.posix.basename(f.name);
      const wanted = DATA_MEMBER.test(base) || NOTES_MEMBER.test(base) || LAYOUT_MEMBER.test(base) || NOC_MEMBER.test(base);
      if (!wanted) return false;
      inflated += f.originalSize;
      if (inflated > MAX_RELEASE_BYTES) throw new Error(`${path.basename(file)}: its members would inflate to over ${MAX_RELEASE_BYTES / 1024 / 1024} MB; not a CMS release`);
      return true;
    },
  });
  const find = (re: RegExp) => Object.keys(members).sort().find((n) => re.test(path.posix.basename(n)));
  const data = find(DATA_MEMBER);
  if (!data) throw new Error(`${path.basename(file)}: no HCPC*ANWEB*.txt member`);
  const notes = find(NOTES_MEMBER);
  const layout = find(LAYOUT_MEMBER);
  const noc = find(NOC_MEMBER);
  return {
    dataName: path.posix.basename(data),
    dataText: decodeLatin1(members[data]),
    notesText: notes ? decodeLatin1(members[notes]) : undefined,
    layoutText: layout ? decodeLatin1(members[layout]) : undefined,
    noc: noc ? readNoc(path.posix.basename(noc), members[noc]) : undefined,
  };
}

export function readHcpcsTxt(file: string): HcpcsSources {
  const dir = path.dirname(file);
  const siblings = fs.readdirSync(dir).sort();
  const read = (re: RegExp) => {
    const name = siblings.find((n) => re.test(n));
    return name ? decodeLatin1(fs.readFileSync(path.join(dir, name))) : undefined;
  };
  const nocName = siblings.find((n) => NOC_MEMBER.test(n));
  return {
    dataName: path.basename(file),
    dataText: decodeLatin1(readBounded(file)),
    notesText: read(NOTES_MEMBER),
    layoutText: read(LAYOUT_MEMBER),
    noc: nocName ? readNoc(nocName, new Uint8Array(fs.readFileSync(path.join(dir, nocName)))) : undefined,
  };
}

export function writeIfChanged(file: string, text: string): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}

/**
 * Rewrites data/manifest.json from the table files present: every release on disk is listed and `current` is the
 * newest (release labels sort chronologically: "2026-01" < "2026-04", "FY2026" < "FY2027").
 */
export function updateManifest(outDir: string): void {
  const list = (sub: string) => {
    const dir = path.join(outDir, sub);
    const releases = fs.existsSync(dir)
      ? fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('layout-')).map((n) => n.slice(0, -5)).sort()
      : [];
    return { current: releases[releases.length - 1] ?? '', releases };
  };
  const asp = list('asp');
  const manifest = {
    format: 'codeset-manifest',
    version: 1,
    hcpcs: list('hcpcs'),
    icd10cm: list('icd10cm'),
    ...(asp.releases.length ? { asp } : {}),
  };
  writeIfChanged(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}


export interface ImportOutcome {
  kind: 'hcpcs' | 'icd10cm' | 'asp';
  release: string;
  /** Path of the table written. */
  table: string;
  changed: boolean;
  warnings: string[];
  summary: string;
}

/** The two ASP CSV files of one quarter: `file` is either of them or their folder; the other is found beside it. */
function findAspPair(file: string): Record<AspFileKind, string> | undefined {
  const kindOf = (f: string) => {
    try {
      return aspFileKind(decodeCp1252(fs.readFileSync(f).subarray(0, 4000)));
    } catch {
      return undefined;
    }
  };
  const isDir = fs.statSync(file).isDirectory();
  if (!isDir && !/\.csv$/i.test(file)) return undefined;
  if (!isDir && !kindOf(file)) return undefined;
  const dir = isDir ? file : path.dirname(file);
  const found: Partial<Record<AspFileKind, string>> = {};
  if (!isDir) found[kindOf(file)!] = file;
  for (const name of fs.readdirSync(dir).filter((n) => /\.csv$/i.test(n)).sort()) {
    const f = path.join(dir, name);
    const k = kindOf(f);
    if (k && !found[k]) found[k] = f;
  }
  if (!found.crosswalk || !found.limits) {
    throw new Error(`${path.basename(file)}: the ASP import needs both the NDC-HCPCS crosswalk and the payment limit CSV in one folder`);
  }
  return found as Record<AspFileKind, string>;
}

function importAsp(pair: Record<AspFileKind, string>, outDir: string, release?: string): ImportOutcome {
  const read = (f: string) => ({ name: path.basename(f), text: decodeCp1252(new Uint8Array(fs.readFileSync(f))) });
  const { table, warnings } = buildAspTable({ crosswalk: read(pair.crosswalk), limits: read(pair.limits), release });
  const out = path.join(outDir, aspTablePath(table.release));
  const changed = writeIfChanged(out, stringifyTable(table));
  updateManifest(outDir);
  return {
    kind: 'asp',
    release: table.release,
    table: out,
    changed,
    warnings,
    summary: `ASP ${table.release} (${table.effective.from} to ${table.effective.to}): ${table.crosswalk.length} NDCs, ${table.limits.length} payment limits`,
  };
}

/**
 * Imports one official file (HCPCS zip or TXT, ICD-10-CM codes txt, or an ASP CSV or folder) into `outDir` and
 * updates its manifest.
 */
export function importOfficialFile(file: string, outDir: string, options: { icd10?: boolean; release?: string } = {}): ImportOutcome {
  const asp = options.icd10 ? undefined : findAspPair(file);
  if (asp) return importAsp(asp, outDir, options.release);
  const isZip = /\.zip$/i.test(file);
  let isIcd10 = options.icd10 ?? false;
  if (!isZip && !isIcd10) {
    const head = decodeLatin1(fs.readFileSync(file).subarray(0, 64 * 1024));
    isIcd10 = looksLikeIcd10Codes(head);
  }
  if (isIcd10) {
    const release = options.release ?? releaseFromIcd10FileName(file);
    if (!release) throw new Error(`cannot tell the release from "${path.basename(file)}"; pass --release FY2026`);
    const { table, warnings } = buildIcd10Table({ release, sourceFile: path.basename(file), text: decodeLatin1(fs.readFileSync(file)) });
    const out = path.join(outDir, icd10TablePath(release));
    const changed = writeIfChanged(out, stringifyTable(table));
    updateManifest(outDir);
    return { kind: 'icd10cm', release, table: out, changed, warnings, summary: `ICD-10-CM ${release}: ${table.codes.length} codes` };
  }
  const src = isZip ? readHcpcsZip(file) : readHcpcsTxt(file);
  const release = options.release ?? releaseFromHcpcsFileName(src.dataName) ?? releaseFromHcpcsFileName(file);
  if (!release) throw new Error(`cannot tell the release from "${src.dataName}"; pass --release 2026-01`);
  const extra: string[] = [];
  if (!src.notesText) extra.push('no proc_notes*.txt found: processing notes left empty');
  if (!src.layoutText) extra.push('no *recordlayout*.txt found: code tables left out');
  if (!src.noc) extra.push('no NOC_codes*.xlsx found: not-otherwise-classified codes are judged from the descriptors');
  else extra.push(...src.noc.warnings);
  const noc = src.noc && src.noc.records.length > 0 ? src.noc : undefined;
  const { table, warnings } = buildHcpcsTable({
    release,
    sourceFile: src.dataName,
    dataText: src.dataText,
    notesText: src.notesText,
    layoutText: src.layoutText,
    noc,
  });
  const out = path.join(outDir, hcpcsTablePath(release));
  const changed = writeIfChanged(out, stringifyTable(table));
  updateManifest(outDir);
  return {
    kind: 'hcpcs',
    release,
    table: out,
    changed,
    warnings: [...extra, ...warnings.map((w) => `${src.dataName}: ${w}`)],
    summary:
      `HCPCS ${release}: ${table.procedures.length} procedures, ${table.modifiers.length} modifiers, ` +
      `${Object.keys(table.notes).length} processing notes, ${Object.keys(table.layout ?? {}).length} code tables, ` +
      `${table.noc ? `${table.noc.length} NOC codes` : 'no NOC list'}`,
  };
}

/**
 * The editor command: imports a CMS HCPCS release into the user's storage, next to a copy of the bundled
 * ICD-10-CM table, so the server can load that folder as a complete data set from then on.
 *
 * Bad data never sticks: the release is imported into a temporary folder beside the storage, loaded from there
 * and checked for plausible counts (codeset/plausible.ts); only then does the folder replace the storage's
 * tables, in one rename. Any failure leaves the storage as it was.
 */
export async function importReleaseInto(file: string, targetDir: string, bundledDataDir: string): Promise<{ ok: boolean; message: string }> {
  let staging: string | undefined;
  try {
    if (!file || !fs.existsSync(file)) return { ok: false, message: `HCPCS import: file not found: ${path.basename(file)}` };
    if (!targetDir) return { ok: false, message: 'HCPCS import: no storage folder to import into' };
    fs.mkdirSync(path.dirname(targetDir), { recursive: true });
    staging = fs.mkdtempSync(`${targetDir}.incoming-`);
    const outcome = importOfficialFile(file, staging);
    if (outcome.kind !== 'hcpcs') throw new Error(`${path.basename(file)} is an ${outcome.kind === 'asp' ? 'ASP' : 'ICD-10-CM'} file, not a HCPCS release`);
    // Make the folder complete: the tables it lacks come from the bundled data.
    for (const sub of ['hcpcs', 'icd10cm', 'asp']) {
      if (!fs.existsSync(path.join(bundledDataDir, sub))) continue;
      const dest = path.join(staging, sub);
      const hasTable = fs.existsSync(dest) && fs.readdirSync(dest).some((n) => n.endsWith('.json'));
      if (hasTable) continue;
      fs.mkdirSync(dest, { recursive: true });
      for (const name of fs.readdirSync(path.join(bundledDataDir, sub))) fs.copyFileSync(path.join(bundledDataDir, sub, name), path.join(dest, name));
    }
    updateManifest(staging);
    const loaded = loadCodeSet(staging, { guidesDataDir: bundledDataDir });
    if (!loaded.codeSet) throw new Error(`the imported tables do not load: ${loaded.errors.join('; ')}`);
    const junk = implausibleRelease(loaded.codeSet.procedureCount, loaded.codeSet.modifierCount);
    if (junk) throw new Error(`${path.basename(file)} is not a complete CMS release: ${junk}`);
    // Switch: the old storage aside, the new one in, the old one removed.
    const previous = `${targetDir}.previous-${process.pid}`;
    if (fs.existsSync(targetDir)) fs.renameSync(targetDir, previous);
    fs.renameSync(staging, targetDir);
    staging = undefined;
    fs.rmSync(previous, { recursive: true, force: true });
    return { ok: true, message: `Imported ${outcome.summary}. The language server now uses it ("HCPCS: Use the bundled code set" goes back).` };
  } catch (e) {
    return { ok: false, message: `HCPCS import failed: ${(e as Error).message}. The code set in use is unchanged.` };
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** "HCPCS: Use the bundled code set": the imported release is removed from the storage. */
export function removeImportedRelease(targetDir: string): { ok: boolean; message: string } {
  try {
    if (!targetDir || !fs.existsSync(path.join(targetDir, 'manifest.json'))) return { ok: true, message: 'The bundled code set is already in use.' };
    for (const sub of ['hcpcs', 'icd10cm', 'asp', 'manifest.json']) fs.rmSync(path.join(targetDir, sub), { recursive: true, force: true });
    return { ok: true, message: 'The imported release was removed: the bundled code set is in use.' };
  } catch (e) {
    return { ok: false, message: `could not remove the imported release: ${(e as Error).message}` };
  }
}
