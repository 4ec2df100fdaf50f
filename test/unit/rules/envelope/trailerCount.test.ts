import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { trailerCount, TRAILER_COUNT } from '../../../../server/src/rules/envelope/trailerCount';
import { applyFix, at, claimFixture, edit, run } from './helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(TRAILER_COUNT, () => {
  test('GE01 does not count the transaction sets: fires at GE01, the fix sets 1', () => {
    const broken = edit(p, 'GE*1*4711~', 'GE*2*4711~');
    const [f, ...rest] = run(trailerCount, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '2');
    assert.match(f.message, /GE01 says 2 transaction sets, but functional group 4711 holds 1/);
    assert.equal(f.fixes![0].title, 'Set GE01 to 1');
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('IEA01 does not count the groups', () => {
    const broken = edit(i, 'IEA^1^000000388~', 'IEA^3^000000388~');
    const [f] = run(trailerCount, broken);
    assert.equal(at(broken, f), '3');
    assert.match(f.message, /IEA01 says 3 functional groups/);
    assert.equal(applyFix(broken, f.fixes![0]), i);
  });

  test('counts two transaction sets in one group', () => {
    const st = p.indexOf('ST*837');
    const se = p.indexOf('GE*');
    const twice = p.slice(0, se) + p.slice(st, se).replace(/0001/g, '0002') + p.slice(se);
    assert.equal(run(trailerCount, twice).length, 1);
    const fixed = applyFix(twice, run(trailerCount, twice)[0].fixes![0]);
    assert.match(fixed, /GE\*2\*4711~/);
    assert.deepEqual(run(trailerCount, fixed), []);
  });

  test('does not fire on correct counts', () => {
    assert.deepEqual(run(trailerCount, p), []);
    assert.deepEqual(run(trailerCount, i), []);
  });
});
