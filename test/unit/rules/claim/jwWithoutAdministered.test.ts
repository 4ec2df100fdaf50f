import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { jwWithoutAdministered } from '../../../../server/src/rules/claim/jwWithoutAdministered';

test('a JW line with no administered line for the code and date fires', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JW*25*UN*1***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600*100*UN*3***1', 'DTP*472*D8*20260111']));
  const [d, ...rest] = run(jwWithoutAdministered, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'JW');
});

test('a JW line next to the administered line of the same code and date does not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*3***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600:JW*25*UN*1***1', 'DTP*472*D8*20260110']));
  assert.deepEqual(run(jwWithoutAdministered, text), []);
});
