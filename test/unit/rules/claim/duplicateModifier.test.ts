import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { duplicateModifier } from '../../../../server/src/rules/claim/duplicateModifier';

test('the same modifier twice fires on the copy; the fix removes it with its separator', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ:KX:JZ*100*UN*4***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(duplicateModifier, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'JZ');
  assert.equal(applyFix(text, d), replaced(text, 'HC:A9600:JZ:KX:JZ*', 'HC:A9600:JZ:KX*'));
});

test('removing a copy before a description keeps the description in SV101-7', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9699:JZ:JZ::::SM-153 DOSE*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d] = run(duplicateModifier, text);
  assert.equal(applyFix(text, d), replaced(text, 'HC:A9699:JZ:JZ::::SM-153 DOSE', 'HC:A9699:JZ:::::SM-153 DOSE'));
});

test('different modifiers do not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ:KX*100*UN*4***1', 'DTP*472*D8*20260110']));
  assert.deepEqual(run(duplicateModifier, text), []);
});
