import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { claimFrequency, CLAIM_FREQUENCY } from '../../../../server/src/rules/conformance/claimFrequency';
import { at, edit, I, P, run } from './helpers';

describe(CLAIM_FREQUENCY, () => {
  test('fires on a professional claim frequency 9', () => {
    const broken = edit(P, '11:B:1*Y*A*Y*Y~', '11:B:9*Y*A*Y*Y~');
    const [f, ...rest] = run(claimFrequency, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '9');
    assert.match(f.message, /loop 2300 Claim Information, CLM05-3 Claim Frequency Code: "9" is not a claim frequency code; a professional claim uses 1 \(original\)/);
  });

  test('does not fire on 1, 7 or 8, nor on the 837I fixture', () => {
    for (const c of ['1', '7', '8']) assert.deepEqual(run(claimFrequency, edit(P, '11:B:1*Y*A*Y*Y~', `11:B:${c}*Y*A*Y*Y~`)), []);
    assert.deepEqual(run(claimFrequency, I), []);
  });
});
