import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stateCode, STATE_CODE } from '../../../../server/src/rules/conformance/stateCode';
import { codeValue } from '../../../../server/src/rules/conformance/codeValue';
import { at, edit, I, P, run } from './helpers';

describe(STATE_CODE, () => {
  test('fires on a billing provider state that is not one (2010AA N402 has no list in the map)', () => {
    const broken = edit(P, 'N4*FAIRHAVEN*OR*974010000~', 'N4*FAIRHAVEN*QQ*974010000~');
    const [f, ...rest] = run(stateCode, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'QQ');
    assert.match(f.message, /loop 2010AA Billing Provider Name, N402 .*"QQ" is not a US state or territory code/);
    assert.deepEqual(run(codeValue, broken), []);
  });

  test('does not fire where the map has the state list (x12/code-value reports it there), on foreign addresses, or on the clean fixtures', () => {
    const subscriber = edit(P, 'N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*QQ*974020000~');
    assert.deepEqual(run(stateCode, subscriber), []);
    assert.equal(run(codeValue, subscriber).length, 1);
    assert.deepEqual(run(stateCode, edit(P, 'N4*FAIRHAVEN*OR*974010000~', 'N4*TORONTO*ZZ*M5V2T6*CA~')), []);
    assert.deepEqual(run(stateCode, P), []);
    assert.deepEqual(run(stateCode, I), []);
  });
});
