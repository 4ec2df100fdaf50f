/**
 * The built batch checker as a user runs it: `node bin/hcpcs-check.js ...` as a child process on fixture files.
 * Exit codes, the three output formats, stdin, options, and the SARIF output validated against the SARIF 2.1.0
 * schema. Needs `npm run build` (dist/server/cli.js).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import { generate837P } from '../../bench/generate';
import { realCodeSet } from '../robustness/helpers';
import { bundledGuides } from '../../server/src/guides/loader';
import { createChecker } from '../../server/src/cli/check';
import { MIN_LENGTH } from '../../server/src/node/conformanceThread';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'hcpcs-check.js');
const built = fs.existsSync(path.join(root, 'dist', 'server', 'cli.js'));
const skip = built ? false : 'run `npm run build` first (dist/server/cli.js is missing)';

function run(args: string[], options: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, input: options.input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = [
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250310*0915*^*00501*000000101*0*T*:~',
  'GS*HC*SENDER*RECEIVER*20250310*0915*101*X*005010X222A1~',
  'ST*837*0001*005010X222A1~',
  'BHT*0019*00*B1*20250310*0915*CH~',
  'NM1*41*2*CLINIC*****46*X1~PER*IC*BILLING OFFICE*TE*5555550100~',
  'NM1*40*2*PAYER*****46*P1~',
  'HL*1**20*1~',
  'NM1*85*2*CLINIC*****XX*1234567893~N3*1 MAIN ST~N4*ALBANY*NY*122070001~REF*EI*123456789~',
  'HL*2*1*22*0~',
  'SBR*P*18*******CI~',
  'NM1*IL*1*DOE*JANE****MI*M1~',
  'NM1*PR*2*PAYER*****PI*P1~',
  'CLM*C1*25***11:B:1*Y*A*Y*Y~',
  'HI*ABK:E119~',
  'LX*1~',
  'SV1*HC:A4253*25*UN*1***1~',
  'DTP*472*D8*20250305~',
  'SE*20*0001~',
  'GE*1*101~',
  'IEA*1*000000101~',
].join('\n');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-check-'));
}

test('"Disable this rule in this file": .hcpcs/rules-off.json for a claim file, a hcpcs-disable comment in a note', { skip }, () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'claims'));
  fs.writeFileSync(path.join(dir, 'claims', 'bad.837'), CLEAN.replace('A4253', 'A4299'));
  fs.writeFileSync(path.join(dir, 'claims', 'other.837'), CLEAN.replace('A4253', 'A4299'));
  fs.mkdirSync(path.join(dir, '.hcpcs'));
  fs.writeFileSync(path.join(dir, '.hcpcs', 'rules-off.json'), JSON.stringify({ 'claims/bad.837': ['hcpcs/unknown-code'] }));
  const r = run(['claims/bad.837', 'claims/other.837'], { cwd: dir });
  assert.doesNotMatch(r.stdout, /^claims\/bad\.837:.*unknown-code/m, 'off for that file');
  assert.match(r.stdout, /^claims\/other\.837:16:8 error hcpcs\/unknown-code /m, 'still on for the others');
  fs.mkdirSync(path.join(dir, 'notes'));
  fs.writeFileSync(path.join(dir, 'notes', 'n.md'), 'HCPCS A9605 billed today.\n');
  assert.match(run(['notes/n.md'], { cwd: dir }).stdout, /unknown-code/);
  fs.writeFileSync(path.join(dir, 'notes', 'n.md'), '<!-- hcpcs-disable hcpcs/unknown-code -->\nHCPCS A9605 billed today.\n');
  assert.doesNotMatch(run(['notes/n.md'], { cwd: dir }).stdout, /unknown-code/);
});

test('examples/: findings in text format, exit 1 (errors), summary on stderr', { skip }, () => {
  const r = run(['examples/', '--date', '2025-03-15']);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.length >= 5);
  for (const line of lines) assert.match(line, /^examples\/\S+:\d+:\d+ (error|warning|info|hint) [a-z0-9-]+\/[a-z0-9-]+ \S/);
  assert.ok(lines.some((l) => l.includes(' error hcpcs/terminated-code ')));
  assert.ok(lines.some((l) => l.startsWith('examples/notes/')), 'the note is checked as a note');
  assert.match(r.stderr, /\d+ problems \(\d+ errors, \d+ warnings/);
});

test('a clean claim file exits 0 with no output; --rule turns a finding off', { skip }, () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'clean.837'), CLEAN);
  const r = run(['clean.837', '--date', '2025-03-15'], { cwd: dir });
  assert.equal(r.stdout, '', r.stdout);
  assert.equal(r.code, 0, r.stderr);
  // an unknown code is an error ...
  fs.writeFileSync(path.join(dir, 'bad.837'), CLEAN.replace('A4253', 'A4299'));
  const bad = run(['bad.837'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^bad\.837:16:8 error hcpcs\/unknown-code /m);
  // ... unless switched off
  const off = run(['bad.837', '--rule', 'hcpcs/unknown-code=off'], { cwd: dir });
  assert.doesNotMatch(off.stdout, /unknown-code/);
  // at warning level it no longer fails the run, unless warnings exceed --max-warnings
  const warn = run(['bad.837', '--rule', 'hcpcs/unknown-code=warning', '-q'], { cwd: dir });
  assert.equal(warn.code, 0, warn.stdout);
  const limited = run(['bad.837', '--rule', 'hcpcs/unknown-code=warning', '--max-warnings', '0'], { cwd: dir });
  assert.equal(limited.code, 1);
});

test('stdin (-) and json format: LSP positions (0-based) and the documented fields', { skip }, () => {
  const r = run(['-', '--format', 'json'], { input: CLEAN.replace('A4253', 'A4299') });
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { file: string; range: { start: { line: number; character: number }; end: unknown }; severity: string; code: string; message: string }[];
  const f = out.find((x) => x.code === 'hcpcs/unknown-code');
  assert.ok(f);
  assert.equal(f.file, '-');
  assert.deepEqual(f.range.start, { line: 15, character: 7 });
  assert.equal(f.severity, 'error');
  assert.deepEqual(Object.keys(f).sort(), ['code', 'file', 'message', 'range', 'severity']);
});

test('bad usage and unreadable input exit 2', { skip }, () => {
  assert.equal(run([]).code, 2);
  assert.equal(run(['--format', 'xml', 'examples/']).code, 2);
  assert.equal(run(['--rule', 'no-such/rule=error', 'examples/']).code, 2);
  assert.equal(run(['--rule', 'hcpcs/unknown-code=loud', 'examples/']).code, 2);
  assert.equal(run(['--date', '15/03/2025', 'examples/']).code, 2);
  assert.equal(run(['--max-warnings', 'many', 'examples/']).code, 2);
  const missing = run(['does-not-exist.837']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /does-not-exist\.837: file not found/);
  assert.equal(run(['no-match-*.x12']).code, 2);
  assert.equal(run(['--help']).code, 0);
});

test('globs, folders and many files (worker threads) give the same findings as one by one', { skip }, () => {
  const dir = tempDir();
  const one = fs.readFileSync(path.join(root, 'examples', 'claims', '837p-oncology-clinic.837'), 'utf8');
  for (let i = 0; i < 24; i++) fs.writeFileSync(path.join(dir, `batch-${String(i).padStart(2, '0')}.837`), one);
  const pooled = run(['*.837', '--format', 'json', '--date', '2025-03-15'], { cwd: dir });
  const single = run(['batch-00.837', '--format', 'json', '--date', '2025-03-15'], { cwd: dir });
  assert.equal(pooled.code, 1, pooled.stderr);
  const all = JSON.parse(pooled.stdout) as { file: string }[];
  const per = JSON.parse(single.stdout) as unknown[];
  assert.equal(all.length, per.length * 24);
  assert.deepEqual(
    all.filter((x) => x.file === 'batch-00.837'),
    per,
  );
  const folder = run([dir, '--format', 'json', '-j', '1']);
  assert.equal((JSON.parse(folder.stdout) as unknown[]).length, all.length);
});

/** A copy of the bundled data/ (links, but for the files given) with those files' text replaced. */
function dataWith(replaced: Record<string, string>): string {
  const dir = tempDir();
  const data = path.join(root, 'data');
  const copy = (from: string, to: string) => {
    for (const name of fs.readdirSync(from)) {
      const rel = path.relative(data, path.join(from, name)).split(path.sep).join('/');
      const inside = Object.keys(replaced).some((r) => r.startsWith(`${rel}/`));
      if (rel in replaced) fs.writeFileSync(path.join(to, name), replaced[rel]);
      else if (inside) {
        fs.mkdirSync(path.join(to, name));
        copy(path.join(from, name), path.join(to, name));
      } else fs.symlinkSync(path.join(from, name), path.join(to, name));
    }
  };
  copy(data, dir);
  return dir;
}

function runWithData(args: string[], dataDir: string, cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, HCPCS_DATA_DIR: dataDir }, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('problems of the code set are printed once, whether the files are checked on worker threads or one by one', { skip }, () => {
  const claims = tempDir();
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(claims, `claim-${i}.837`), CLEAN);
  const problemLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('hcpcs-check: '));

  // a guide table is read when the first 837P is checked: its problem is told by a worker, not at start
  const damagedGuide = dataWith({ 'x12/005010X222A1.json': '{"version": 1, "guide": ' });
  const pooled = runWithData(['.', '-j', '2'], damagedGuide, claims);
  const single = runWithData(['.', '-j', '1'], damagedGuide, claims);
  const told = problemLines(pooled.stderr);
  assert.equal(told.length, 1, pooled.stderr);
  assert.match(told[0], /x12\/005010X222A1\.json/);
  assert.deepEqual(told, problemLines(single.stderr));
  assert.equal(pooled.code, single.code);
  assert.equal(pooled.stdout, single.stdout);

  // no code set at all: told, and exit 2, on worker threads as one by one
  const noCodeSet = dataWith({ 'hcpcs/2026-01.json': 'not json' });
  for (const jobs of ['2', '1']) {
    const r = runWithData(['.', '-j', jobs], noCodeSet, claims);
    assert.equal(r.code, 2, `-j ${jobs}: ${r.stderr}`);
    assert.match(r.stderr, /^hcpcs-check: no code set could be loaded/m, `-j ${jobs}`);
    assert.equal(problemLines(r.stderr).filter((l) => l.includes('no code set')).length, 1, `-j ${jobs}: ${r.stderr}`);
  }
});

test('--format sarif validates against the SARIF 2.1.0 schema', { skip }, () => {
  const r = run(['examples/', '--format', 'sarif', '--date', '2025-03-15']);
  assert.equal(r.code, 1, r.stderr);
  const log = JSON.parse(r.stdout);
  // The schema is JSON Schema draft-04 (id, not $id); ajv 8 reads it as draft-07 once `id` is renamed.
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // Formats (uri, date-time) are not checked: ajv-formats is not a dependency; the uri is checked below.
  // unicodeRegExp off: the schema's `language` pattern is only valid as a non-unicode regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  // A plain boolean check: ajv's type guard would narrow `log` to unknown for the assertions below.
  const validate = ajv.compile(schema) as ((data: unknown) => boolean) & { errors?: unknown[] | null };
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  // the schema does reject what is not SARIF 2.1.0
  assert.equal(validate({ ...log, version: '2.0.0' }), false);
  assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ level: 'loud', message: { text: 'x' } }] }] }), false);
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'hcpcs-check');
  const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'hcpcs/terminated-code');
  assert.ok(rule.shortDescription.text.length > 10);
  assert.equal(rule.defaultConfiguration.level, 'error');
  const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'hcpcs/terminated-code');
  assert.equal(result.level, 'error');
  const loc = result.locations[0].physicalLocation;
  assert.match(loc.artifactLocation.uri, /^examples\/claims\/.+\.837$/);
  assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
});

test('--format 999: the implementation acknowledgment a receiver would send (clean file accepted, guide fault rejected)', { skip }, () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'clean.837'), CLEAN);
  fs.writeFileSync(path.join(dir, 'bad.837'), CLEAN.replace('SBR*P*18*******CI~', 'SBR*P*18*******BM~'));
  const ok = run(['clean.837', '--format', '999', '--date', '2025-03-15'], { cwd: dir });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^ST\*999\*0001\*005010X231A1~$/m);
  assert.match(ok.stdout, /^AK2\*837\*0001\*005010X222A1~\nIK5\*A~\nAK9\*A\*1\*1\*1~$/m);
  const bad = run(['bad.837', '--format', '999', '--date', '2025-03-15'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^IK3\*SBR\*\d+\*2000\*8~\nIK4\*9\*1032\*7\*BM~\nIK5\*R\*I5~$/m);
});

test('a large file checked alone (its guide issues made on a second thread): the findings of a check on one thread', { skip }, () => {
  let n = 0;
  // guide faults in some claims: a month 13 service date
  const text = generate837P(realCodeSet(), { targetBytes: MIN_LENGTH + 100_000, seed: 12, profile: 'manyFindings', guides: bundledGuides() }).replace(/DTP\*472\*D8\*(\d{4})\d\d/g, (m, year: string) => (n++ % 30 === 0 ? `DTP*472*D8*${year}13` : m));
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'big.837'), text);
  const r = run(['big.837', '--format', 'json', '--quiet'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  // the JSON output: one object per finding, with the file's name
  const cli = (JSON.parse(r.stdout) as { file: string }[]).map(({ file, ...finding }) => finding);
  const oneThread = createChecker({ dataDir: path.join(root, 'data'), settings: {}, cwd: dir }).checkFile('big.837');
  assert.ok(oneThread.findings.some((f) => f.code === 'x12/data-type'), 'the month 13 dates are found');
  assert.deepEqual(cli, JSON.parse(JSON.stringify(oneThread.findings)));
});
