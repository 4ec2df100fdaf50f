/**
 * `hcpcs-check`: the batch claim checker (the program; main.ts only starts it). Runs the editor's rules over claim files and clinical notes and prints
 * the findings for people (text), programs (json) or CI code-scanning views (sarif).
 *
 * Exit code: 0 clean, 1 findings at error level (or more warnings than --max-warnings), 3 a file not fully
 * checked (over --max-file-size), 2 bad usage or an unreadable input. Many files are checked on worker threads (one per core).
 */
import { hasClaimFileExtension, isClaimText } from '../core/claimFiles';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Command, CommanderError, Option } from 'commander';
import picomatch from 'picomatch';
import { allRules, ruleById } from '../rules/registry';
import { defaultSettings } from '../core/settings';
import { createChecker, readErrorText, type CheckerConfig, type FileResult } from './check';
import { ConformanceThread } from '../node/conformanceThread';
import { format999, formatJson, formatSarif, formatText, OUTPUT_FORMATS, type OutputFormat } from './format';
import type { WorkerResponse } from './worker';

// require(), not import: esbuild then takes tinyglobby's CommonJS build, whose fdir needs no import.meta.url.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

const VERSION = '0.1.0';
/** Above this many files the work is spread over worker threads. */
const PARALLEL_THRESHOLD = 16;
const SNIFF_EXTENSIONS = new Set(['.txt', '.dat', '']);
const SKIP_DIRS = ['**/node_modules/**', '**/.git/**'];

class UsageError extends Error {}

interface Options {
  format: OutputFormat;
  payer?: string;
  date?: string;
  rule: string[];
  maxWarnings: number;
  notesInclude?: string[];
  maxFileSize?: number;
  jobs?: number;
  quiet?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parseCount(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} expects a whole number, got ${JSON.stringify(value)}`);
    return Number(value);
  };
}

function buildProgram(): Command {
  return new Command()
    .name('hcpcs-check')
    .description(
      'Check X12 837 claim files and clinical notes with the HCPCS language server rules.\n' +
        'Files, folders and globs may be mixed; "-" reads one claim file from standard input.',
    )
    .version(VERSION, '-v, --version')
    .argument('<files...>', 'claim files (.837, .x12, .edi, or any file starting with ISA), notes, folders, globs, or -')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS as string[]).default('text'))
    .addOption(new Option('--payer <payer>', 'payer profile for claims whose SBR09 does not say').choices(['medicare', 'commercial', 'medicaid']))
    .option('--date <yyyy-mm-dd>', 'fallback date of service for claims that carry none (default: today)')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect, [])
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings', parseCount('--max-warnings'), -1)
    .option('--notes-include <glob>', `files checked as clinical notes (repeatable; default: ${defaultSettings.notes.include.join(', ')})`, collect)
    .option('--max-file-size <mb>', `claim files larger than this get syntax checks only, and the run exits 3 (default: ${defaultSettings.maxFileSizeMB})`, parseFloat)
    .option('-j, --jobs <n>', 'worker threads for many files (default: one per core)', parseCount('--jobs'))
    .option('-q, --quiet', 'no summary line on standard error')
    .addHelpText(
      'after',
      '\nExit status: 0 no findings at error level, 1 errors (or more warnings than --max-warnings), 3 a file not fully checked\n' +
        '(over --max-file-size: syntax only), 2 bad usage or unreadable input.\n' +
        'Examples:\n  hcpcs-check examples/\n  hcpcs-check "claims/**/*.837" --payer medicare --format sarif > hcpcs.sarif\n  cat batch.x12 | hcpcs-check - --rule hcpcs/kx-attestation=off',
    );
}

/** The raw settings section the options describe (validated by the same schema as the editor's settings). */
function settingsFrom(options: Options): Record<string, unknown> {
  const rules: Record<string, string> = {};
  for (const entry of options.rule) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--rule expects id=severity, got ${JSON.stringify(entry)}`);
    const id = entry.slice(0, eq).trim();
    const severity = entry.slice(eq + 1).trim();
    if (!['off', 'info', 'warning', 'error'].includes(severity)) {
      throw new UsageError(`--rule ${id}: severity must be off, info, warning or error, got ${JSON.stringify(severity)}`);
    }
    if (!ruleById(id)) throw new UsageError(`--rule: unknown rule id ${JSON.stringify(id)} (known: ${allRules.map((r) => r.id).join(', ')})`);
    rules[id] = severity;
  }
  const settings: Record<string, unknown> = { rules };
  if (options.payer) settings.payer = options.payer;
  if (options.date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
      throw new UsageError(`--date expects YYYY-MM-DD, got ${JSON.stringify(options.date)}`);
    }
    settings.dateOfService = options.date;
  }
  if (options.notesInclude?.length) settings.notes = { include: options.notesInclude };
  if (options.maxFileSize !== undefined) {
    if (!(options.maxFileSize > 0)) throw new UsageError('--max-file-size expects a positive number of megabytes');
    settings.maxFileSizeMB = options.maxFileSize;
  }
  return settings;
}

function looksLikeClaim(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.alloc(512);
      const n = fs.readSync(fd, buf, 0, 512, 0);
      return isClaimText(buf.subarray(0, n).toString('utf8'));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

/** Files, folders and globs -> the list of files to check (in the order given, without duplicates). */
export function expandInputs(inputs: readonly string[], cwd: string, notesInclude: readonly string[]): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const isNote = picomatch([...notesInclude], { dot: true });
  const add = (f: string) => {
    const key = f === '-' ? '-' : path.resolve(cwd, f);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };
  for (const input of inputs) {
    if (input === '-') {
      add('-');
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(cwd, input));
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      add(input);
    } else if (stat?.isDirectory()) {
      const found = globSync('**/*', { cwd: path.resolve(cwd, input), onlyFiles: true, dot: false, ignore: SKIP_DIRS }).sort();
      for (const rel of found) {
        const shown = toSlash(path.join(input, rel));
        const ext = path.extname(rel).toLowerCase();
        const relToCwd = toSlash(path.relative(cwd, path.resolve(cwd, input, rel)));
        if (hasClaimFileExtension(rel) || isNote(relToCwd) || isNote(path.basename(rel)) || (SNIFF_EXTENSIONS.has(ext) && looksLikeClaim(path.resolve(cwd, input, rel)))) {
          add(shown);
        }
      }
    } else if (isDynamicPattern(input)) {
      const found = globSync(input, { cwd, onlyFiles: true, ignore: SKIP_DIRS }).sort();
      if (found.length === 0) errors.push(`${input}: no files match`);
      for (const f of found) add(f);
    } else {
      errors.push(`${input}: file not found`);
    }
  }
  return { files, errors };
}

/** Standard input as text; unreadable or too large is an error, never an empty text that passes. */
function checkStdin(checker: ReturnType<typeof createChecker>): FileResult {
  let text: string;
  try {
    text = fs.readFileSync(0, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EAGAIN' || err.code === 'EOF') text = '';
    else return { file: '-', findings: [], error: readErrorText(err) };
  }
  return checker.checkText('-', text);
}

interface Progress {
  tick(done: number): void;
  end(): void;
}

function progressLine(total: number): Progress {
  const show = !!process.stderr.isTTY && total > PARALLEL_THRESHOLD;
  let last = 0;
  return {
    tick(done) {
      if (!show) return;
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      process.stderr.write(`\rchecking ${done}/${total} files`);
    },
    end() {
      if (show) process.stderr.write('\r\x1b[K');
    },
  };
}

/** The pool's results in file order, and the code-set problems its workers told (each once, in the order first told). */
async function checkInPool(files: readonly string[], config: CheckerConfig, jobs: number, progress: Progress): Promise<{ results: FileResult[]; problems: Set<string> }> {
  const workerFile = path.join(__dirname, 'cliWorker.js');
  const results: FileResult[] = new Array(files.length);
  const problems = new Set<string>();
  let next = 0;
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = () => {
      for (const w of workers) void w.terminate();
      resolve();
    };
    const feed = (w: Worker) => {
      if (next >= files.length) return;
      const id = next++;
      w.postMessage({ id, file: files[id] });
    };
    for (let k = 0; k < jobs; k++) {
      const w = new Worker(workerFile, { workerData: config });
      workers.push(w);
      w.on('message', (m: WorkerResponse | { ready: true }) => {
        if ('ready' in m) {
          feed(w);
          return;
        }
        results[m.id] = m.result;
        for (const p of m.problems) problems.add(p);
        progress.tick(++done);
        if (done === files.length) finish();
        else feed(w);
      });
      w.on('error', (err) => {
        for (const other of workers) void other.terminate();
        reject(err);
      });
    }
  });
  return { results, problems };
}

export async function run(argv: readonly string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  let options: Options;
  let inputs: string[];
  let settings: Record<string, unknown>;
  try {
    program.parse(argv as string[], { from: 'user' });
    options = program.opts<Options>();
    inputs = program.args;
    settings = settingsFrom(options);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`hcpcs-check: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  const cwd = process.cwd();
  const notesInclude = options.notesInclude?.length ? options.notesInclude : defaultSettings.notes.include;
  const { files, errors } = expandInputs(inputs, cwd, notesInclude);
  for (const e of errors) io.stderr(`hcpcs-check: ${e}\n`);
  if (files.length === 0) {
    if (errors.length === 0) io.stderr('hcpcs-check: no claim files or notes found\n');
    return 2;
  }

  const config: CheckerConfig = {
    dataDir: process.env.HCPCS_DATA_DIR ?? path.resolve(__dirname, '..', '..', 'data'),
    settings,
    cwd,
    acknowledgment: options.format === '999',
  };
  const progress = progressLine(files.length);
  const fileCount = files.filter((f) => f !== '-').length;
  const jobs = Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), fileCount));
  const parallel = jobs > 1 && fileCount > PARALLEL_THRESHOLD && fs.existsSync(path.join(__dirname, 'cliWorker.js'));

  let results: FileResult[];
  // every thread loads the same tables and tells the same problems: print each once
  const problems = new Set<string>();
  let checker: ReturnType<typeof createChecker> | undefined;
  // checking on this thread: a large file's guide issues are made on a second one meanwhile (not beside a pool,
  // whose threads have the cores)
  const workerOfGuideIssues = path.join(__dirname, 'conformanceWorker.js');
  const conformanceThread = !parallel && fs.existsSync(workerOfGuideIssues) ? new ConformanceThread(workerOfGuideIssues, config.dataDir) : undefined;
  const local = () => {
    checker ??= createChecker(config, conformanceThread);
    return checker;
  };
  if (parallel) {
    const onDisk = files.filter((f) => f !== '-');
    const pool = await checkInPool(onDisk, config, jobs, progress);
    for (const p of pool.problems) problems.add(p);
    const pooled = pool.results;
    let k = 0;
    results = files.map((f) => (f === '-' ? checkStdin(local()) : pooled[k++]));
  } else {
    results = [];
    for (const f of files) {
      results.push(f === '-' ? checkStdin(local()) : local().checkFile(f));
      progress.tick(results.length);
    }
  }
  progress.end();
  await conformanceThread?.close();
  if (checker) for (const p of checker.problems) problems.add(p);
  for (const p of problems) io.stderr(`hcpcs-check: ${p}\n`);
  if ([...problems].some((p) => p.startsWith('no code set'))) return 2;

  const readable = results.filter((r) => !r.error);
  if (options.format === '999') io.stdout(format999(readable));
  else if (options.format === 'json') io.stdout(formatJson(readable));
  else if (options.format === 'sarif') io.stdout(formatSarif(results, { rules: allRules, version: VERSION }));
  else io.stdout(formatText(readable));

  let errorCount = 0;
  let warningCount = 0;
  let otherCount = 0;
  for (const r of readable) {
    for (const f of r.findings) {
      if (f.severity === 'error') errorCount++;
      else if (f.severity === 'warning') warningCount++;
      else otherCount++;
    }
  }
  const unreadable = results.filter((r) => r.error);
  for (const r of unreadable) io.stderr(`hcpcs-check: ${r.file}: ${r.error}\n`);
  if (!options.quiet) {
    const total = errorCount + warningCount + otherCount;
    io.stderr(
      total === 0
        ? `no problems in ${readable.length} file${readable.length === 1 ? '' : 's'}\n`
        : `${total} problem${total === 1 ? '' : 's'} (${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}, ${otherCount} info) in ${readable.length} file${readable.length === 1 ? '' : 's'}\n`,
    );
    if (options.maxWarnings >= 0 && warningCount > options.maxWarnings) {
      io.stderr(`hcpcs-check: ${warningCount} warnings exceed --max-warnings ${options.maxWarnings}\n`);
    }
  }
  const incomplete = readable.filter((r) => r.incomplete);
  for (const r of incomplete) io.stderr(`hcpcs-check: ${r.file}: ${r.incomplete}\n`);
  if (unreadable.length || errors.length) return 2;
  // A file not fully checked never passes: its claims may hold errors nobody saw.
  if (incomplete.length) return 3;
  if (errorCount > 0) return 1;
  if (options.maxWarnings >= 0 && warningCount > options.maxWarnings) return 1;
  return 0;
}
