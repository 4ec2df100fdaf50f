/**
 * The ASP quarter of version 2 read with its crosswalk packed (node/aspTable.ts, codeset/packedRows.ts): the same
 * answers as reading it whole; an edited row, a version 1 table or another layout read whole; a fault told with
 * the file and the field, when the quarter is first needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readAspTable } from '../../../server/src/node/aspTable';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { aspTableSchema, type AspTable } from '../../../server/src/codeset/schema';
import { createAspData } from '../../../server/src/codeset/codeset';
import { PackedRows } from '../../../server/src/codeset/packedRows';
import { listBody } from '../../../server/src/codeset/stringify';
import type { AspData } from '../../../server/src/codeset/types';

const data = path.resolve(__dirname, '..', '..', '..', 'data');
const LABEL = 'asp/2026-01.json';
const committed = fs.readFileSync(path.join(data, 'asp', '2026-01.json'), 'utf8');
const whole = aspTableSchema.parse(JSON.parse(committed));

function readText(text: string): { table: AspTable | undefined; errors: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asp-read-'));
  const file = path.join(dir, '2026-01.json');
  fs.writeFileSync(file, text);
  const errors: string[] = [];
  const table = readAspTable(file, LABEL, errors);
  fs.rmSync(dir, { recursive: true, force: true });
  return { table, errors };
}

/** Every answer of the quarter, NDCs and codes asked in the order given. */
function answers(asp: AspData, order: 'codes first' | 'ndcs first') {
  const ndcs = [...new Set(whole.crosswalk.map((r) => r[0]))];
  const codes = [...new Set(whole.crosswalk.map((r) => r[1]))];
  const byCode = () => codes.map((c) => asp.ndcsOf(c));
  const byNdc = () => ndcs.map((n) => asp.ndc(n));
  const [first, second] = order === 'codes first' ? [byCode(), byNdc()] : [byNdc(), byCode()];
  return { first, second, limits: whole.limits.map((r) => asp.paymentLimit(r[0])), none: [asp.ndc('99999-9999-99'), asp.ndcsOf('ZZZZZ'), asp.ndcsOf('j9035'), asp.ndcsOf('"'), asp.paymentLimit('ZZZZZ')] };
}

test('the committed quarter: version 2, its crosswalk packed and matching its digest; every answer as from a whole read', () => {
  const { table, errors } = readText(committed);
  assert.deepEqual(errors, []);
  assert.ok(table && table.crosswalk instanceof PackedRows, 'packed');
  assert.equal(table.version, 2);
  assert.deepEqual(table.limits, whole.limits, 'the limits read and checked as they are');
  for (const order of ['codes first', 'ndcs first'] as const) {
    assert.deepEqual(answers(createAspData(readText(committed).table!), order), answers(createAspData(whole), order));
  }
  const asp = createAspData(table);
  assert.equal(asp.ndc('50242-0060-01'), asp.ndc('50242006001'), 'the same list each time');
  assert.equal(asp.ndcsOf('J9035').length, whole.crosswalk.filter((r) => r[1] === 'J9035').length);
});

test('a code or NDC is searched for once, not at every line that bills it; the codes from one index of the rows (packed crosswalk)', () => {
  const { table } = readText(committed);
  assert.ok(table && table.crosswalk instanceof PackedRows);
  const asp = createAspData(table);
  const packed = table.crosswalk;
  let searches = 0;
  let codesRead = 0;
  const range = packed.range.bind(packed);
  const secondField = packed.secondField.bind(packed);
  packed.range = (key: string) => (searches++, range(key));
  packed.secondField = (row: number) => (codesRead++, secondField(row));
  const codes = [...new Set(whole.crosswalk.map((r) => r[1]))];
  for (let line = 0; line < 100; line++) {
    assert.deepEqual(asp.ndcsOf('A9600'), [], 'a code with no NDC in the crosswalk');
    assert.deepEqual(asp.ndc('99999-9999-99'), []);
    assert.ok(asp.ndcsOf('J9035').length > 0);
    // every other code: its rows from the one index
    if (line === 0) for (const c of codes) assert.equal(asp.ndcsOf(c).length, whole.crosswalk.filter((r) => r[1] === c).length, c);
  }
  assert.equal(searches, 1, 'one binary search for the NDC');
  assert.equal(codesRead, packed.length, "each row's code read once, for the index");
});

test('packed rows: the second field of each row; rows by their first field', () => {
  const rows = [
    ['00001-0001-01', 'J1111', 'Maker', 'J2222', '1 MG', '1', '1', '1', '1'],
    ['00001-0001-02', 'J2222', 'Maker', 'J1111', '1 MG', '1', '1', '1', '1'],
    ['00001-0001-02', 'J3333', 'Maker "Q"', 'x', '1 MG', '1', '1', '1', '1'],
  ];
  const packed = new PackedRows(new TextEncoder().encode(listBody(rows)));
  assert.deepEqual([0, 1, 2].map((r) => packed.secondField(r)), ['J1111', 'J2222', 'J3333']);
  assert.deepEqual(packed.firstField(2), '00001-0001-02');
  assert.deepEqual(packed.range('00001-0001-02'), [1, 3]);
  assert.deepEqual(packed.range('00001-0001-03'), [3, 3]);
  assert.deepEqual(packed.range('00000'), [0, 0]);
  assert.deepEqual(packed.row(2), rows[2]);
});

test('an edited row (its digest no longer matches) is read whole: the edit is seen', () => {
  const first = whole.crosswalk[0];
  const edited = committed.replace(JSON.stringify(first), JSON.stringify([...first.slice(0, 3), 'Edited drug', ...first.slice(4)]));
  assert.notEqual(edited, committed);
  const { table, errors } = readText(edited);
  assert.deepEqual(errors, []);
  assert.ok(table && Array.isArray(table.crosswalk), 'read whole');
  assert.equal(createAspData(table).ndc(first[0])[0].drugName, 'Edited drug');
});

test('a damaged row or digest is told with the file and the field, when the quarter is first needed', () => {
  const first = whole.crosswalk[0];
  const badNdc = committed.replace(JSON.stringify(first), JSON.stringify(['123', ...first.slice(1)]));
  assert.match(readText(badNdc).errors.join('\n'), /asp\/2026-01\.json: crosswalk\.0\.0: ndc must be an 11-digit NDC/);
  const badDigest = committed.replace(/"crosswalkSha256": "[0-9a-f]{64}"/, '"crosswalkSha256": "nope"');
  assert.match(readText(badDigest).errors.join('\n'), /asp\/2026-01\.json: crosswalkSha256: a SHA-256 in 64 lower-case hex digits/);
  // through the code set: told to onProblem when a claim first needs the quarter
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asp-data-'));
  try {
    fs.cpSync(data, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'asp', '2026-01.json'), badNdc);
    const told: string[] = [];
    const { codeSet, errors } = loadCodeSet(dir, { onProblem: (m) => told.push(m) });
    assert.deepEqual(errors, []);
    assert.equal(codeSet?.asp(), undefined);
    assert.match(told.join('\n'), /asp\/2026-01\.json: crosswalk\.0\.0: ndc must be/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a version 1 quarter (what earlier imports wrote) and one in another layout are read whole, with the same answers', () => {
  const v1 = committed.replace('"version": 2,', '"version": 1,').replace(/\n  "crosswalkSha256": "[0-9a-f]{64}",/, '');
  assert.ok(!v1.includes('crosswalkSha256'));
  const compact = JSON.stringify(JSON.parse(committed));
  for (const text of [v1, compact]) {
    const { table, errors } = readText(text);
    assert.deepEqual(errors, []);
    assert.ok(table && Array.isArray(table.crosswalk));
    assert.deepEqual(answers(createAspData(table), 'ndcs first'), answers(createAspData(whole), 'ndcs first'));
  }
});
