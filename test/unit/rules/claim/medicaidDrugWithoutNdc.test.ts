import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, run } from './harness';
import { medicaidDrugWithoutNdc } from '../../../../server/src/rules/claim/medicaidDrugWithoutNdc';

const drugLine = ['SV1*HC:J9035*500*UN*10***1', 'DTP*472*D8*20260110'];

test('a Medicaid (SBR09 MC) drug line without an NDC fires at the code', () => {
  const text = build837({ sbr09: 'MC', segments: claim('P1', 'ABK:C3490', drugLine) });
  const [d, ...rest] = run(medicaidDrugWithoutNdc, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'J9035');
  assert.match(d.message, /Medicaid \(SBR09 MC\) claim/);
  assert.match(d.message, /LIN\*\*N4\*/);
});

test('the hcpcs.payer setting counts when SBR09 does not say', () => {
  const text = build837({ sbr09: '', segments: claim('P1', 'ABK:C3490', drugLine) });
  assert.equal(run(medicaidDrugWithoutNdc, text, { settings: { payer: 'medicaid' } }).length, 1);
  assert.equal(run(medicaidDrugWithoutNdc, text).length, 0, 'default payer is Medicare');
});

test('with an NDC, on a Medicare claim, or on a code that is not a drug it does not fire', () => {
  assert.deepEqual(run(medicaidDrugWithoutNdc, build837({ sbr09: 'MC', segments: claim('P1', 'ABK:C3490', [...drugLine, 'LIN**N4*50242006001', 'CTP****1*UN']) })), []);
  assert.deepEqual(run(medicaidDrugWithoutNdc, build837(claim('P1', 'ABK:C3490', drugLine))), []);
  // E0100 (a cane) is DME, not a drug: neither pricing 51 nor in the ASP crosswalk
  assert.deepEqual(run(medicaidDrugWithoutNdc, build837({ sbr09: 'MC', segments: claim('P1', 'ABK:M5416', ['SV1*HC:E0100*30*UN*1***1']) })), []);
});

test('a code the crosswalk bills NDCs under counts as a drug; no fix (the NDC is on the package)', () => {
  const text = build837({ sbr09: 'MC', segments: claim('P1', 'ABK:D630', ['SV1*HC:Q4081*50*UN*20***1']) });
  const [d] = run(medicaidDrugWithoutNdc, text);
  assert.ok(d, 'Q4081 (epoetin) has NDCs in the crosswalk');
  assert.equal((d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0, 0);
});
