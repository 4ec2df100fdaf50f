import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { elementNotUsed, ELEMENT_NOT_USED } from '../../../../server/src/rules/conformance/elementNotUsed';
import { applyFix, at, edit, I, P, run } from './helpers';

describe(ELEMENT_NOT_USED, () => {
  test('fires on SBR08 (Not Used in 2000B); the fix empties it', () => {
    const broken = edit(P, 'SBR*P*18*******MB~', 'SBR*P*18******CI*MB~');
    const [f, ...rest] = run(elementNotUsed, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'CI');
    assert.match(f.message, /loop 2000B Subscriber Hierarchical Level, SBR08 Employment Status Code is marked Not Used/);
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('fires on an 837I principal-diagnosis HI that also carries other diagnoses (ABK with ABF)', () => {
    const broken = edit(I, 'HI^ABK>C61~HI^ABF>C7951~', 'HI^ABK>C61^ABF>C7951~');
    const [f] = run(elementNotUsed, broken);
    assert.equal(at(broken, f), 'ABF>C7951');
    assert.match(f.message, /HI02 Health Care Code Information is marked Not Used in the 837I guide/);
    assert.match(f.message, /own HI segment/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(elementNotUsed, P), []);
    assert.deepEqual(run(elementNotUsed, I), []);
  });
});
