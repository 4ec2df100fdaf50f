import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildIcd10Table, looksLikeIcd10Codes, parseIcd10Text, releaseFromIcd10FileName } from '../../../server/src/codeset/importIcd10';
import { icd10TableSchema } from '../../../server/src/codeset/schema';
import { stringifyTable } from '../../../server/src/codeset/stringify';
import { createHash } from 'node:crypto';
import { dataDir, exists, hcpcsTxt, icd10Fy2025Txt, icd10Txt, repoRoot } from './paths';

const sample = [
  'A000    Cholera due to Vibrio cholerae 01, biovar cholerae',
  'C7951   Secondary malignant neoplasm of bone',
  'C61     Malignant neoplasm of prostate',
  'C7A010  Malignant carcinoid tumor of the duodenum',
  '',
].join('\r\n');

test('ICD-10-CM codes file: code in cols 1-7, description from col 9', () => {
  const r = parseIcd10Text(sample);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.records, [
    { code: 'A000', description: 'Cholera due to Vibrio cholerae 01, biovar cholerae' },
    { code: 'C7951', description: 'Secondary malignant neoplasm of bone' },
    { code: 'C61', description: 'Malignant neoplasm of prostate' },
    { code: 'C7A010', description: 'Malignant carcinoid tumor of the duodenum' },
  ]);
  const { table } = buildIcd10Table({ release: 'FY2026', sourceFile: 'icd10cm-codes-2026.txt', text: sample });
  icd10TableSchema.parse(table);
  assert.equal(table.version, 3, 'written in columns, with the digest of the codes');
  const written = stringifyTable(table);
  const body = written.slice(written.indexOf('"codes": [') + '"codes": ['.length, written.indexOf(']', written.indexOf('"codes": [')));
  assert.equal(table.codesSha256, createHash('sha256').update(body).digest('hex'), "the SHA-256 of the codes' bytes as written");
  assert.deepEqual(table.codes, ['A000', 'C61', 'C7951', 'C7A010']);
  assert.deepEqual(table.descriptions, [
    'Cholera due to Vibrio cholerae 01, biovar cholerae',
    'Malignant neoplasm of prostate',
    'Secondary malignant neoplasm of bone',
    'Malignant carcinoid tumor of the duodenum',
  ]);
});

test('release from the file name, detection by content', (t) => {
  assert.equal(releaseFromIcd10FileName('icd10cm-codes-2026.txt'), 'FY2026');
  assert.equal(releaseFromIcd10FileName('/x/icd10cm_codes_2027.txt'), 'FY2027');
  assert.equal(looksLikeIcd10Codes(sample), true);
  assert.equal(looksLikeIcd10Codes(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'hcpcs-mini.txt'), 'latin1')), false);
  if (!exists(hcpcsTxt)) return t.skip('../shared/data not present');
  assert.equal(looksLikeIcd10Codes(fs.readFileSync(hcpcsTxt, 'latin1').slice(0, 65536)), false);
});

test('re-importing the official ICD-10-CM file gives the committed table byte for byte', (t) => {
  if (!exists(icd10Txt)) return t.skip('../shared/data (ICD-10-CM FY2026) not present');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'icd10-import-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'import.ts'), icd10Txt, '--out', out], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const fresh = fs.readFileSync(path.join(out, 'icd10cm', 'FY2026.json'), 'utf8');
    assert.ok(fresh === fs.readFileSync(path.join(dataDir, 'icd10cm', 'FY2026.json'), 'utf8'), 'differs from data/icd10cm/FY2026.json');
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).icd10cm.current, 'FY2026');
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('re-importing FY2025 gives the committed table beside FY2026, with the dates each covers', (t) => {
  if (!exists(icd10Fy2025Txt)) return t.skip('../shared/data (ICD-10-CM FY2025) not present');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'icd10-import-'));
  try {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'import.ts'), icd10Fy2025Txt, '--out', out], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const fresh = fs.readFileSync(path.join(out, 'icd10cm', 'FY2025.json'), 'utf8');
    assert.ok(fresh === fs.readFileSync(path.join(dataDir, 'icd10cm', 'FY2025.json'), 'utf8'), 'differs from data/icd10cm/FY2025.json');
    assert.deepEqual(JSON.parse(fresh).effective, { from: '2024-10-01', to: '2025-09-30' });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the FY label gives the dates of service: FY2026 is 2025-10-01 to 2026-09-30', () => {
  const { table } = buildIcd10Table({ release: 'FY2026', sourceFile: 'icd10cm-codes-2026.txt', text: sample });
  assert.deepEqual(table.effective, { from: '2025-10-01', to: '2026-09-30' });
});
