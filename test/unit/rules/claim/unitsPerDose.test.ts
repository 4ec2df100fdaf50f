import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { unitsPerDose } from '../../../../server/src/rules/claim/unitsPerDose';

test('a per-treatment-dose code billed with 2 units fires on SV104; the fix sets 1', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9604:JZ*100*UN*2***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(unitsPerDose, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), '2');
  assert.match(d.message, /per treatment dose/);
  assert.equal(applyFix(text, d), replaced(text, '*UN*2***1', '*UN*1***1'));
});

test('"per study dose" fires too; 1 unit, and per-millicurie codes with many units, do not', () => {
  assert.equal(run(unitsPerDose, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9500*100*UN*3***1', 'DTP*472*D8*20260110']))).length, 1);
  assert.deepEqual(run(unitsPerDose, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9604*100*UN*1***1', 'DTP*472*D8*20260110']))), []);
  assert.deepEqual(run(unitsPerDose, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*4***1', 'DTP*472*D8*20260110']))), []);
});
