import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentCount, SEGMENT_COUNT } from '../../../../server/src/rules/envelope/segmentCount';
import { applyFix, at, claimFixture, edit, run } from './helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(SEGMENT_COUNT, () => {
  test('fires on a wrong SE01, at SE01, and the fix sets the counted number', () => {
    const broken = edit(p, 'SE*75*0001~', 'SE*74*0001~');
    const [f, ...rest] = run(segmentCount, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '74');
    assert.match(f.message, /SE01 segment count says 74, but transaction set 0001 has 75 segments/);
    assert.match(f.message, /rejects the whole transaction set/);
    assert.equal(f.fixes?.[0].title, 'Set SE01 to 75');
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('fires on an empty or non-numeric SE01; the fix fills it in', () => {
    const empty = edit(i, 'SE^54^0388~', 'SE^^0388~');
    const [f] = run(segmentCount, empty);
    assert.match(f.message, /is empty/);
    assert.equal(applyFix(empty, f.fixes![0]), i);
    const letters = edit(i, 'SE^54^0388~', 'SE^5A^0388~');
    assert.equal(applyFix(letters, run(segmentCount, letters)[0].fixes![0]), i);
  });

  test('fires when SE has no elements at all; the fix adds SE01', () => {
    const bare = edit(p, 'SE*75*0001~', 'SE~');
    const [f] = run(segmentCount, bare);
    assert.equal(at(bare, f), 'SE');
    assert.equal(applyFix(bare, f.fixes![0]), edit(p, 'SE*75*0001~', 'SE*75~'));
  });

  test('does not fire on correct counts (single-line and one-segment-per-line files)', () => {
    assert.deepEqual(run(segmentCount, p), []);
    assert.deepEqual(run(segmentCount, i), []);
  });

  test('does not fire when the SE is missing (x12/syntax reports that)', () => {
    assert.deepEqual(run(segmentCount, edit(p, 'SE*75*0001~\n', '')), []);
  });
});
