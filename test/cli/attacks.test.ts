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

const CLAIM = [
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250310*0915*^*00501*000000101*0*T*:~',
  'GS*HC*SENDER*RECEIVER*20250310*0915*101*X*005010X222A1~',
  'ST*837*0001*005010X222A1~',
  'BHT*0019*00*B1*20250310*0915*CH~',
  'NM1*41*2*CLINIC*****46*X1~',
  'NM1*40*2*PAYER*****46*P1~',
  'HL*1**20*1~',
  'NM1*85*2*CLINIC*****XX*1234567893~',
  'HL*2*1*22*0~',
  'SBR*P*18*******CI~',
  'NM1*IL*1*DOE*JANE****MI*M1~',
  'NM1*PR*2*PAYER*****PI*P1~',
  'CLM*C1*25***11:B:1*Y*A*Y*Y~',
  'HI*ABK:E119~',
  'LX*1~',
  'SV1*HC:A4299*25*UN*1***1~',
  'DTP*472*D8*20250305~',
  'SE*16*0001~',
  'GE*1*101~',
  'IEA*1*000000101~',
].join('\n');

test('issue 15 item 12: a file over --max-file-size is not fully checked and never exits 0; the exit-code table says 3', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-big-'));
  try {
    // an unknown code (an error) the syntax-only check does not see
    fs.writeFileSync(path.join(dir, 'big.837'), CLAIM + '\n'.repeat(300_000));
    const r = spawnSync(process.execPath, [bin, 'big.837', '--max-file-size', '0.2'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /big\.837: not fully checked: 0\.3 MB is over --max-file-size 0\.2 MB/);
    const full = spawnSync(process.execPath, [bin, 'big.837'], { cwd: dir, encoding: 'utf8' });
    assert.equal(full.status, 1, 'checked in full, the error is found');
    assert.match(fs.readFileSync(path.join(root, 'README.md'), 'utf8'), /\| 3 \| a file was not fully checked/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 15 item 12: a file too large for one string gets a plain message (exit 2), not ERR_STRING_TOO_LONG', { skip }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-huge-'));
  try {
    const huge = path.join(dir, 'huge.837');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 600 * 1024 * 1024); // sparse: no disk space, never read
    const r = spawnSync(process.execPath, [bin, 'huge.837'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /huge\.837: too large to check: over 511 MB of text/);
    assert.doesNotMatch(r.stderr, /ERR_STRING_TOO_LONG/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
