import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { unknownCode } from '../../../../server/src/rules/claim/unknownCode';

test('a Level II-shaped code that is in no release fires with the closest codes as fixes', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9605:JZ*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(unknownCode, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A9605');
  assert.deepEqual(fixesOf(d).map((f) => f.title.slice(0, 18)), ['Replace with A9604', 'Replace with A9606', 'Replace with A9603']);
  assert.equal(applyFix(text, d), replaced(text, 'HC:A9605', 'HC:A9604'));
});

test('a known code and a CPT-shaped code do not fire', () => {
  assert.deepEqual(run(unknownCode, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9604*100*UN*1***1'], ['SV1*HC:78803*100*UN*1***1']))), []);
});
