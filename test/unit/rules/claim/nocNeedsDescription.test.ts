import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { DESCRIPTION_PLACEHOLDER, nocNeedsDescription } from '../../../../server/src/rules/claim/nocNeedsDescription';

test('a NOC code with no description and no NTE fires; the fix inserts a placeholder in SV101-7', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9699*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(nocNeedsDescription, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A9699');
  const after = applyFix(text, d);
  assert.equal(after, replaced(text, 'HC:A9699*', 'HC:A9699:::::' + DESCRIPTION_PLACEHOLDER + '*'));
  // the placeholder itself is reported until it is replaced
  const [again] = run(nocNeedsDescription, after);
  assert.equal(at(after, again), DESCRIPTION_PLACEHOLDER);
  assert.match(again.message, /placeholder/);
});

test('the placeholder goes after the modifiers in use, keeping the empty positions', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J3490:JZ:KX*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d] = run(nocNeedsDescription, text);
  assert.equal(applyFix(text, d), replaced(text, 'HC:J3490:JZ:KX*', 'HC:J3490:JZ:KX:::' + DESCRIPTION_PLACEHOLDER + '*'));
});

test('a NOC code with a description, or with a line NTE, and a classified code do not fire', () => {
  for (const lines of [
    ['SV1*HC:A9699:::::SM-153 150 MCI*100*UN*1***1', 'DTP*472*D8*20260110'],
    ['SV1*HC:A9699*100*UN*1***1', 'DTP*472*D8*20260110', 'NTE*ADD*LUTETIUM PSMA 200 MCI'],
    ['SV1*HC:A9600*100*UN*4***1', 'DTP*472*D8*20260110'],
  ]) {
    assert.deepEqual(run(nocNeedsDescription, build837(claim('P1', 'ABK:C7951', lines))), []);
  }
});
