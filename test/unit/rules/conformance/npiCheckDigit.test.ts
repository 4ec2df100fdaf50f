import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { npiCheckDigit, NPI_CHECK_DIGIT } from '../../../../server/src/rules/conformance/npiCheckDigit';
import { isValidNpi } from '../../../../server/src/conformance/values';
import { at, edit, I, P, run } from './helpers';

describe(NPI_CHECK_DIGIT, () => {
  test('the check digit: Luhn with the 80840 prefix (CMS example 1234567893)', () => {
    assert.equal(isValidNpi('1234567893'), true);
    assert.equal(isValidNpi('1234567890'), false);
    assert.equal(isValidNpi('123456789'), false);
  });

  test('fires on a billing provider NPI with a wrong check digit, saying which digit fits', () => {
    const broken = edit(P, 'XX*1234567893~', 'XX*1234567890~');
    const [f, ...rest] = run(npiCheckDigit, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '1234567890');
    assert.match(f.message, /loop 2010AA Billing Provider Name, NM109 Billing Provider Identifier: 1234567890 is not a valid NPI/);
    assert.match(f.message, /check digit should be 3/);
  });

  test('fires on an attending provider NPI on the 837I', () => {
    const broken = edit(I, 'XX^1326548793', 'XX^1326548790');
    assert.match(run(npiCheckDigit, broken)[0].message, /loop 2310A Attending Provider Name/);
  });

  test('does not fire on valid NPIs or on identifiers that are not NPIs (NM108 other than XX)', () => {
    assert.deepEqual(run(npiCheckDigit, P), []);
    assert.deepEqual(run(npiCheckDigit, I), []);
  });
});
