/**
 * What the x12/ implementation-guide rules cost (issue 11: < +30%), measured alone so it is quick to repeat:
 * all diagnostics of the 10 MB realistic file with and without them, and an edit inside one claim with and without
 * them, beside x12-parser's parse of the same file in the same run. The same measurements as `npm run bench`'s
 * engine table (bench/run.ts), on the same generated file.
 * The all-diagnostics figures are also given in CPU time (process.cpuUsage: all threads, the garbage collector's
 * too), which on a shared machine moves less with other people's work than the wall clock, and as the fastest
 * repetition of each; the repetitions with and without the rules are taken in turn.
 *
 *   node --expose-gc --import tsx bench/guideCost.ts            (BENCH_QUICK=1: fewer repetitions)
 *   BENCH_PROFILE=all|edit ...                                  (run one measurement only, for node --cpu-prof)
 *   BENCH_ONE_THREAD=1 ...                                      (without the second thread that makes guide issues:
 *                                                                the server's figures; by default hcpcs-check's)
 *   BENCH_BUNDLED=1 ...                                         (the same from an esbuild bundle of this file, minified
 *                                                                as bench/run.ts bundles: what ships, no tsx getters)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { X12parser } from 'x12-parser';
import { loadCodeSet } from '../server/src/node/loadCodeSet';
import { bundledGuides } from '../server/src/guides/loader';
import { createLanguageService } from '../server/src/service';
import { allRules } from '../server/src/rules/registry';
import { conformanceRules } from '../server/src/rules/conformance';
import type { Rule } from '../server/src/rules/types';
import { generate837P, rng } from './generate';
import { ConformanceThread } from '../server/src/node/conformanceThread';

// BENCH_ROOT: set when this file runs as a bundle from .cache/bench (see BENCH_BUNDLED)
const root = process.env.BENCH_ROOT ?? path.resolve(__dirname, '..');
const cacheDir = path.join(root, '.cache', 'bench');
const quick = !!process.env.BENCH_QUICK;
const only = process.env.BENCH_PROFILE ?? '';
const TODAY = '2025-03-15';
const reps = Number(process.env.BENCH_REPS) || (quick ? 3 : 7);
/**
 * BENCH_ONE_THREAD=1: without the conformance thread (node/conformanceThread.ts), as the editor's server checks; by
 * default with it, as hcpcs-check checks on one thread. Separate runs: a process that never started the thread.
 */
const oneThread = !!process.env.BENCH_ONE_THREAD;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
/** The process's CPU time (all threads: the garbage collector's too) for `fn`: on a shared machine, less moved by others' work than the wall clock. */
const cpuTime = (fn: () => void): number => {
  const t = process.cpuUsage();
  fn();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};

function x12ParserParse(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const parser = new X12parser();
    let count = 0;
    parser.on('data', () => void count++);
    parser.on('end', () => resolve(count));
    parser.on('error', reject);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65536) chunks.push(text.slice(i, i + 65536));
    Readable.from(chunks).pipe(parser);
  });
}

/** Runs this file again from an esbuild bundle in a fresh process (minified, as bench/run.ts's bundled figures). */
function runBundled(): void {
  // kept under BENCH_PROFILE (a profile's line numbers point into it)
  const bundle = path.join(cacheDir, only ? 'guideCost-profile.js' : `guideCost-${process.pid}.js`);
  fs.mkdirSync(cacheDir, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  // not minified under BENCH_PROFILE, so the profile names the functions
  require('esbuild').buildSync({ entryPoints: [path.join(root, 'bench', 'guideCost.ts')], bundle: true, platform: 'node', format: 'cjs', minify: !only, outfile: bundle, logLevel: 'error' });
  const env = { ...process.env, BENCH_ROOT: root, BENCH_BUNDLED: '' };
  // node's own flags (--cpu-prof ...) without tsx's loader
  const flags = process.execArgv.filter((a, i, all) => a !== '--import' && !(all[i - 1] === '--import' && a === 'tsx') && !a.startsWith('--import=') && a !== '--expose-gc');
  const r = spawnSync(process.execPath, [...flags, '--expose-gc', bundle], { stdio: 'inherit', env });
  if (!only) fs.rmSync(bundle, { force: true });
  process.exit(r.status ?? 1);
}

async function main(): Promise<void> {
  if (process.env.BENCH_BUNDLED) return runBundled();
  const loaded = loadCodeSet(path.join(root, 'data'));
  if (!loaded.codeSet) throw new Error(loaded.errors.join('; '));
  const codeSet = loaded.codeSet;
  const guides = bundledGuides();
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, 'synthetic-837p-10mb-realistic-v2.837');
  if (!fs.existsSync(file)) fs.writeFileSync(file, generate837P(codeSet, { targetBytes: 10_000_000, seed: 10, profile: 'realistic', guides }));
  const text10 = fs.readFileSync(file, 'utf8');
  // the second thread hcpcs-check makes a large file's guide issues on, from the built bundle (`npm run build`)
  const workerFile = path.join(root, 'dist', 'server', 'conformanceWorker.js');
  const thread = oneThread ? undefined : new ConformanceThread(workerFile, path.join(root, 'data'));
  if (thread && !fs.existsSync(workerFile)) throw new Error(`${workerFile} is missing: run npm run build first`);
  const guideIds = new Set(conformanceRules.map((r) => r.id));
  const without = allRules.filter((r) => !guideIds.has(r.id));

  interface AllRun {
    ms: number;
    /** The fastest repetition: on a shared virtual machine other work only ever adds time. */
    minMs: number;
    cpuMs: number;
    count: number;
  }
  /**
   * All diagnostics with each rule set, the repetitions of the sets taken in turn (with, without, without, with ...)
   * so that a slow stretch of the machine falls on both alike.
   */
  const allDiagnostics = (...ruleSets: (readonly Rule[] | undefined)[]): AllRun[] => {
    const counts = ruleSets.map(() => 0);
    const t: number[][] = ruleSets.map(() => []);
    const cpu: number[][] = ruleSets.map(() => []);
    for (let i = 0; i < reps; i++) {
      for (let j = 0; j < ruleSets.length; j++) {
        const k = i % 2 ? ruleSets.length - 1 - j : j;
        const svc = createLanguageService({ codeSet, guides, rules: ruleSets[k], guideIssuesMaker: thread });
        const doc = TextDocument.create('file:///bench/10mb.837', 'x12', 1, text10);
        gc();
        let wall = 0;
        cpu[k].push(cpuTime(() => (wall = time(() => (counts[k] = svc.validate(doc, undefined, { today: TODAY }).length)))));
        t[k].push(wall);
      }
    }
    return ruleSets.map((_, k) => ({ ms: median(t[k]), minMs: Math.min(...t[k]), cpuMs: median(cpu[k]), count: counts[k] }));
  };
  const edits = (rules?: readonly Rule[]): number => {
    const svc = createLanguageService({ codeSet, guides, rules });
    let text = text10;
    let doc = TextDocument.create('file:///bench/10mb-edit.837', 'x12', 1, text);
    svc.validate(doc, undefined, { today: TODAY });
    const random = rng(42);
    const t: number[] = [];
    for (let i = 0; i < (quick ? 10 : 30); i++) {
      const at = text.indexOf('SV1*HC:', Math.floor(random() * (text.length - 1000)));
      const star = text.indexOf('*', at + 7);
      text = `${text.slice(0, star + 1)}${1 + Math.floor(random() * 9)}${text.slice(star + 1)}`;
      doc = TextDocument.create(doc.uri, 'x12', doc.version + 1, text);
      t.push(time(() => svc.validate(doc, undefined, { today: TODAY })));
    }
    return median(t);
  };

  if (only === 'all') {
    console.log(JSON.stringify(allDiagnostics(undefined)[0]));
    return;
  }
  if (only === 'edit') {
    console.log(JSON.stringify({ editMs: edits() }));
    return;
  }
  const parser: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    const t0 = performance.now();
    await x12ParserParse(text10);
    parser.push(performance.now() - t0);
  }
  const x12ParserMs = median(parser);
  const [withRun, withoutRun] = allDiagnostics(undefined, without);
  const editWith = edits();
  const editWithout = edits(without);
  const r = (x: number) => (x / x12ParserMs).toFixed(4);
  const pct = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(0)}%`;
  console.log(`load: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}; x12-parser parse of the 10 MB file ${x12ParserMs.toFixed(0)} ms`);
  console.log(`all diagnostics with the guide rules    ${withRun.ms.toFixed(0)} ms (${r(withRun.ms)} of x12-parser; ${withRun.count} diagnostics)`);
  console.log(`all diagnostics without them            ${withoutRun.ms.toFixed(0)} ms (${r(withoutRun.ms)}; ${withoutRun.count} diagnostics) -> guide rules cost ${pct(withRun.ms, withoutRun.ms)}`);
  console.log(`  the fastest repetition of each        ${withRun.minMs.toFixed(0)} ms with, ${withoutRun.minMs.toFixed(0)} ms without -> ${pct(withRun.minMs, withoutRun.minMs)}`);
  console.log(`  the same in CPU time (all threads)     ${withRun.cpuMs.toFixed(0)} ms with, ${withoutRun.cpuMs.toFixed(0)} ms without -> ${pct(withRun.cpuMs, withoutRun.cpuMs)}`);
  if (thread) console.log(`  claims whose guide issues came from the conformance thread: ${thread.claimsTaken} of ${thread.claimsTaken + thread.claimsNotReady} asked for (hcpcs-check's figures; the server's, on one thread: BENCH_ONE_THREAD=1)`);
  console.log(`edit inside one claim with the rules    ${editWith.toFixed(1)} ms (${r(editWith)})`);
  console.log(`edit inside one claim without them      ${editWithout.toFixed(1)} ms (${r(editWithout)}) -> guide rules cost ${pct(editWith, editWithout)}`);
  await thread?.close();
  console.log(JSON.stringify({ thread: !!thread, load: os.loadavg()[0], x12ParserMs, allWith: withRun.ms, allWithout: withoutRun.ms, allWithMin: withRun.minMs, allWithoutMin: withoutRun.minMs, allWithCpu: withRun.cpuMs, allWithoutCpu: withoutRun.cpuMs, editWith, editWithout }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
