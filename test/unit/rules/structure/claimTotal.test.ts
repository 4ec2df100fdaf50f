import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimTotalMismatch, CLAIM_TOTAL_MISMATCH } from '../../../../server/src/rules/structure/claimTotal';
import { formatMoney } from '../../../../server/src/rules/structure/money';
import { applyFix, at, claimFixture, edit, run } from '../envelope/helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(CLAIM_TOTAL_MISMATCH, () => {
  test('fires when CLM02 is not the sum of SV102; the fix writes the sum in the file style (no decimals)', () => {
    const broken = edit(p, 'CLM*SVO-24001*2160*', 'CLM*SVO-24001*2100*');
    const [f, ...rest] = run(claimTotalMismatch, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '2100');
    assert.match(f.message, /CLM02 total charge 2100 does not equal the sum of the 3 line charges \(2160\)/);
    assert.equal(f.related?.length, 3);
    assert.equal(f.fixes![0].title, 'Set CLM02 to 2160');
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('a line charge changed: the fix keeps cents short ("4825.5")', () => {
    const broken = edit(p, 'CLM*SVO-24002*4825.5*', 'CLM*SVO-24002*4825*');
    const [f] = run(claimTotalMismatch, broken);
    assert.equal(f.fixes![0].edits[0].newText, '4825.5');
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('837I with two-decimal amounts: the fix writes two decimals', () => {
    const broken = edit(i, 'SV2^0636^HC>J1100>JZ^85.00^', 'SV2^0636^HC>J1100>JZ^95.00^');
    const [f] = run(claimTotalMismatch, broken);
    assert.equal(at(broken, f), '5285.00');
    assert.equal(f.fixes![0].edits[0].newText, '5295.00');
  });

  test('does not fire on balanced claims, "2160.00" vs "2160", or when a line charge is unreadable', () => {
    assert.deepEqual(run(claimTotalMismatch, p), []);
    assert.deepEqual(run(claimTotalMismatch, i), []);
    assert.deepEqual(run(claimTotalMismatch, edit(p, 'CLM*SVO-24001*2160*', 'CLM*SVO-24001*2160.00*')), []);
    assert.deepEqual(run(claimTotalMismatch, edit(p, 'SV1*HC:J1100:JZ*60*', 'SV1*HC:J1100*6O*')), []);
  });

  test('money formatting', () => {
    const two = [{ text: '1.00', value: 1, offset: 0, length: 4 }];
    assert.equal(formatMoney(12550, []), '125.5');
    assert.equal(formatMoney(12505, []), '125.05');
    assert.equal(formatMoney(200000, []), '2000');
    assert.equal(formatMoney(200000, two), '2000.00');
    assert.equal(formatMoney(7, two), '0.07');
  });
});
