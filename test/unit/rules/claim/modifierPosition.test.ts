import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { modifierPosition } from '../../../../server/src/rules/claim/modifierPosition';

test('26 after another modifier fires; the fix moves it first and keeps the others in order', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:G0008:XS:KX:26*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(modifierPosition, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), '26');
  assert.equal(applyFix(text, d), replaced(text, 'HC:G0008:XS:KX:26*', 'HC:G0008:26:XS:KX*'));
});

test('26 first, or no pricing modifier, does not fire', () => {
  assert.deepEqual(run(modifierPosition, build837(claim('P1', 'ABK:C7951', ['SV1*HC:G0008:26:XS*100*UN*1***1', 'DTP*472*D8*20260110']))), []);
  assert.deepEqual(run(modifierPosition, build837(claim('P1', 'ABK:C7951', ['SV1*HC:G0008:XS:KX*100*UN*1***1', 'DTP*472*D8*20260110']))), []);
});
