import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unexpectedSegment, UNEXPECTED_SEGMENT } from '../../../../server/src/rules/conformance/unexpectedSegment';
import { at, edit, I, P, run } from './helpers';

describe(UNEXPECTED_SEGMENT, () => {
  test('fires on a segment out of order: DTP*431 after REF*G1 in 2300', () => {
    const broken = edit(P, 'DTP*431*D8*20251120~\nREF*G1*PA2026-0091~', 'REF*G1*PA2026-0091~\nDTP*431*D8*20251120~');
    const [f, ...rest] = run(unexpectedSegment, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'DTP*431*D8*20251120');
    assert.match(f.message, /DTP is out of order in loop 2300 Claim Information/);
    assert.match(f.message, /IK3 error 7, segment not in proper sequence/);
  });

  test('fires on a segment the loop does not have (a DMG in 2300)', () => {
    const broken = edit(P, 'REF*G1*PA2026-0091~', 'REF*G1*PA2026-0091~\nDMG*D8*19500317*M~');
    const [f] = run(unexpectedSegment, broken);
    assert.match(f.message, /DMG is not allowed here \(loop 2300 Claim Information\)/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(unexpectedSegment, P), []);
    assert.deepEqual(run(unexpectedSegment, I), []);
  });
});
