import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { zipCode, ZIP_CODE } from '../../../../server/src/rules/conformance/zipCode';
import { at, edit, I, P, run } from './helpers';

describe(ZIP_CODE, () => {
  test('fires on a 5-digit billing provider ZIP (2010AA wants all 9 digits)', () => {
    const broken = edit(P, 'N4*FAIRHAVEN*OR*974010000~', 'N4*FAIRHAVEN*OR*97401~');
    const [f, ...rest] = run(zipCode, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '97401');
    assert.match(f.message, /loop 2010AA Billing Provider Name, N403 .*"97401" is not the full 9-digit ZIP code/);
  });

  test('fires on a subscriber ZIP that is neither 5 nor 9 digits; 5 digits are fine there', () => {
    assert.match(run(zipCode, edit(P, 'N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*OR*9740-2~'))[0].message, /not a US ZIP code of 5 or 9 digits/);
    assert.deepEqual(run(zipCode, edit(P, 'N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*OR*97402~')), []);
  });

  test('does not fire on the clean fixtures or on foreign addresses', () => {
    assert.deepEqual(run(zipCode, P), []);
    assert.deepEqual(run(zipCode, I), []);
    assert.deepEqual(run(zipCode, edit(P, 'N4*FAIRHAVEN*OR*974020000~', 'N4*TORONTO**M5V2T6*CA~')), []);
  });
});
