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
    // the check digit fits, but NPIs start with 1 or 2
    assert.equal(isValidNpi('3123456782'), false);
    assert.equal(isValidNpi('2123456784'), true, 'an organization NPI starts with 2');
  });

  test('fires on an NPI whose check digit fits but whose first digit is not 1 or 2 (the single-fault corpus)', () => {
    const broken = edit(P, 'XX*1234567893~', 'XX*3123456782~');
    const [f, ...rest] = run(npiCheckDigit, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '3123456782');
    assert.match(f.message, /3123456782 is not a valid NPI: an NPI starts with 1 or 2 \(its check digit fits, so the first digit may be mistyped\)/);
    assert.doesNotMatch(f.message, /fails the NPI check digit/);
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
