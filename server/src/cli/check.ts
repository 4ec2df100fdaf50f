/**
 * The batch checker's core, shared by the main thread and the worker threads: one language service over the
 * bundled code set, and `checkFile` = read a file, validate it exactly as the editor does, answer plain data
 * (so results cross thread boundaries by structured clone). No output here.
 */
import { hasClaimFileExtension } from '../core/claimFiles';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { loadEnvironment } from '../node/environment';
import { parseSettings, type Settings } from '../core/settings';
import { createLanguageService, type LanguageService } from '../service';
import type { GuideIssuesMaker } from '../conformance/issuesAhead';
import { isNoteFile } from '../guides/noteFiles';
import { rulesOffFor } from '../guides/rulesOff';
import { pathToUri } from '../node/paths';
import { FILE_TOO_LARGE } from '../service';
import { constants as bufferConstants } from 'node:buffer';
import { build999 } from '../conformance/ack999';
import { allIssues } from '../conformance/check';

/** What every thread needs to build the same checker. Plain data (sent to workers). */
export interface CheckerConfig {
  dataDir: string;
  /** The raw `hcpcs` settings section (payer, dateOfService, rules, notes.include, maxFileSizeMB). */
  settings: unknown;
  /** Globs are matched relative to this folder (the current directory). */
  cwd: string;
  /** Fallback date when neither claim nor settings give one (YYYY-MM-DD); default today. */
  today?: string;
  /** Also write the 999 implementation acknowledgment of each claim file (`--format 999`). */
  acknowledgment?: boolean;
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface Finding {
  range: Diagnostic['range'];
  severity: SeverityName;
  code: string;
  message: string;
}

export interface FileResult {
  /** As the user named it (relative to the current directory when it was given so), or "-" for stdin. */
  file: string;
  findings: Finding[];
  /** Set when the file could not be read: the run exits with 2. */
  error?: string;
  /** Set when the file was read but not fully checked (over --max-file-size: syntax only): the run exits with 3. */
  incomplete?: string;
  /** The 999 a receiver would return for the file (claim files, with `acknowledgment`). */
  ack999?: string;
}

/** Why a file could not be read, in plain words (not `ERR_STRING_TOO_LONG`). */
export function readErrorText(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'file not found';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'ERR_STRING_TOO_LONG' || err.code === 'ERR_FS_FILE_TOO_LARGE' || err instanceof RangeError) return TOO_LONG;
  return err.code ?? err.message;
}

const TOO_LONG = `too large to check: over ${Math.floor(bufferConstants.MAX_STRING_LENGTH / 1024 / 1024)} MB of text, more than one JavaScript string can hold; split the file (for example one interchange per file)`;

const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** Language id as the editor would choose it: X12 by extension; everything else is text (claims are still found by content). */
export function languageIdOf(file: string): string {
  if (hasClaimFileExtension(file)) return 'x12';
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'plaintext';
}

export interface Checker {
  service: LanguageService;
  settings: Settings;
  /** Problems loading the code set (already user-facing messages). */
  problems: string[];
  checkText(file: string, text: string): FileResult;
  checkFile(file: string): FileResult;
}

/** `guideIssuesMaker`: a second thread for the guide issues of a large file (node/conformanceThread.ts), when the run checks on one thread. */
export function createChecker(config: CheckerConfig, guideIssuesMaker?: GuideIssuesMaker): Checker {
  const environment = loadEnvironment({ dataDir: config.dataDir, workspaceFolders: [config.cwd] });
  const service = createLanguageService({ codeSet: environment.codeSet, guides: environment.guides, guideIssuesMaker });
  const { settings } = parseSettings(config.settings);
  let version = 0;

  function checkText(file: string, text: string): FileResult {
    const absolute = file === '-' ? path.join(config.cwd, 'stdin') : path.resolve(config.cwd, file);
    const uri = pathToUri(absolute);
    const document = TextDocument.create(uri, languageIdOf(file), ++version, text);
    const isNote = file !== '-' && isNoteFile(absolute, settings.notes.include, [config.cwd]);
    try {
      const disabledRules = file === '-' ? [] : rulesOffFor(absolute, environment.rulesOff);
      const diagnostics = service.validate(document, settings, { isNote, today: config.today, disabledRules });
      const tooLarge = diagnostics.some((d) => d.code === FILE_TOO_LARGE);
      let ack999: string | undefined;
      const analysis = config.acknowledgment ? service.analyze(document) : undefined;
      const implementationGuides = service.codeSet.implementationGuides;
      if (analysis && analysis.x12 && analysis.claimFile && implementationGuides) {
        const now = new Date();
        const date = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
        const time = `${String(now.getHours()).padStart(2, '0')}${String(now.getMinutes()).padStart(2, '0')}`;
        ack999 = build999(analysis.x12, analysis.claimFile, allIssues(implementationGuides, analysis.x12, analysis.claimFile), { date, time, controlNumber: version });
      }
      return {
        ...(tooLarge
          ? { incomplete: `not fully checked: ${(text.length / 1024 / 1024).toFixed(1)} MB is over --max-file-size ${settings.maxFileSizeMB} MB, so only X12 syntax was checked; raise --max-file-size to check its claims` }
          : {}),
        file,
        ack999,
        findings: diagnostics.map((d) => ({
          range: d.range,
          severity: SEVERITY_NAMES[d.severity ?? 1] ?? 'error',
          code: String(d.code ?? ''),
          message: typeof d.message === 'string' ? d.message : d.message.value,
        })),
      };
    } finally {
      // A batch never revisits a file: drop its analysis so memory stays flat over thousands of files.
      service.forget(uri);
    }
  }

  function checkFile(file: string): FileResult {
    let text: string;
    try {
      const absolute = path.resolve(config.cwd, file);
      // A regular file too big for one string is refused before it is read (pipes, as from <(...), are read).
      const stat = fs.statSync(absolute);
      if (stat.isFile() && stat.size > bufferConstants.MAX_STRING_LENGTH) return { file, findings: [], error: TOO_LONG };
      text = fs.readFileSync(absolute, 'utf8');
    } catch (e) {
      return { file, findings: [], error: readErrorText(e as NodeJS.ErrnoException) };
    }
    return checkText(file, text);
  }

  return { service, settings, problems: environment.problems, checkText, checkFile };
}
