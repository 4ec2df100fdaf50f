#!/usr/bin/env node
// Runs the test suite with Node's own test runner (TypeScript through tsx), in one run so there is one summary.
//
//   node scripts/test.mjs                 every test/**/*.test.ts (unit, service, protocol, CLI, fuzz)
//   node scripts/test.mjs --with-e2e      the same plus the real-editor test (test/e2e/web/*.e2e.ts) when the
//                                         editor is installed (npm run setup:e2e); it packages the .vsix first
//   node scripts/test.mjs --e2e-only      just the real-editor test
//   node scripts/test.mjs <file|folder>   just those
//
// Protocol and CLI tests run the built bundles: `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const e2eOnly = process.argv.includes('--e2e-only');
const withE2e = e2eOnly || process.argv.includes('--with-e2e');
const targets = args.length ? args : ['test'];

function collect(path, out) {
  const s = statSync(path);
  if (s.isDirectory()) {
    if (args.length === 0 && relative(root, path).startsWith(join('test', 'e2e'))) return;
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name === 'fixtures') continue;
      collect(join(path, name), out);
    }
  } else if (path.endsWith('.test.ts') || (args.length > 0 && path.endsWith('.e2e.ts'))) {
    out.push(path);
  }
}

const files = [];
if (!e2eOnly) for (const t of targets) collect(join(root, t), files);

if (withE2e) {
  const editor = join(root, '.cache', 'editor', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const e2eDir = join(root, 'test', 'e2e', 'web');
  const e2eFiles = readdirSync(e2eDir).filter((n) => n.endsWith('.e2e.ts')).sort().map((n) => join(e2eDir, n));
  if (existsSync(editor) && existsSync('/usr/bin/chromium')) {
    const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
    if (pack.status !== 0) process.exit(pack.status ?? 1);
  } else {
    console.log('# real-editor test: the editor is not installed (npm run setup:e2e); its tests will report as skipped');
  }
  files.push(...e2eFiles.filter((f) => !files.includes(f)));
}

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
