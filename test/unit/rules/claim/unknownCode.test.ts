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

test('after the quarter the release covers (2026-03-31) an unknown code is a warning that says how to import a newer quarter', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9605:JZ*100*UN*1***1', 'DTP*472*D8*20260401']));
  const [d] = run(unknownCode, text);
  assert.equal(d.severity, 2);
  assert.match(d.message, /A9605 may be newer than the HCPCS release 2026-01\. The release is for dates of service up to 2026-03-31 and this line is dated 2026-04-01.*Import the newer CMS quarter/);
  assert.equal(run(unknownCode, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9605:JZ*100*UN*1***1', 'DTP*472*D8*20260331'])))[0].severity, 1);
});

test('long before the release (before its oldest kept termination, 2014-06-30) an unknown code says the release cannot tell', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J1440*100*UN*1***1', 'DTP*472*D8*20120105']));
  const [d] = run(unknownCode, text);
  assert.equal(d.severity, 3);
  assert.match(d.message, /The HCPCS release 2026-01 cannot tell whether J1440 was valid on 2012-01-05\. CMS drops codes terminated before 2014-06-30/);
  assert.doesNotMatch(d.message, /not a HCPCS Level II code/);
});

test('a severity the user set still wins over the milder finding', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9605:JZ*100*UN*1***1', 'DTP*472*D8*20260401']));
  assert.equal(run(unknownCode, text, { settings: { rules: { 'hcpcs/unknown-code': 'error' } } })[0].severity, 1);
});
