import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentRepeat, SEGMENT_REPEAT } from '../../../../server/src/rules/conformance/segmentRepeat';
import { at, edit, I, P, run } from './helpers';

describe(SEGMENT_REPEAT, () => {
  test('fires on a second DTP*472 in one service line, at the copy', () => {
    const broken = edit(P, 'DTP*472*D8*20260202~', 'DTP*472*D8*20260202~\nDTP*472*D8*20260203~');
    const [f, ...rest] = run(segmentRepeat, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'DTP*472*D8*20260203');
    assert.match(f.message, /DTP Date - Service Date is used 2 times in loop 2400 Service Line Number; the 837P guide \(005010X222A1\) allows 1/);
    assert.match(f.message, /IK3 error 5/);
  });

  test('fires on a second billing provider name loop (2010AA repeats once only)', () => {
    const broken = edit(P, 'REF*EI*931234567~', 'REF*EI*931234567~\nNM1*85*2*SUNVALE ONCOLOGY ASSOCIATES*****XX*1234567893~\nN3*220 ORCHARD AVENUE~\nN4*FAIRHAVEN*OR*974010000~');
    const found = run(segmentRepeat, broken);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /2010AA Billing Provider Name appears more often than the 1 time/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(segmentRepeat, P), []);
    assert.deepEqual(run(segmentRepeat, I), []);
  });
});
