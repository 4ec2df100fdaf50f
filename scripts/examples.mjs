#!/usr/bin/env node
// The README's main job: check the bundled examples/ with the batch checker, as a coder would in CI.
// Findings are the expected output here (the examples hold claims a payer would deny), so exit code 1
// ("findings at error level") counts as success; 2 (bad usage or unreadable input) does not.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['bin/hcpcs-check.js', 'examples/', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
const status = result.status ?? 2;
if (status === 0 || status === 1) {
  console.log(`\nChecked examples/ (exit ${status}: ${status === 0 ? 'no findings at error level' : 'findings at error level, as the examples intend'}).`);
  process.exit(0);
}
process.exit(status);
