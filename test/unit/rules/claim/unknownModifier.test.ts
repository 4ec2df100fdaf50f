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

test('ambulance origin/destination pairs (CMS letters, origin first) are valid on ambulance codes; X first and other letters are not', () => {
  const amb = (mods: string) => build837(claim('P1', 'ABK:I10', [`SV1*HC:A0428:${mods}*500*UN*1***1`, 'DTP*472*D8*20260110']));
  assert.deepEqual(run(unknownModifier, amb('RH')), []);
  assert.deepEqual(run(unknownModifier, amb('SH')), []);
  assert.deepEqual(run(unknownModifier, amb('HX')), []);
  const [x] = run(unknownModifier, amb('XH'));
  assert.match(x.message, /not a valid ambulance origin and destination pair\. X .* is a destination only/);
  assert.equal(run(unknownModifier, amb('RZ')).length, 1, 'Z is not an origin/destination letter');
  // the same letters on a drug line are an ordinary (unknown) modifier
  assert.equal(run(unknownModifier, build837(claim('P1', 'ABK:C3490', ['SV1*HC:J9035:RX*500*UN*1***1']))).length, 1);
});
