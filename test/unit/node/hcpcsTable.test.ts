/**
 * A HCPCS table of version 2 read with its rows packed (node/hcpcsTable.ts, codeset/packedHcpcsRows.ts): the same
 * code set as reading it whole; rows that do not match their digest (an edited file), another layout or a version 1
 * table are read whole, and a fault is told with the file and the field, as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHcpcsTable } from '../../../server/src/node/hcpcsTable';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { hcpcsTableSchema } from '../../../server/src/codeset/schema';
import { createCodeSet } from '../../../server/src/codeset/codeset';
import { PackedHcpcsRows } from '../../../server/src/codeset/packedHcpcsRows';
import { hcpcsRowsSha256, listBody, stringifyTable } from '../../../server/src/codeset/stringify';
import type { CodeSet } from '../../../server/src/codeset/types';

const data = path.resolve(__dirname, '..', '..', '..', 'data');
const LABEL = 'hcpcs/2026-01.json';
const committed = fs.readFileSync(path.join(data, 'hcpcs', '2026-01.json'), 'utf8');

/** A copy of data/ with the HCPCS table's text replaced; the code set loaded from it. */
function loadWith(text: string): { codeSet: CodeSet | undefined; errors: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-table-'));
  try {
    fs.cpSync(data, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'hcpcs', '2026-01.json'), text);
    return loadCodeSet(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readText(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-read-'));
  const file = path.join(dir, '2026-01.json');
  fs.writeFileSync(file, text);
  const errors: string[] = [];
  const read = readHcpcsTable(file, LABEL, errors);
  fs.rmSync(dir, { recursive: true, force: true });
  return { read, errors };
}

/** Everything a code set answers from the HCPCS table, for comparing two of them. */
function answers(cs: CodeSet) {
  return {
    release: cs.hcpcsRelease,
    horizon: cs.hcpcsHorizon,
    counts: [cs.procedureCount, cs.modifierCount],
    procedures: cs.allProcedures(),
    modifiers: cs.allModifiers(),
    note: cs.processingNote('0001'),
    layout: cs.codeTables,
    noc: [cs.nocFromList, cs.isNotOtherwiseClassified('J9999'), cs.isNotOtherwiseClassified('J9035')],
  };
}

const whole = hcpcsTableSchema.parse(JSON.parse(committed));
const wholeCodeSet = createCodeSet({ hcpcs: whole, icd10: { format: 'icd10cm-table', version: 2, release: 'FY2026', source: '', codes: [], descriptions: [] } });

test('the committed table: version 2, its rows packed and matching their digest; the code set answers as from a whole read', () => {
  const { read, errors } = readText(committed);
  assert.deepEqual(errors, []);
  assert.ok(read && 'packed' in read, 'read packed');
  assert.ok(read.packed.procedures instanceof PackedHcpcsRows);
  assert.equal(read.packed.version, 2);
  const { codeSet, errors: loadErrors } = loadWith(committed);
  assert.deepEqual(loadErrors, []);
  assert.ok(codeSet);
  // looked up first (rows parsed one by one), then listed
  for (const code of ['A0021', 'J9035', 'V5299', 'A9600']) assert.deepEqual(codeSet.procedure(code), wholeCodeSet.procedure(code));
  assert.deepEqual(codeSet.modifier('JW'), wholeCodeSet.modifier('JW'));
  assert.equal(codeSet.procedure('ZZZZZ'), undefined);
  assert.equal(codeSet.procedure('A0000'), undefined, 'before the first code');
  assert.equal(codeSet.procedure('ZZ999'), undefined, 'after the last code');
  assert.deepEqual(answers(codeSet), answers(wholeCodeSet));
  assert.equal(codeSet.allProcedures().find((r) => r.code === 'J9035'), codeSet.procedure('J9035'), 'one record object per row');
});

test('packed rows: each row and code as JSON.parse gives them, found by code (a code listed twice: its last row), empty lists', () => {
  const rows = [['A0001', 'first'], ['A0002', 'x "quoted", [bracketed] and \\ escaped', 'é'], ['A0002', 'second'], ['B0001']];
  const bytes = new TextEncoder().encode(listBody(rows));
  const packed = new PackedHcpcsRows(bytes, '2014-06-30');
  assert.equal(packed.length, 4);
  assert.deepEqual([0, 1, 2, 3].map((i) => packed.code(i)), ['A0001', 'A0002', 'A0002', 'B0001']);
  assert.deepEqual([0, 1, 2, 3].map((i) => packed.row(i)), rows);
  assert.deepEqual([packed.find('A0001'), packed.find('A0002'), packed.find('B0001'), packed.find('A0003'), packed.find('0'), packed.find('C')], [0, 2, 3, -1, -1, -1]);
  assert.deepEqual(packed.all(), rows);
  assert.deepEqual(packed.row(1), rows[1], 'from the whole list once parsed');
  const empty = new PackedHcpcsRows(new Uint8Array(0), undefined);
  assert.equal(empty.length, 0);
  assert.equal(empty.find('A0001'), -1);
  assert.deepEqual(empty.all(), []);
});

test('a table as the importer writes it, with an empty modifiers list, is read packed', () => {
  const table = { ...whole, modifiers: [] as string[][], procedures: whole.procedures.slice(0, 3) };
  const earliest = undefined;
  const text = stringifyTable({ ...table, version: 2, earliestTermination: earliest, rowsSha256: hcpcsRowsSha256(earliest, listBody(table.procedures), '') });
  const { read, errors } = readText(text);
  assert.deepEqual(errors, []);
  assert.ok(read && 'packed' in read);
  assert.equal(read.packed.modifiers.length, 0);
  assert.equal(read.packed.procedures.length, 3);
});

test('an edited row (its digest no longer matches) is read whole: the edit is seen', () => {
  const edited = committed.replace('"Ambulance service, outside state per mile, transport (medicaid only)"', '"Ambulance service, edited"');
  assert.notEqual(edited, committed);
  const { read } = readText(edited);
  assert.ok(read && 'whole' in read, 'read whole');
  const { codeSet, errors } = loadWith(edited);
  assert.deepEqual(errors, []);
  assert.equal(codeSet?.procedure('A0021')?.longDescription, 'Ambulance service, edited');
});

test('a damaged row or header is told with the file and the field, and no code set is made of it', () => {
  const badCode = committed.replace('["A0021",', '["a0021",');
  const r1 = loadWith(badCode);
  assert.equal(r1.codeSet, undefined);
  assert.match(r1.errors.join('\n'), /hcpcs\/2026-01\.json: procedures\.0\.0: code must be 2 to 5 letters or digits/);
  const badDigest = committed.replace(/"rowsSha256": "[0-9a-f]{64}"/, '"rowsSha256": "not a digest"');
  const r2 = loadWith(badDigest);
  assert.equal(r2.codeSet, undefined);
  assert.match(r2.errors.join('\n'), /hcpcs\/2026-01\.json: rowsSha256: a SHA-256 in 64 lower-case hex digits/);
  const badHorizon = committed.replace('"earliestTermination": "2014-06-30"', '"earliestTermination": "2015-01-01"');
  const r3 = loadWith(badHorizon);
  assert.deepEqual(r3.errors, []);
  assert.equal(r3.codeSet?.hcpcsHorizon, '2014-06-30', 'an edited date does not match the digest: the rows are read and it is computed from them');
});

test('a version 1 table (what earlier imports wrote) and one in another layout are read whole, with the same answers', () => {
  const v1 = committed.replace('"version": 2,', '"version": 1,').replace(/\n  "earliestTermination": "[^"]*",/, '').replace(/\n  "rowsSha256": "[0-9a-f]{64}",/, '');
  assert.ok(!v1.includes('rowsSha256'));
  const { read } = readText(v1);
  assert.ok(read && 'whole' in read);
  const a = loadWith(v1);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(answers(a.codeSet!), answers(wholeCodeSet));
  const compact = JSON.stringify(JSON.parse(committed));
  assert.ok(readText(compact).read && 'whole' in readText(compact).read!);
  const b = loadWith(compact);
  assert.deepEqual(b.errors, []);
  assert.deepEqual(answers(b.codeSet!), answers(wholeCodeSet));
});
