#!/usr/bin/env node
// `npm run bench:check`: a quick benchmark run (BENCH_QUICK=1 bench/run.ts) whose figures are printed beside the
// README's (the JSON line under "Benchmark"); exits 1 when a figure is more than 25% worse than the README's.
// A tool for developers on a quiet machine, not a test: shared machines vary by 10-15% from run to run, and far
// more while other jobs run.
//
//   npm run bench:check                 (builds, then runs the quick benchmark)
//   node scripts/bench-check.mjs FILE   (compare the last JSON line of a saved `npm run bench` output instead)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const TOLERANCE = 0.25;

/** Figures where more is better; every other numeric figure is a time or a size (less is better). */
const HIGHER_IS_BETTER = new Set(['parseVsX12ParserRatio']);
/** Figures that are not ours to keep (the reference parser) or are counts that change with the rules. */
const INFORMATION_ONLY = new Set(['x12Parser10MBMs', 'allDiagnostics10MBCount', 'allDiagnostics10MBManyFindingsCount']);

function lastJsonLine(text, what) {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{') && l.endsWith('}'));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const o = JSON.parse(lines[i]);
      if (typeof o === 'object' && o && 'parseModel10MBMs' in o) return o;
    } catch {
      // not the figures line
    }
  }
  throw new Error(`no benchmark JSON line found in ${what}`);
}

const readme = lastJsonLine(readFileSync(join(root, 'README.md'), 'utf8'), 'README.md');

let output;
if (process.argv[2]) {
  output = readFileSync(process.argv[2], 'utf8');
} else {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'bench', 'run.ts')], {
    cwd: root,
    env: { ...process.env, BENCH_QUICK: '1' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.stderr.write(run.stdout ?? '');
    console.error(`bench:check: the benchmark failed (exit ${run.status})`);
    process.exit(2);
  }
  output = run.stdout;
}
const now = lastJsonLine(output, 'the benchmark output');

const rows = [];
let worse = 0;
for (const [key, was] of Object.entries(readme)) {
  if (typeof was !== 'number') continue;
  const is = now[key];
  if (typeof is !== 'number') {
    rows.push([key, String(was), 'not measured', '']);
    continue;
  }
  const higher = HIGHER_IS_BETTER.has(key);
  const change = was === 0 ? 0 : higher ? (was - is) / was : (is - was) / was; // > 0: worse
  let verdict = `${change > 0 ? '+' : ''}${(change * 100).toFixed(0)}%`;
  if (INFORMATION_ONLY.has(key)) verdict += ' (information)';
  else if (change > TOLERANCE) {
    verdict += ' WORSE';
    worse++;
  }
  rows.push([key, String(was), String(is), verdict]);
}
const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'README', 'now', 'change (worse > 0)'][c].length));
const line = (r) => r.map((x, c) => x.padEnd(w[c])).join('  ');
console.log(line(['figure', 'README', 'now', 'change (worse > 0)']));
for (const r of rows) console.log(line(r));
console.log(worse ? `\n${worse} figure(s) more than ${TOLERANCE * 100}% worse than the README's.` : `\nNo figure more than ${TOLERANCE * 100}% worse than the README's.`);
process.exit(worse ? 1 : 0);
