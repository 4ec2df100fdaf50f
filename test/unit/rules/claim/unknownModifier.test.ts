import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { unknownModifier } from '../../../../server/src/rules/claim/unknownModifier';

test('a modifier in neither the Level II release nor the Level I names fires', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ:JX*100*UN*4***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(unknownModifier, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'JX');
  assert.match(d.message, /invalid modifier/);
});

test('Level II (JW, lower case too) and Level I (59, 26) modifiers do not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:jw:59:26*100*UN*4***1', 'DTP*472*D8*20260110']));
  assert.deepEqual(run(unknownModifier, text), []);
});
