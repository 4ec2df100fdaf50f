import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, run } from './harness';
import { ndcUnits } from '../../../../server/src/rules/claim/ndcUnits';

// CMS ASP crosswalk, January 2026: 50242-0060-01 (Avastin) is 10 billing units of J9035 (10 MG) in one item.
const line = (units: number, qty: string, unit = 'UN', ndc = '50242006001') => [`SV1*HC:J9035:JZ*500*UN*${units}***1`, 'DTP*472*D8*20260110', `LIN**N4*${ndc}`, `CTP****${qty}*${unit}`];

test('more units than the NDC quantity holds (UN) fires at the units', () => {
  const text = build837(claim('P1', 'ABK:C3490', line(30, '2')));
  const [d, ...rest] = run(ndcUnits, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), '30');
  assert.match(d.message, /^P1 line 1, J9035: 30 units of J9035 \(10 MG each\) cannot come from 2 UN of NDC 50242-0060-01\. One item of Avastin is 10 billing units .* at most 20/);
});

test('units within the quantity, a partial unit rounded up, or fewer units (waste, JW) do not fire', () => {
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(20, '2')))), []);
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(15, '1.5')))), []);
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(16, '1.55')))), [], '15.5 units round up to 16');
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(4, '2')))), []);
});

test('no certain conversion, no finding: a quantity in mL, an NDC of another code, an NDC not in the crosswalk', () => {
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(30, '2', 'ML')))), []);
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(30, '1', 'UN', '00003029305')))), []);
  assert.deepEqual(run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(30, '1', 'UN', '99999999999')))), []);
});

test('no fix: which of SV104 and CTP04 is wrong is in the record', () => {
  const [d] = run(ndcUnits, build837(claim('P1', 'ABK:C3490', line(30, '2'))));
  assert.equal((d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0, 0);
});
