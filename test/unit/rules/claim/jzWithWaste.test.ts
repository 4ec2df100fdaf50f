import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { jzWithWaste } from '../../../../server/src/rules/claim/jzWithWaste';

test('JZ on the administered line while a JW line bills waste of the same code and date fires; the fix removes JZ', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*100*UN*3***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600:JW*25*UN*1***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(jzWithWaste, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'JZ');
  assert.equal(applyFix(text, d), replaced(text, 'HC:A9600:JZ*', 'HC:A9600*'));
});

test('JZ with a JW line on another date, or JW+JZ on one line (a conflict, not this rule), does not fire', () => {
  const other = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*100*UN*3***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600:JW*25*UN*1***1', 'DTP*472*D8*20260111']));
  assert.deepEqual(run(jzWithWaste, other), []);
  const same = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JW:JZ*100*UN*3***1', 'DTP*472*D8*20260110']));
  assert.deepEqual(run(jzWithWaste, same), []);
});
