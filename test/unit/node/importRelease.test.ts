/**
 * "HCPCS: Import a newer CMS release": the file goes into the user's storage next to a copy of the bundled
 * ICD-10-CM table, and from then on the server loads that newer release; a broken import leaves the bundled one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importReleaseInto } from '../../../server/src/node/importRelease';
import { loadEnvironment } from '../../../server/src/node/environment';

const repo = path.resolve(__dirname, '..', '..', '..');
const bundled = path.join(repo, 'data');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-import-'));
}

test('an imported April release is used from then on; ICD-10-CM still comes along', async () => {
  const work = tempDir();
  const storage = path.join(work, 'storage');
  // A small file in the CMS layout, named as CMS names an April release.
  const release = path.join(work, 'HCPC2026_APR_ANWEB_test.txt');
  fs.copyFileSync(path.join(repo, 'test', 'fixtures', 'hcpcs-mini.txt'), release);
  try {
    const result = await importReleaseInto(release, storage, bundled);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /HCPCS 2026-04/);
    const env = loadEnvironment({ dataDir: bundled, userDataDir: storage });
    assert.deepEqual(env.problems, []);
    assert.equal(env.codeSet.hcpcsRelease, '2026-04');
    assert.equal(env.codeSet.procedure('A9600')?.longDescription, 'Strontium sr-89 chloride, therapeutic, per millicurie');
    assert.ok(env.codeSet.icd10('C7951'), 'the ICD-10-CM table came along');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('a file that is not a release fails with a message and the bundled release stays in use', async () => {
  const work = tempDir();
  const storage = path.join(work, 'storage');
  const bogus = path.join(work, 'notes.txt');
  fs.writeFileSync(bogus, 'not a CMS file\n');
  try {
    const result = await importReleaseInto(bogus, storage, bundled);
    assert.equal(result.ok, false);
    assert.match(result.message, /HCPCS import failed/);
    assert.equal(loadEnvironment({ dataDir: bundled, userDataDir: storage }).codeSet.hcpcsRelease, '2026-01');
    const missing = await importReleaseInto(path.join(work, 'nowhere.zip'), storage, bundled);
    assert.equal(missing.ok, false);
    assert.match(missing.message, /file not found/);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
