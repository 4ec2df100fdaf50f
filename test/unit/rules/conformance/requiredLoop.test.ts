import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredLoop, REQUIRED_LOOP } from '../../../../server/src/rules/conformance/requiredLoop';
import { at, dropLine, I, P, run } from './helpers';

describe(REQUIRED_LOOP, () => {
  test('fires when the billing provider loop 2010AA is missing, at the 2000A HL, naming the loop', () => {
    let broken = P;
    for (const l of ['NM1*85*2*SUNVALE ONCOLOGY ASSOCIATES*****XX*1234567893~', 'N3*220 ORCHARD AVENUE~', 'N4*FAIRHAVEN*OR*974010000~', 'REF*EI*931234567~']) broken = dropLine(broken, l);
    const [f, ...rest] = run(requiredLoop, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'HL*1**20*1');
    assert.match(f.message, /loop 2000A Billing Provider Hierarchical Level has no 2010AA Billing Provider Name loop \(starting with NM1\*85\)/);
    assert.match(f.message, /999 \(IK3 error 3, required segment missing\)/);
  });

  test('fires when a claim has no service line (2400)', () => {
    const start = P.indexOf('LX*1~');
    const end = P.indexOf('HL*3*');
    const broken = P.slice(0, start) + P.slice(end);
    const found = run(requiredLoop, broken);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /loop 2300 Claim Information has no 2400 Service Line Number loop \(starting with LX\)/);
  });

  test('does not fire on complete claims', () => {
    assert.deepEqual(run(requiredLoop, P), []);
    assert.deepEqual(run(requiredLoop, I), []);
  });
});
