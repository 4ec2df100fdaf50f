import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { tooManyDiagnoses, TOO_MANY_DIAGNOSES } from '../../../../server/src/rules/structure/tooManyDiagnoses';
import { at, claimFixture, edit, run } from '../envelope/helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');
const others = (n: number, sep = ':', el = '*', q = 'ABF') => Array.from({ length: n }, () => `${el}${q}${sep}I10`).join('');

describe(TOO_MANY_DIAGNOSES, () => {
  test('837P with 13 diagnoses: fires on the 13th', () => {
    const broken = edit(p, 'HI*ABK:Z23*ABF:I10~', `HI*ABK:Z23${others(12)}~`);
    const [f, ...rest] = run(tooManyDiagnoses, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'ABF:I10');
    assert.match(f.message, /has 13 diagnoses; an 837P allows 12/);
  });

  test('837P with exactly 12 diagnoses does not fire', () => {
    assert.deepEqual(run(tooManyDiagnoses, edit(p, 'HI*ABK:Z23*ABF:I10~', `HI*ABK:Z23${others(11)}~`)), []);
    assert.deepEqual(run(tooManyDiagnoses, p), []);
  });

  test('837I: 24 other diagnoses are fine, 25 fire', () => {
    const ok = edit(i, 'HI^ABF>D630^ABF>E1165~', `HI${others(12, '>', '^')}~HI${others(12, '>', '^')}~`);
    assert.deepEqual(run(tooManyDiagnoses, ok), []);
    const broken = edit(i, 'HI^ABF>D630^ABF>E1165~', `HI${others(12, '>', '^')}~HI${others(13, '>', '^')}~`);
    const [f] = run(tooManyDiagnoses, broken);
    assert.match(f.message, /25 other diagnoses; an 837I allows 24/);
  });
});
