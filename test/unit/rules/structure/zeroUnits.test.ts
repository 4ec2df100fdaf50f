import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { zeroUnits, ZERO_UNITS } from '../../../../server/src/rules/structure/zeroUnits';
import { at, claimFixture, edit, run } from '../envelope/helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(ZERO_UNITS, () => {
  test('fires on SV104 = 0', () => {
    const broken = edit(p, 'SV1*HC:J1100:JZ*60*UN*10***3~', 'SV1*HC:J1100:JZ*60*UN*0***3~');
    const [f, ...rest] = run(zeroUnits, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '0');
    assert.match(f.message, /Line 2 \(J1100\) bills 0 units in SV104/);
  });

  test('fires on SV205 = 0.0 (837I)', () => {
    const broken = edit(i, 'SV2^0636^HC>J1100>JZ^85.00^UN^10~', 'SV2^0636^HC>J1100>JZ^85.00^UN^0.0~');
    const [f] = run(zeroUnits, broken);
    assert.equal(at(broken, f), '0.0');
    assert.match(f.message, /SV205/);
  });

  test('does not fire on billed units, fractional units or missing units', () => {
    assert.deepEqual(run(zeroUnits, p), []);
    assert.deepEqual(run(zeroUnits, i), []);
    assert.deepEqual(run(zeroUnits, edit(p, 'SV1*HC:J1100:JZ*60*UN*10***3~', 'SV1*HC:J1100:JZ*60*UN*0.5***3~')), []);
    assert.deepEqual(run(zeroUnits, edit(p, 'SV1*HC:J1100:JZ*60*UN*10***3~', 'SV1*HC:J1100:JZ*60*UN****3~')), []);
  });
});
