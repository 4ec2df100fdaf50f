import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { conflictingModifiers } from '../../../../server/src/rules/claim/conflictingModifiers';

const on = (mods: string) => build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:' + mods + '*100*UN*4***1', 'DTP*472*D8*20260110']));

test('JW with JZ, RT with LT, GA with GZ, 59 with XS each fire on the second of the pair', () => {
  for (const [mods, second] of [['JW:JZ', 'JZ'], ['LT:RT', 'RT'], ['GZ:KX:GA', 'GA'], ['XS:59', '59']]) {
    const text = on(mods);
    const found = run(conflictingModifiers, text);
    assert.equal(found.length, 1, mods);
    assert.equal(at(text, found[0]), second);
    assert.equal(found[0].relatedInformation?.length, 1);
  }
});

test('look-alikes do not fire: JW with KX, RT alone, GA with GY, XE with XS', () => {
  for (const mods of ['JW:KX', 'RT', 'GA:GY', 'XE:XS']) assert.deepEqual(run(conflictingModifiers, on(mods)), [], mods);
});
