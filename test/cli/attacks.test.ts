/**
 * Issue 15, items 2 and 3 through the built CLI: `hcpcs-check` run in a folder whose workspace guide has a
 * catastrophic pattern, or whose guides folder holds a named pipe, hung forever. It now checks the note and
 * names the file it would not read. Needs `npm run build`.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'hcpcs-check.js');
const skip = fs.existsSync(path.join(root, 'dist', 'server', 'cli.js')) ? false : 'run `npm run build` first';

const GUIDE = {
  code: 'A9600',
  documentation: [{ id: 'team-check', label: 'a team check', missing: 'no team check', why: 'the team asks', add: 'add it', patterns: ['(a+)+$'] }],
};

test('hcpcs-check in a folder with a (a+)+$ guide pattern and a named pipe for a guide finishes', { skip, timeout: 60_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-attack-'));
  try {
    fs.mkdirSync(path.join(dir, '.hcpcs', 'guides'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'notes'));
    fs.writeFileSync(path.join(dir, '.hcpcs', 'guides', 'team.json'), JSON.stringify(GUIDE));
    let pipe = false;
    try {
      execFileSync('mkfifo', [path.join(dir, '.hcpcs', 'guides', 'pipe.json')]);
      pipe = true;
    } catch {
      // no mkfifo (Windows): the pattern half still runs
    }
    fs.writeFileSync(path.join(dir, 'notes', 'visit.note.md'), `Administered A9600 ${'a'.repeat(40)}!\n`);
    const r = spawnSync(process.execPath, [bin, 'notes/visit.note.md'], { cwd: dir, encoding: 'utf8', timeout: 50_000 });
    assert.equal(r.error, undefined, 'the CLI finished');
    assert.match(r.stdout, /no team check/, 'the workspace requirement was checked');
    if (pipe) assert.match(r.stderr, /pipe\.json: not a regular file/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
