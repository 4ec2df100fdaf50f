import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredSegment, REQUIRED_SEGMENT } from '../../../../server/src/rules/conformance/requiredSegment';
import { at, dropLine, edit, I, P, run } from './helpers';

describe(REQUIRED_SEGMENT, () => {
  test('fires on a professional line without DTP*472, at its LX', () => {
    const broken = dropLine(P, 'DTP*472*D8*20260202~');
    const [f, ...rest] = run(requiredSegment, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'LX*1');
    assert.match(f.message, /loop 2400 Service Line Number has no DTP Date - Service Date segment, which the 837P guide \(005010X222A1\) requires/);
  });

  test('fires on a claim without HI and on a billing provider without its address', () => {
    const noHi = dropLine(P, 'HI*ABK:C61*ABF:C7951*ABF:G893~');
    assert.match(run(requiredSegment, noHi)[0].message, /loop 2300 Claim Information has no HI Health Care Diagnosis Code segment/);
    const noAddress = dropLine(P, 'N3*220 ORCHARD AVENUE~');
    assert.match(run(requiredSegment, noAddress)[0].message, /loop 2010AA Billing Provider Name has no N3 Billing Provider Address segment/);
  });

  test('fires on an 837I claim without CL1 (required in 005010X223A2), not on one without a situational DTP', () => {
    const broken = edit(I, 'CL1^2^1^01~', '');
    assert.match(run(requiredSegment, broken)[0].message, /loop 2300 Claim Information has no CL1 Institutional Claim Code segment, which the 837I guide \(005010X223A2\) requires/);
    assert.deepEqual(run(requiredSegment, edit(P, 'DTP*431*D8*20251120~\n', '')), []);
  });

  test('does not fire on complete claims', () => {
    assert.deepEqual(run(requiredSegment, P), []);
    assert.deepEqual(run(requiredSegment, I), []);
  });
});
