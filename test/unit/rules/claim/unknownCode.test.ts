import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, fixesOf, run } from './harness';
import { unknownCode } from '../../../../server/src/rules/claim/unknownCode';

test('a Level II-shaped code that is in no release fires; codes spelled alike are named as other services, never offered as fixes', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9605:JZ*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(unknownCode, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A9605');
  assert.deepEqual(fixesOf(d), [], 'one Enter must never bill a different service');
  assert.match(d.message, /A9605 is not a HCPCS Level II code in the .* release\. The payer rejects the line\. Check the code against the record\./);
  assert.match(d.message, /Codes spelled alike are different services, not corrections: A9604 \([^)]+\), A9606 \([^)]+\), A9603 \([^)]+\)\.$/);
});

test('a known code and a CPT-shaped code do not fire', () => {
  assert.deepEqual(run(unknownCode, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9604*100*UN*1***1'], ['SV1*HC:78803*100*UN*1***1']))), []);
});
