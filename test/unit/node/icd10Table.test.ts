/**
 * An ICD-10-CM table read with its descriptions deferred (node/icd10Table.ts): the same columns as a whole read;
 * a damaged descriptions column is told when a description is first wanted, naming the file and field, and the
 * codes stay known; a table in another shape is read whole, with the messages it always had.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readIcd10Table } from '../../../server/src/node/icd10Table';
import { icd10Columns, icd10TableSchema, type Icd10DeferredTable } from '../../../server/src/codeset/schema';
import { Icd10Lookup } from '../../../server/src/codeset/icd10Lookup';
import { PackedCodes } from '../../../server/src/codeset/packedCodes';
import { stringifyTable } from '../../../server/src/codeset/stringify';
import { buildIcd10Table } from '../../../server/src/codeset/importIcd10';
import { fixtureCodeSet } from '../../fixtures/codeset';

const data = path.resolve(__dirname, '..', '..', '..', 'data');
const LABEL = 'icd10cm/FY2026.json';

/** A small version 2 table as the importer writes it (header, codes, descriptions last). */
const small = () => ({
  format: 'icd10cm-table',
  version: 2,
  release: 'FY2026',
  source: 'icd10cm-codes-2026.txt',
  effective: { from: '2025-10-01', to: '2026-09-30' },
  codes: ['C61', 'C7951', 'E119', 'I10', 'Z5111'],
  descriptions: ['Malignant neoplasm of prostate', 'Secondary malignant neoplasm of bone', 'Type 2 diabetes mellitus without complications', 'Essential (primary) hypertension', 'Encounter for antineoplastic chemotherapy'],
});

/** A table's codes as a plain list, packed or not. */
const codesOf = (codes: readonly string[] | PackedCodes) => (codes instanceof PackedCodes ? codes.toArray() : codes);

function readFrom(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icd10-'));
  const file = path.join(dir, 'FY2026.json');
  fs.writeFileSync(file, text);
  const errors: string[] = [];
  const told: string[] = [];
  const table = readIcd10Table(file, LABEL, errors, (m) => told.push(m));
  fs.rmSync(dir, { recursive: true, force: true });
  return { table, errors, told };
}

for (const year of ['FY2025', 'FY2026']) {
  test(`the committed ${year} table: its codes packed, its descriptions deferred, the same columns and look-ups as reading it whole`, () => {
    const file = path.join(data, 'icd10cm', `${year}.json`);
    const errors: string[] = [];
    const table = readIcd10Table(file, LABEL, errors)!;
    assert.deepEqual(errors, []);
    const deferred = icd10Columns(table);
    assert.equal(typeof deferred.descriptions, 'function', 'descriptions deferred');
    assert.ok(deferred.codes instanceof PackedCodes, 'codes packed');
    assert.equal(table.version, 3);
    assert.equal((deferred.codes as unknown as { offsets: unknown }).offsets, undefined, 'its digest matched: not scanned');
    const whole = icd10TableSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    const { codes, descriptions, ...header } = whole as typeof whole & { descriptions: string[] };
    const { codes: _c, descriptions: _d, ...readHeader } = table as typeof table & { descriptions: unknown };
    assert.deepEqual(readHeader, header);
    const wholeColumns = icd10Columns(whole);
    assert.deepEqual((deferred.codes as PackedCodes).toArray(), wholeColumns.codes);
    assert.deepEqual((deferred.descriptions as () => readonly string[])(), descriptions);
    const packed = new Icd10Lookup(deferred.codes, deferred.descriptions);
    const plain = new Icd10Lookup(wholeColumns.codes, wholeColumns.descriptions);
    assert.equal(packed.size, plain.size);
    for (const c of ['A000', 'C7951', 'E11A', 'G35', 'G35A', 'Z5111', 'Z999', 'C795', 'A00', 'ZZZZ', '']) {
      assert.deepEqual(packed.get(c) && { ...packed.get(c)! }, plain.get(c) && { ...plain.get(c)! }, c);
    }
    for (let i = 0; i < plain.size; i += 997) assert.equal(packed.codeAt(i), plain.codeAt(i));
  });
}

test('a table written as the importer writes it is read packed; a table in another layout of version 2 is still read, its codes parsed', () => {
  const written = readFrom(stringifyTable(small()));
  assert.deepEqual(written.errors, []);
  assert.ok(icd10Columns(written.table!).codes instanceof PackedCodes);
  assert.deepEqual((icd10Columns(written.table!).codes as PackedCodes).toArray(), small().codes);
  assert.equal(written.table!.release, 'FY2026');
  assert.deepEqual(written.table!.effective, small().effective);
  // codes out of order, or a key between the codes and the descriptions: parsed as before, the same columns
  const unsorted = small();
  unsorted.codes.reverse();
  unsorted.descriptions.reverse();
  const { descriptions, ...rest } = unsorted;
  for (const t of [unsorted, { ...rest, note: 'x', descriptions }]) {
    const r = readFrom(stringifyTable(t));
    assert.deepEqual(r.errors, []);
    assert.ok(Array.isArray(icd10Columns(r.table!).codes), 'not packed');
    assert.deepEqual(icd10Columns(r.table!).codes, t.codes);
    assert.deepEqual(new Icd10Lookup(icd10Columns(r.table!).codes, icd10Columns(r.table!).descriptions).get('C7951')!.description, 'Secondary malignant neoplasm of bone');
  }
});

test('a damaged codes column or header in the importer layout is told at once, naming the file and field', () => {
  const badCode = small();
  badCode.codes[2] = 'e119';
  const bad = readFrom(stringifyTable(badCode));
  assert.equal(bad.table, undefined);
  assert.deepEqual(bad.errors, ['icd10cm/FY2026.json: codes.2: an ICD-10-CM code without the dot, like C7951']);
  const badRelease = readFrom(stringifyTable({ ...small(), release: '2026' }));
  assert.equal(badRelease.table, undefined);
  assert.deepEqual(badRelease.errors, ['icd10cm/FY2026.json: release: release must look like FY2026']);
  const text = stringifyTable(small());
  const cutCodes = readFrom(text.slice(0, text.indexOf('"C7951"')));
  assert.equal(cutCodes.table, undefined);
  assert.match(cutCodes.errors[0], /^icd10cm\/FY2026\.json: /);
});

test('a record is made without its description; the description is read when it is first wanted', () => {
  let reads = 0;
  const t = small();
  const lookup = new Icd10Lookup(t.codes, () => (reads++, t.descriptions));
  const r = lookup.get('C7951')!;
  assert.equal(r.code, 'C7951');
  assert.equal(reads, 0, 'no description read for a look-up');
  assert.equal(r.description, 'Secondary malignant neoplasm of bone');
  assert.equal(lookup.get('I10')!.description, 'Essential (primary) hypertension');
  assert.equal(reads, 1, 'read once');
});

test('a damaged description is told on first use, with file and field; the codes stay known', () => {
  const t = small();
  t.descriptions[3] = '';
  const { table, errors, told } = readFrom(JSON.stringify(t, null, 1));
  assert.deepEqual(errors, [], 'nothing wrong in what a start reads');
  assert.deepEqual(told, []);
  const { codes, descriptions } = icd10Columns(table!);
  assert.deepEqual(codesOf(codes), t.codes);
  assert.deepEqual((descriptions as () => readonly string[])(), ['', '', '', '', '']);
  assert.deepEqual(told, ['icd10cm/FY2026.json: descriptions.3: description must be a non-empty string; its codes are known, without descriptions']);
  (descriptions as () => readonly string[])();
  assert.equal(told.length, 1, 'told once');
});

test('one description too few, or a column cut short, is told the same way', () => {
  const t = small();
  t.descriptions.pop();
  const few = readFrom(JSON.stringify(t));
  (icd10Columns(few.table!).descriptions as () => readonly string[])();
  assert.deepEqual(few.told, ['icd10cm/FY2026.json: descriptions: expected one description per code (5), found 4; its codes are known, without descriptions']);

  const text = JSON.stringify(small());
  const cut = readFrom(text.slice(0, text.length - 20));
  assert.deepEqual(cut.errors, []);
  (icd10Columns(cut.table!).descriptions as () => readonly string[])();
  assert.match(cut.told[0], /^icd10cm\/FY2026\.json: descriptions: .*; its codes are known, without descriptions$/);
});

test('a table in another shape is read whole: descriptions before the codes, version 1 rows; their faults at once', () => {
  const { codes, descriptions, ...header } = small();
  const reordered = readFrom(JSON.stringify({ ...header, descriptions, codes }));
  assert.deepEqual(reordered.errors, []);
  assert.deepEqual(icd10Columns(reordered.table!).descriptions, descriptions, 'read whole: a plain column');

  const rows = readFrom(JSON.stringify({ ...header, version: 1, columns: ['code', 'description'], codes: codes.map((c, i) => [c, descriptions[i]]) }));
  assert.deepEqual(codesOf(icd10Columns(rows.table!).codes), codes);

  const badCode = small();
  badCode.codes[1] = 'c79.51';
  const bad = readFrom(JSON.stringify(badCode));
  assert.equal(bad.table, undefined);
  assert.match(bad.errors.join('\n'), /^icd10cm\/FY2026\.json: codes\.1: an ICD-10-CM code without the dot/m);
});

test("another year's deferred descriptions: not read by a claim's look-up, read by the code set's idle warm-up", () => {
  let reads = 0;
  const t = small();
  const fy2025: Icd10DeferredTable = { ...t, format: 'icd10cm-table', version: 2, release: 'FY2025', effective: { from: '2024-10-01', to: '2025-09-30' }, descriptions: () => (reads++, t.descriptions) };
  const codeSet = fixtureCodeSet({ otherIcd10: [{ release: 'FY2025', load: () => fy2025 }] });
  assert.equal(codeSet.icd10In('FY2025', 'C7951')?.code, 'C7951');
  assert.equal(reads, 0);
  codeSet.warmUp?.();
  assert.equal(reads, 1, 'read while idle');
  assert.equal(codeSet.icd10In('FY2025', 'C7951')?.description, 'Secondary malignant neoplasm of bone');
  assert.equal(reads, 1);
});

/** A small version 3 table as the importer writes it (with the digest of its codes' bytes). */
const importedText = () =>
  stringifyTable(
    buildIcd10Table({
      release: 'FY2026',
      sourceFile: 'icd10cm-codes-2026.txt',
      text: small()
        .codes.map((c, i) => `${c.padEnd(7)} ${small().descriptions[i]}`)
        .join('\n'),
    }).table,
  );
const scanned = (codes: unknown) => (codes as { offsets: unknown }).offsets !== undefined;

test("version 3: the codes' bytes with the digest the importer wrote are not scanned; other bytes are, and a fault is told with file and field", () => {
  const text = importedText();
  const good = readFrom(text);
  assert.deepEqual(good.errors, []);
  const codes = icd10Columns(good.table!).codes as PackedCodes;
  assert.equal(scanned(codes), false);
  assert.equal(new Icd10Lookup(codes, icd10Columns(good.table!).descriptions).get('E119')!.description, 'Type 2 diabetes mellitus without complications');
  assert.deepEqual(codes.toArray(), small().codes);

  // a code changed by hand (still of the form, still in order): the digest differs, the column is scanned
  const edited = readFrom(text.replace('"E119"', '"E118"'));
  assert.deepEqual(edited.errors, []);
  const editedCodes = icd10Columns(edited.table!).codes as PackedCodes;
  assert.equal(scanned(editedCodes), true);
  assert.equal(new Icd10Lookup(editedCodes, icd10Columns(edited.table!).descriptions).get('E118')?.code, 'E118');

  // out of order: read whole (the codes sorted there), nothing refused
  const swapped = readFrom(text.replace('"C61",\n"C7951"', '"C7951",\n"C61"'));
  assert.deepEqual(swapped.errors, []);
  assert.ok(Array.isArray(icd10Columns(swapped.table!).codes));

  // a damaged code or digest field: told at once, naming the file and field
  const bad = readFrom(text.replace('"E119"', '"e119"'));
  assert.equal(bad.table, undefined);
  assert.deepEqual(bad.errors, ['icd10cm/FY2026.json: codes.2: an ICD-10-CM code without the dot, like C7951']);
  const badDigest = readFrom(text.replace(/"codesSha256": "[0-9a-f]+"/, '"codesSha256": "xyz"'));
  assert.equal(badDigest.table, undefined);
  assert.deepEqual(badDigest.errors, ['icd10cm/FY2026.json: codesSha256: a SHA-256 in 64 lower-case hex digits']);
});
