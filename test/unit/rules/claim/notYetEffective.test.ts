import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { notYetEffective } from '../../../../server/src/rules/claim/notYetEffective';

test('a code added after the date of service fires', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9220*100*UN*1***1', 'DTP*472*D8*20250630']));
  const [d, ...rest] = run(notYetEffective, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'J9220');
  assert.match(d.message, /2025-07-01/);
});

test('the same code on its first day does not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9220*100*UN*1***1', 'DTP*472*D8*20250701']));
  assert.deepEqual(run(notYetEffective, text), []);
});

test('a modifier added after the date of service (JZ before 2023) fires on the modifier', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*100*UN*4***1', 'DTP*472*D8*20221215']));
  const [d] = run(notYetEffective, text);
  assert.equal(at(text, d), 'JZ');
});
