import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { terminatedModifier } from '../../../../server/src/rules/claim/terminatedModifier';

test('a modifier terminated before the date of service fires; the fix removes it', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9035:JG:JZ*100*UN*4***1', 'DTP*472*D8*20250110']));
  const [d, ...rest] = run(terminatedModifier, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'JG');
  assert.match(d.message, /2024-12-31/);
  assert.equal(applyFix(text, d), replaced(text, 'HC:J9035:JG:JZ', 'HC:J9035:JZ'));
});

test('the same modifier on a line dated before its termination does not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9035:JG:JZ*100*UN*4***1', 'DTP*472*D8*20241231']));
  assert.deepEqual(run(terminatedModifier, text), []);
});
