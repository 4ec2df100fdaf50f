/**
 * Issue 15, item 3: files named by settings and workspace folders are read safely. A guide nested 200,000 deep
 * crashed initialize with a stack overflow; a named pipe as a guide or as hcpcs.cptDescriptorFile hung initialize
 * and the CLI forever; /dev/zero grew memory past 3 GB; a 100 MB guide took 25 s and 3.2 GB. Each now gives one
 * message naming the file, and the bundled data stays in use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadEnvironment } from '../../../server/src/node/environment';
import { readRegularFile } from '../../../server/src/node/safeRead';
import { parseJsonWithPositions } from '../../../server/src/guides/jsonPositions';

const repo = path.resolve(__dirname, '..', '..', '..');
const dataDir = path.join(repo, 'data');

function workspace(): { root: string; guides: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-safe-'));
  const guides = path.join(root, '.hcpcs', 'guides');
  fs.mkdirSync(guides, { recursive: true });
  return { root, guides };
}

function mkfifo(file: string): boolean {
  try {
    execFileSync('mkfifo', [file]);
    return true;
  } catch {
    return false;
  }
}

function bundledInUse(env: ReturnType<typeof loadEnvironment>): void {
  assert.equal(env.codeSet.hcpcsRelease, '2026-01');
  assert.ok(env.codeSet.procedure('A9600'), 'the bundled code set is loaded');
  assert.ok(env.guides.get('A9600'), 'the bundled guides are loaded');
}

test('a guide nested 200,000 deep is a syntax error at the depth limit, not a stack overflow', () => {
  const ws = workspace();
  try {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assert.match(parseJsonWithPositions(deep).error!.message, /nested deeper than 64 levels/);
    fs.writeFileSync(path.join(ws.guides, 'deep.json'), deep);
    const env = loadEnvironment({ dataDir, workspaceFolders: [ws.root] });
    bundledInUse(env);
    const file = env.guideFiles.find((f) => f.uri.endsWith('deep.json'))!;
    assert.match(file.diagnostics[0].message, /not valid JSON: nested deeper than 64 levels/);
    // an ordinary nesting still parses
    assert.deepEqual(parseJsonWithPositions('{"a":[[{"b":[1]}]]}').value, { a: [[{ b: [1] }]] });
  } finally {
    fs.rmSync(ws.root, { recursive: true, force: true });
  }
});

test('a named pipe as a guide or as the CPT descriptor file is refused at once, naming the file', { timeout: 30_000 }, (t) => {
  const ws = workspace();
  try {
    const guidePipe = path.join(ws.guides, 'pipe.json');
    const cptPipe = path.join(ws.root, 'cpt.csv');
    if (!mkfifo(guidePipe) || !mkfifo(cptPipe)) {
      t.skip('mkfifo is not available here');
      return;
    }
    const env = loadEnvironment({ dataDir, workspaceFolders: [ws.root], cptDescriptorFile: 'cpt.csv' });
    bundledInUse(env);
    assert.ok(env.problems.some((p) => p.includes(guidePipe) && /not a regular file/.test(p) && /bundled guides stay in use/.test(p)), env.problems.join('\n'));
    assert.ok(env.problems.some((p) => p.includes('cpt.csv') && /not a regular file/.test(p)), env.problems.join('\n'));
  } finally {
    fs.rmSync(ws.root, { recursive: true, force: true });
  }
});

test('/dev/zero as the CPT descriptor file is refused without reading it', (t) => {
  if (!fs.existsSync('/dev/zero')) {
    t.skip('no /dev/zero here');
    return;
  }
  const read = readRegularFile('/dev/zero', 1024);
  assert.equal(read.ok, false);
  const env = loadEnvironment({ dataDir, cptDescriptorFile: '/dev/zero' });
  bundledInUse(env);
  assert.ok(env.problems.some((p) => /zero: not a regular file/.test(p)), env.problems.join('\n'));
});

test('a guide over the size limit is not read; a folder named like a guide is named, not read', () => {
  const ws = workspace();
  try {
    const big = path.join(ws.guides, 'big.json');
    fs.writeFileSync(big, `[${'"x",'.repeat(400_000)}"x"]`); // 1.6 MB
    fs.mkdirSync(path.join(ws.guides, 'folder.json'));
    const env = loadEnvironment({ dataDir, workspaceFolders: [ws.root] });
    bundledInUse(env);
    assert.ok(env.problems.some((p) => p.includes(big) && /2 MB is over the 1 MB limit/.test(p)), env.problems.join('\n'));
    assert.ok(env.problems.some((p) => p.includes('folder.json') && /is a folder/.test(p)), env.problems.join('\n'));
    assert.equal(env.guideFiles.length, 0);
  } finally {
    fs.rmSync(ws.root, { recursive: true, force: true });
  }
});

test('a file over the limit it is read with is refused, one under it is read', () => {
  const ws = workspace();
  try {
    const file = path.join(ws.root, 'f.txt');
    fs.writeFileSync(file, 'x'.repeat(2048));
    assert.equal(readRegularFile(file, 4096).ok, true);
    const over = readRegularFile(file, 1024);
    assert.equal(over.ok, false);
    assert.match((over as { error: string }).error, /over the 1 KB limit/);
  } finally {
    fs.rmSync(ws.root, { recursive: true, force: true });
  }
});
