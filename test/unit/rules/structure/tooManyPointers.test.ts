import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tooManyPointers, TOO_MANY_POINTERS } from '../../../../server/src/rules/structure/tooManyPointers';
import { at, claimFixture, edit, run } from '../envelope/helpers';

const p = claimFixture('837p-oncology.837');

describe(TOO_MANY_POINTERS, () => {
  test('fires on the fifth and later pointers', () => {
    const broken = edit(p, 'SV1*HC:A9600:JZ*1600*UN*4***1:2:3~', 'SV1*HC:A9600:JZ*1600*UN*4***1:2:3:1:2:3~');
    const [f, ...rest] = run(tooManyPointers, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '2:3');
    assert.match(f.message, /Line 1 has 6 diagnosis pointers; SV107 holds at most 4/);
  });

  test('checks every line, not only the first', () => {
    const broken = edit(p, 'SV1*HC:J1100*125.5*UN*8***1:2~', 'SV1*HC:J1100*125.5*UN*8***1:2:1:2:1~');
    assert.equal(run(tooManyPointers, broken).length, 1);
  });

  test('four pointers do not fire', () => {
    assert.deepEqual(run(tooManyPointers, edit(p, '1:2:3~', '1:2:3:1~')), []);
    assert.deepEqual(run(tooManyPointers, p), []);
  });
});
