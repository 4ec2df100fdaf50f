/**
 * Everything the server loads from disk, in one place: the code set (bundled, or a newer release the user
 * imported into their storage), the user's licensed CPT file, and the bundled plus workspace billing guides.
 * Never throws: every problem is a message naming the file (and field), and the server keeps running on what
 * did load (at worst an empty code set, so requests still get answers).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeSet } from '../codeset/types';
import { createCodeSet } from '../codeset/codeset';
import { HCPCS_COLUMNS } from '../codeset/tableFormat';
import type { GuideIndex } from '../guides/types';
import { parseRulesOff, RULES_OFF_FILE, type RulesOff } from '../guides/rulesOff';
import { loadGuides, type GuideDiagnostic, type RawGuideFile } from '../guides/loader';
import { loadCodeSet } from './loadCodeSet';
import { implausibleRelease } from '../codeset/plausible';
import { FILE_LIMITS, readRegularTextFile } from './safeRead';

export interface EnvironmentOptions {
  dataDir: string;
  /** Where "Import a newer CMS release" writes; used when it holds a newer valid HCPCS release. */
  userDataDir?: string;
  workspaceFolders?: readonly string[];
  cptDescriptorFile?: string;
  /** Told about a problem found after loading (a table read on first use); it is also added to `problems`. */
  onProblem?: (message: string) => void;
}

export interface GuideFileProblems {
  uri: string;
  text: string;
  diagnostics: GuideDiagnostic[];
}

export interface Environment {
  codeSet: CodeSet;
  guides: GuideIndex;
  /** One line each, for the output channel. */
  problems: string[];
  /** Workspace guide files with their problems (empty list = clear earlier diagnostics). */
  guideFiles: GuideFileProblems[];
  /** Rules switched off for single claim files, per workspace folder (`.hcpcs/rules-off.json`). */
  rulesOff: RulesOff[];
  /** Where the HCPCS release in use comes from: bundled with the extension, or imported into the user's storage. */
  hcpcsSource: 'bundled' | 'imported';
}

function emptyCodeSet(): CodeSet {
  return createCodeSet({
    hcpcs: { format: 'hcpcs-table', version: 1, release: 'none', source: '', columns: [...HCPCS_COLUMNS], procedures: [], modifiers: [], notes: {} },
    icd10: { format: 'icd10cm-table', version: 1, release: 'none', source: '', columns: ['code', 'description'], codes: [] },
  } as unknown as Parameters<typeof createCodeSet>[0]);
}

function currentRelease(dataDir: string): string | undefined {
  const read = readRegularTextFile(path.join(dataDir, 'manifest.json'), FILE_LIMITS.rulesOff);
  if (!read.ok) return undefined;
  try {
    const manifest = JSON.parse(read.text) as { hcpcs?: { current?: unknown } };
    return typeof manifest.hcpcs?.current === 'string' ? manifest.hcpcs.current : undefined;
  } catch {
    return undefined;
  }
}

/** Set by loadBestCodeSet: whether the code set in use is a release the user imported. */
let importedInUse = false;

function loadBestCodeSet(options: EnvironmentOptions, problems: string[]): CodeSet {
  importedInUse = false;
  // A relative path in the setting is read from the (first) workspace folder.
  const cptCsvPath = options.cptDescriptorFile
    ? path.resolve(options.workspaceFolders?.[0] ?? process.cwd(), options.cptDescriptorFile)
    : undefined;
  const bundledRelease = currentRelease(options.dataDir);
  const userRelease = options.userDataDir ? currentRelease(options.userDataDir) : undefined;
  const onProblem = (m: string) => {
    problems.push(m);
    options.onProblem?.(m);
  };
  if (options.userDataDir && userRelease && (!bundledRelease || userRelease > bundledRelease)) {
    const user = loadCodeSet(options.userDataDir, { cptCsvPath, onProblem, guidesDataDir: options.dataDir });
    // An imported release with implausible counts is never used (it made every code unknown, also after a restart).
    const junk = user.codeSet ? implausibleRelease(user.codeSet.procedureCount, user.codeSet.modifierCount) : undefined;
    if (user.codeSet && !junk) {
      problems.push(...user.errors.map((e) => `CPT descriptors: ${e}`));
      importedInUse = true;
      return user.codeSet;
    }
    if (junk) problems.push(`imported release ${userRelease} in user storage is not used: ${junk}; using the bundled release ("HCPCS: Use the bundled code set" removes it)`);
    else problems.push(...user.errors.map((e) => `imported release in user storage: ${e}; using the bundled release`));
  }
  const bundled = loadCodeSet(options.dataDir, { cptCsvPath, onProblem });
  if (bundled.codeSet) {
    problems.push(...bundled.errors.map((e) => `CPT descriptors: ${e}`));
    return bundled.codeSet;
  }
  problems.push(...bundled.errors.map((e) => `bundled code set: ${e}`));
  problems.push('no code set could be loaded: hover and checks will not know any code until this is fixed');
  return emptyCodeSet();
}

type WorkspaceGuideFile = RawGuideFile & { path: string };

function readWorkspaceGuides(folders: readonly string[], problems: string[]): WorkspaceGuideFile[] {
  const files: WorkspaceGuideFile[] = [];
  for (const folder of folders) {
    const dir = path.join(folder, '.hcpcs', 'guides');
    let names: string[];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      // Only regular files up to the limit: a pipe, a device or a huge file named *.json must not stop the server.
      const read = readRegularTextFile(file, FILE_LIMITS.guide, `billing guide ${file}`);
      if (!read.ok) {
        problems.push(`${read.error}; the bundled guides stay in use`);
        continue;
      }
      // The workspace-relative name is what hovers show as the guide's source (never a machine path).
      files.push({ fileName: path.join('.hcpcs', 'guides', name), text: read.text, path: file });
    }
  }
  return files;
}

/** Each workspace folder's `.hcpcs/rules-off.json`, when present; a bad one is named in the problems and ignored. */
function readRulesOff(folders: readonly string[], problems: string[]): RulesOff[] {
  const out: RulesOff[] = [];
  for (const folder of folders) {
    const file = path.join(folder, RULES_OFF_FILE);
    const read = readRegularTextFile(file, FILE_LIMITS.rulesOff);
    if (!read.ok) {
      if (!read.missing) problems.push(`${read.error}; no rule is switched off by it`);
      continue; // no such file: nothing switched off
    }
    const text = read.text;
    const parsed = parseRulesOff(folder, text);
    problems.push(...parsed.problems.map((p) => `${folder}${path.sep}${p}`));
    if (parsed.rulesOff) out.push(parsed.rulesOff);
  }
  return out;
}

export function loadEnvironment(options: EnvironmentOptions): Environment {
  const problems: string[] = [];
  const codeSet = loadBestCodeSet(options, problems);
  const raw = readWorkspaceGuides(options.workspaceFolders ?? [], problems);
  const { guides, diagnostics } = loadGuides(raw);
  const guideFiles: GuideFileProblems[] = raw.map((file) => ({
    uri: file.path,
    text: file.text,
    diagnostics: diagnostics.filter((d) => d.fileName === file.fileName),
  }));
  for (const d of diagnostics) {
    if (!raw.some((f) => f.fileName === d.fileName)) problems.push(`${d.fileName}: ${d.pathText}: ${d.message}`);
  }
  const rulesOff = readRulesOff(options.workspaceFolders ?? [], problems);
  return { codeSet, guides, problems, guideFiles, rulesOff, hcpcsSource: importedInUse ? 'imported' : 'bundled' };
}
