import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pointerOutOfRange, POINTER_OUT_OF_RANGE } from '../../../../server/src/rules/structure/pointerOutOfRange';
import { at, claimFixture, edit, run } from '../envelope/helpers';

const p = claimFixture('837p-oncology.837');

describe(POINTER_OUT_OF_RANGE, () => {
  test('fires on a pointer past the claim diagnoses, at the pointer', () => {
    const broken = edit(p, 'SV1*HC:J1100:JZ*60*UN*10***3~', 'SV1*HC:J1100:JZ*60*UN*10***4~');
    const [f, ...rest] = run(pointerOutOfRange, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '4');
    assert.match(f.message, /Diagnosis pointer 4 on line 2 points past the claim's 3 diagnoses/);
    assert.match(f.message, /Point at a diagnosis from 1 to 3/);
  });

  test('fires on a pointer that is not a number', () => {
    const broken = edit(p, 'SV1*HC:J1100:JZ*60*UN*10***3~', 'SV1*HC:J1100:JZ*60*UN*10***C~');
    const [f] = run(pointerOutOfRange, broken);
    assert.match(f.message, /"C" on line 2 is not a number/);
  });

  test('fires on every pointer of a claim without diagnoses', () => {
    const broken = edit(p, 'HI*ABK:C189*ABF:D630~\n', '');
    const found = run(pointerOutOfRange, broken);
    assert.equal(found.length, 3);
    assert.match(found[0].message, /Add the diagnoses/);
  });

  test('does not fire when every pointer resolves', () => {
    assert.deepEqual(run(pointerOutOfRange, p), []);
  });
});
