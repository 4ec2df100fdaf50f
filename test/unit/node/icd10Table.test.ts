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

test('the committed FY2026 table: its descriptions deferred, the same columns as reading it whole', () => {
  const file = path.join(data, 'icd10cm', 'FY2026.json');
  const errors: string[] = [];
  const table = readIcd10Table(file, LABEL, errors)!;
  assert.deepEqual(errors, []);
  assert.equal(typeof icd10Columns(table).descriptions, 'function', 'descriptions deferred');
  const whole = icd10Columns(icd10TableSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))));
  const deferred = icd10Columns(table);
  assert.deepEqual(deferred.codes, whole.codes);
  assert.deepEqual((deferred.descriptions as () => readonly string[])(), whole.descriptions);
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
  assert.deepEqual(codes, t.codes);
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
  assert.deepEqual(icd10Columns(rows.table!).codes, codes);

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
