import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { elementLength, ELEMENT_LENGTH } from '../../../../server/src/rules/conformance/elementLength';
import { at, edit, I, P, run } from './helpers';

describe(ELEMENT_LENGTH, () => {
  test('fires on a patient control number over 38 characters', () => {
    const long = 'SVO-' + '1'.repeat(40);
    const broken = edit(P, 'CLM*SVO-24001*', `CLM*${long}*`);
    const [f, ...rest] = run(elementLength, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), long);
    assert.match(f.message, /CLM01 Patient Control Number: ".*" is 44 characters long; the guide allows at most 38/);
    assert.match(f.message, /IK4 error 5, data element too long/);
  });

  test('fires on a value shorter than the element allows (a 1-character state code)', () => {
    const broken = edit(P, 'N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*O*974020000~');
    assert.match(run(elementLength, broken)[0].message, /is 1 character long; the guide asks for at least 2/);
  });

  test('counts numbers without the decimal point', () => {
    assert.deepEqual(run(elementLength, edit(P, 'SV1*HC:J1100*125.5*', 'SV1*HC:J1100*12345678.50*')), []);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(elementLength, P), []);
    assert.deepEqual(run(elementLength, I), []);
  });
});
