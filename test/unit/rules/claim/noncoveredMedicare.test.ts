import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { noncoveredMedicare } from '../../../../server/src/rules/claim/noncoveredMedicare';

const on = (code: string, sbr09 = 'MB') => build837({ sbr09, segments: claim('P1', 'ABK:E119', ['SV1*HC:' + code + '*20*UN*1***1', 'DTP*472*D8*20260110']) });

test('coverage S (statutory exclusion) fires; the preferred fix adds GY', () => {
  const text = on('A4261');
  const [d, ...rest] = run(noncoveredMedicare, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A4261');
  assert.match(d.message, /Non-covered by Medicare statute/);
  assert.deepEqual(fixesOf(d).map((f) => [f.title.slice(0, 6), f.preferred]), [['Add GY', true]]);
  assert.equal(applyFix(text, d), replaced(text, 'HC:A4261*', 'HC:A4261:GY*'));
});

test('coverage M offers GZ (preferred) and GA; coverage I offers GY and GZ', () => {
  const m = on('A4250');
  const [dm] = run(noncoveredMedicare, m);
  assert.deepEqual(fixesOf(dm).map((f) => f.title.slice(0, 6)), ['Add GZ', 'Add GA']);
  assert.equal(applyFix(m, dm), replaced(m, 'HC:A4250*', 'HC:A4250:GZ*'));
  const [di] = run(noncoveredMedicare, on('A0130'));
  assert.deepEqual(fixesOf(di).map((f) => f.title.slice(0, 6)), ['Add GY', 'Add GZ']);
});

test('GY present, a commercial claim, or a covered code do not fire', () => {
  assert.deepEqual(run(noncoveredMedicare, on('A4261:GY')), []);
  assert.deepEqual(run(noncoveredMedicare, on('A4261', 'CI')), []);
  assert.deepEqual(run(noncoveredMedicare, on('G0008')), []);
});
