import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { numbering, NUMBERING } from '../../../../server/src/rules/conformance/numbering';
import { applyFix, at, edit, I, P, run } from './helpers';

describe(NUMBERING, () => {
  test('fires on a service line numbered out of turn; the fix renumbers it', () => {
    const broken = edit(P, 'LX*2~', 'LX*5~');
    const [f, ...rest] = run(numbering, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '5');
    assert.match(f.message, /LX01 is 5, but this is service line 2 of the claim/);
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('fires on an HL01 that does not count up by one', () => {
    const broken = edit(I, 'HL^3^1^22^0~', 'HL^4^1^22^0~');
    const [f] = run(numbering, broken);
    assert.match(f.message, /HL01 is 4, but the HL before it is 2/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(numbering, P), []);
    assert.deepEqual(run(numbering, I), []);
  });
});
