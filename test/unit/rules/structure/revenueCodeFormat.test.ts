import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { revenueCodeFormat, REVENUE_CODE_FORMAT } from '../../../../server/src/rules/structure/revenueCodeFormat';
import { applyFix, at, claimFixture, edit, run } from '../envelope/helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(REVENUE_CODE_FORMAT, () => {
  test('fires on a revenue code that lost its leading zero, and the fix pads it back', () => {
    const broken = edit(i, 'SV2^0636^HC>J1100>JZ^85.00^UN^10~', 'SV2^636^HC>J1100>JZ^85.00^UN^10~');
    const [f, ...rest] = run(revenueCodeFormat, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '636');
    assert.match(f.message, /Line 2 \(J1100\) has revenue code "636" in SV201, which is not a four-digit NUBC revenue code\. The payer rejects the line/);
    assert.match(f.message, /0636 with its leading zero dropped/);
    assert.equal(f.fixes?.length, 1);
    assert.equal(f.fixes![0].title, 'Write the revenue code as 0636');
    assert.equal(applyFix(broken, f.fixes![0]), i);
  });

  test('fires without a fix on a revenue code that is not digits or is too long', () => {
    for (const bad of ['ABCD', '06360', '06A6']) {
      const broken = edit(i, 'SV2^0260^HC>96413', `SV2^${bad}^HC>96413`);
      const [f, ...rest] = run(revenueCodeFormat, broken);
      assert.equal(rest.length, 0, bad);
      assert.equal(at(broken, f), bad);
      assert.equal(f.fixes, undefined, bad);
      assert.match(f.message, /Line 3 \(96413\).*four digits/, bad);
    }
  });

  test('does not fire on four-digit revenue codes, an empty SV201 (the guide rules tell that), or an 837P', () => {
    assert.deepEqual(run(revenueCodeFormat, i), []);
    assert.deepEqual(run(revenueCodeFormat, edit(i, 'SV2^0260^HC>96413', 'SV2^1001^HC>96413')), []);
    assert.deepEqual(run(revenueCodeFormat, edit(i, 'SV2^0260^HC>96413', 'SV2^^HC>96413')), []);
    assert.deepEqual(run(revenueCodeFormat, p), []);
  });
});
