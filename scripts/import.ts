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
 *
 * Implementation guides: npm run data:import -- --x12-guides <pyx12 map folder> [--nucc <nucc_taxonomy_NNN.csv>]
 * writes data/x12/ (the 837P, 837I and 999 guide tables, the control map, data elements, code lists, the NUCC
 * taxonomy and the licence notices they ship with).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importOfficialFile } from '../server/src/node/importRelease';
import { importGuideMaps } from '../server/src/node/importGuides';

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

function importGuides(argv: string[]): void {
  const at = argv.indexOf('--x12-guides');
  const mapDir = argv[at + 1];
  if (!mapDir) throw new Error('usage: npm run data:import -- --x12-guides <pyx12 map folder> [--nucc <nucc_taxonomy_NNN.csv>] [--out dir]');
  const n = argv.indexOf('--nucc');
  const o = argv.indexOf('--out');
  const out = o >= 0 ? path.resolve(argv[o + 1]) : path.resolve(__dirname, '..', 'data', 'x12');
  const outcome = importGuideMaps(path.resolve(mapDir), out, n >= 0 ? path.resolve(argv[n + 1]) : undefined);
  console.log(`${outcome.summary} -> ${path.relative(process.cwd(), out)} (${outcome.changed.length ? `changed: ${outcome.changed.join(', ')}` : 'unchanged'})`);
}

function main(): void {
  if (process.argv.includes('--x12-guides')) return importGuides(process.argv.slice(2));
  const args = parseArgs(process.argv.slice(2));
  const outcome = importOfficialFile(args.file, args.out, { icd10: args.icd10, release: args.release });
  for (const w of outcome.warnings) console.warn(w);
  console.log(`${outcome.summary} -> ${path.relative(process.cwd(), outcome.table)}${outcome.changed ? '' : ' (unchanged)'}`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
