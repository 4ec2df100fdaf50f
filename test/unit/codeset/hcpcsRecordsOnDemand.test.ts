/**
 * codeset/hcpcsRecordsOnDemand.ts: records decoded on first look-up are the records decoding every row gives, one
 * object per row whichever way it is reached; the counts and the earliest termination need no record.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { HcpcsRecordsOnDemand } from '../../../server/src/codeset/hcpcsRecordsOnDemand';
import { decodeHcpcsRow } from '../../../server/src/codeset/tableFormat';
import { createCodeSet } from '../../../server/src/codeset/codeset';
import { hcpcsTableSchema } from '../../../server/src/codeset/schema';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { dataDir } from './paths';

const table = hcpcsTableSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'hcpcs', '2026-01.json'), 'utf8')));

test('the committed release: every record equals the eagerly decoded one, and get, at and all give the same object', () => {
  const records = new HcpcsRecordsOnDemand(table.procedures, 'procedure');
  const eager = table.procedures.map((r) => decodeHcpcsRow(r, 'procedure'));
  assert.equal(records.length, eager.length);
  // looked up first, in an order unlike the table's
  const j9035 = records.get('J9035');
  assert.deepEqual(j9035, eager.find((r) => r.code === 'J9035'));
  assert.equal(records.get('j9035'), undefined, 'codes are looked up as given (the code set trims and upper-cases)');
  assert.equal(records.get('ZZZZZ'), undefined);
  const all = records.all();
  assert.deepEqual(all, eager);
  assert.equal(all.find((r) => r.code === 'J9035'), j9035);
  for (let i = 0; i < all.length; i += 97) {
    assert.equal(records.at(i), all[i]);
    assert.equal(records.get(all[i].code), all[i]);
  }
  assert.equal(records.all(), all);
  const horizon = eager.reduce<string | undefined>((min, r) => (r.terminated && (!min || r.terminated < min) ? r.terminated : min), undefined);
  assert.equal(records.earliestTermination(), horizon);
});

test('a code listed twice: look-ups give its last row, the list both; no termination: no horizon', () => {
  const rows = [['A0001', 'first'], ['B0002', 'other'], ['A0001', 'second']];
  const records = new HcpcsRecordsOnDemand(rows, 'modifier');
  assert.equal(records.get('A0001')?.longDescription, 'second');
  assert.deepEqual(records.all().map((r) => r.longDescription), ['first', 'other', 'second']);
  assert.equal(records.get('A0001'), records.all()[2]);
  assert.equal(records.earliestTermination(), undefined);
});

test('the code set: counts without decoding, and its look-ups, lists and search give the same records', () => {
  const { codeSet } = loadCodeSet(dataDir);
  assert.ok(codeSet);
  assert.equal(codeSet.procedureCount, 8623);
  assert.equal(codeSet.modifierCount, 383);
  const jw = codeSet.modifier(' jw ');
  assert.equal(jw?.code, 'JW');
  assert.equal(codeSet.allModifiers().find((m) => m.code === 'JW'), jw);
  const a9600 = codeSet.procedure('a9600');
  assert.equal(codeSet.allProcedures().find((r) => r.code === 'A9600'), a9600);
  assert.equal(codeSet.searchProcedures('A9600', 5)[0]?.record, a9600);
  const eager = createCodeSet({ hcpcs: table, icd10: { format: 'icd10cm-table', version: 2, release: 'FY2026', source: '', codes: [], descriptions: [] } });
  assert.equal(codeSet.hcpcsHorizon, eager.hcpcsHorizon);
  assert.equal(codeSet.isNotOtherwiseClassified('J9999'), true);
  assert.equal(codeSet.isNotOtherwiseClassified('J9035'), false);
});
