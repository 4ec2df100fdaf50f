/**
 * codeset/aspOnDemand.ts: on the committed quarter, every answer equals the one of an eager build (every record
 * made, every list filled, as createAspData did before), whatever is asked first; the same list object each time.
 */
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { aspTableSchema, type AspTableFile } from '../../../server/src/codeset/schema';
import { createAspData, normalizeNdc } from '../../../server/src/codeset/codeset';
import type { NdcRecord, PaymentLimit } from '../../../server/src/codeset/types';
import { dataDir } from './paths';

const table = aspTableSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'asp', '2026-01.json'), 'utf8'))) as AspTableFile;

/** The obvious build: every row a record, both lists and the limits filled at once. */
function eager(t: AspTableFile) {
  const num = (s: string) => (Number.isFinite(Number(s)) ? Number(s) : NaN);
  const byNdc = new Map<string, NdcRecord[]>();
  const byCode = new Map<string, NdcRecord[]>();
  for (const r of t.crosswalk) {
    const rec = { ndc: r[0], hcpcs: r[1], labeler: r[2], drugName: r[3], hcpcsDosage: r[4], packageSize: num(r[5]), packageQuantity: num(r[6]), billUnits: num(r[7]), billUnitsPerPackage: num(r[8]) };
    byNdc.set(rec.ndc, [...(byNdc.get(rec.ndc) ?? []), rec]);
    byCode.set(rec.hcpcs, [...(byCode.get(rec.hcpcs) ?? []), rec]);
  }
  const limits = new Map<string, PaymentLimit>();
  for (const r of t.limits) limits.set(r[0], { hcpcs: r[0], hcpcsDosage: r[1], paymentLimit: r[2], coinsurancePercent: r[3], notes: r[4] });
  return { byNdc, byCode, limits };
}

test('the committed quarter: every NDC, code and limit answered as the eager build does', () => {
  const want = eager(table);
  const asp = createAspData(table);
  assert.equal(asp.release, table.release);
  assert.deepEqual([asp.from, asp.to], [table.effective.from, table.effective.to]);
  // codes first here, NDCs first in the next test
  for (const [code, rows] of want.byCode) assert.deepEqual(asp.ndcsOf(code), rows);
  for (const [ndc, rows] of want.byNdc) assert.deepEqual(asp.ndc(ndc), rows);
  for (const [code, limit] of want.limits) assert.deepEqual(asp.paymentLimit(code), limit);
  assert.deepEqual(asp.ndc('99999-9999-99'), []);
  assert.deepEqual(asp.ndc('not an ndc'), []);
  assert.deepEqual(asp.ndcsOf('ZZZZZ'), []);
  assert.equal(asp.paymentLimit('ZZZZZ'), undefined);
});

test('a record is one object whichever list it is reached by; NDCs in any written form; codes trimmed, any case', () => {
  const asp = createAspData(table);
  const [ndc, code] = table.crosswalk[0];
  const first = asp.ndc(ndc);
  assert.ok(first.length > 0);
  assert.equal(asp.ndc(ndc), first);
  assert.equal(asp.ndc(ndc.replace(/-/g, '')), first);
  const ofCode = asp.ndcsOf(` ${code.toLowerCase()} `);
  assert.equal(asp.ndcsOf(code), ofCode);
  assert.ok(ofCode.includes(first[0]));
  assert.equal(asp.paymentLimit(table.limits[0][0].toLowerCase()), asp.paymentLimit(table.limits[0][0]));
});

test('numbers as the eager build parses them (a blank or odd field is NaN)', () => {
  const t: AspTableFile = { ...table, crosswalk: [['12345-6789-01', 'J9035', 'L', 'D', '10 MG', '', 'x', '2.5', '10']], limits: [] };
  const [rec] = createAspData(t).ndc('12345678901');
  assert.deepEqual([rec.packageSize, rec.packageQuantity, rec.billUnits, rec.billUnitsPerPackage], [0, NaN, 2.5, 10]);
});

test('a crosswalk not sorted by NDC (not as the importer writes it) is indexed instead: the same answers', () => {
  const shuffled: AspTableFile = { ...table, crosswalk: [...table.crosswalk].reverse() };
  const want = eager(shuffled);
  const asp = createAspData(shuffled);
  for (const [ndc, rows] of want.byNdc) assert.deepEqual(asp.ndc(ndc), rows);
  for (const [code, rows] of want.byCode) assert.deepEqual(asp.ndcsOf(code), rows);
});
