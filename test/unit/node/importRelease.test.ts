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
import { removeImportedRelease } from '../../../server/src/node/importRelease';
import { plausibleReleaseText } from '../../fixtures/plausibleRelease';
import { zipSync } from 'fflate';

const repo = path.resolve(__dirname, '..', '..', '..');
const bundled = path.join(repo, 'data');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-import-'));
}

test('an imported April release is used from then on; ICD-10-CM still comes along', async () => {
  const work = tempDir();
  const storage = path.join(work, 'storage');
  // A file in the CMS layout with as many records as a real release, named as CMS names an April release.
  const release = path.join(work, 'HCPC2026_APR_ANWEB_test.txt');
  fs.writeFileSync(release, plausibleReleaseText(), 'latin1');
  try {
    const result = await importReleaseInto(release, storage, bundled);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /HCPCS 2026-04/);
    const env = loadEnvironment({ dataDir: bundled, userDataDir: storage });
    assert.deepEqual(env.problems, []);
    assert.equal(env.codeSet.hcpcsRelease, '2026-04');
    assert.equal(env.hcpcsSource, 'imported');
    assert.equal(env.codeSet.procedure('A9600')?.longDescription, 'Strontium sr-89 chloride, therapeutic, per millicurie');
    assert.ok(env.codeSet.icd10('C7951'), 'the ICD-10-CM table came along');
    assert.deepEqual(fs.readdirSync(work).sort(), ['HCPC2026_APR_ANWEB_test.txt', 'storage'], 'no staging folder left');
    // "HCPCS: Use the bundled code set"
    assert.equal(removeImportedRelease(storage).ok, true);
    const back = loadEnvironment({ dataDir: bundled, userDataDir: storage });
    assert.equal(back.codeSet.hcpcsRelease, '2026-01');
    assert.equal(back.hcpcsSource, 'bundled');
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

test('issue 15 item 11: junk "releases" are refused and the release in use stays (also after a restart)', async () => {
  const work = tempDir();
  const storage = path.join(work, 'storage');
  try {
    // a 2-line text named like a release
    const twoLines = path.join(work, 'HCPC2026_APR_ANWEB_junk.txt');
    fs.writeFileSync(twoLines, fs.readFileSync(path.join(repo, 'test', 'fixtures', 'hcpcs-mini.txt'), 'latin1').split('\n').slice(2, 4).join('\n'), 'latin1');
    const r1 = await importReleaseInto(twoLines, storage, bundled);
    assert.equal(r1.ok, false);
    assert.match(r1.message, /not a complete CMS release: it has 2 codes and 0 modifiers, far fewer than a CMS release/);
    assert.match(r1.message, /unchanged/);
    assert.equal(fs.existsSync(storage), false, 'nothing written into the storage');
    // a zip whose member lies about its size (declares 100 bytes: inflates no further, so it is junk too)
    const text = Buffer.from(plausibleReleaseText(), 'latin1');
    const zip = zipSync({ 'HCPC2026_APR_ANWEB_lie.txt': new Uint8Array(text) });
    const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    dv.setUint32(22, 100, true);
    for (let i = zip.length - 22; i > 0; i--) if (dv.getUint32(i, true) === 0x02014b50) { dv.setUint32(i + 24, 100, true); break; }
    const liar = path.join(work, 'HCPC2026_APR_ANWEB_lie.zip');
    fs.writeFileSync(liar, zip);
    const r2 = await importReleaseInto(liar, storage, bundled);
    assert.equal(r2.ok, false, r2.message);
    // a zip that declares more than the bound is refused before inflating
    dv.setUint32(22, 0xfffffff0, true);
    for (let i = zip.length - 22; i > 0; i--) if (dv.getUint32(i, true) === 0x02014b50) { dv.setUint32(i + 24, 0xfffffff0, true); break; }
    fs.writeFileSync(liar, zip);
    const r3 = await importReleaseInto(liar, storage, bundled);
    assert.equal(r3.ok, false);
    assert.match(r3.message, /would inflate to over 256 MB/);
    assert.equal(loadEnvironment({ dataDir: bundled, userDataDir: storage }).codeSet.hcpcsRelease, '2026-01');
    assert.deepEqual(fs.readdirSync(work).sort(), ['HCPC2026_APR_ANWEB_junk.txt', 'HCPC2026_APR_ANWEB_lie.zip'], 'no staging folder left');
    // a junk table already in the storage (imported before this check existed) is not used at load
    fs.mkdirSync(path.join(storage, 'hcpcs'), { recursive: true });
    fs.mkdirSync(path.join(storage, 'icd10cm'), { recursive: true });
    const table = JSON.parse(fs.readFileSync(path.join(bundled, 'hcpcs', '2026-01.json'), 'utf8'));
    fs.writeFileSync(path.join(storage, 'hcpcs', '2026-04.json'), JSON.stringify({ ...table, release: '2026-04', procedures: [], modifiers: [] }));
    fs.copyFileSync(path.join(bundled, 'icd10cm', 'FY2026.json'), path.join(storage, 'icd10cm', 'FY2026.json'));
    fs.writeFileSync(
      path.join(storage, 'manifest.json'),
      JSON.stringify({ format: 'codeset-manifest', version: 1, hcpcs: { current: '2026-04', releases: ['2026-04'] }, icd10cm: { current: 'FY2026', releases: ['FY2026'] } }),
    );
    const env = loadEnvironment({ dataDir: bundled, userDataDir: storage });
    assert.equal(env.codeSet.hcpcsRelease, '2026-01');
    assert.ok(env.problems.some((p) => /imported release 2026-04 in user storage is not used: it has 0 codes/.test(p)), env.problems.join('\n'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
