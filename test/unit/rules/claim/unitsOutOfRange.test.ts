import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, run } from './harness';
import { unitsOutOfRange } from '../../../../server/src/rules/claim/unitsOutOfRange';

test('A9600 billed with 148 units (the dose in MBq) fires on SV104 and names the likely unit mix-up', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*1850*UN*148***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(unitsOutOfRange, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), '148');
  assert.match(d.message, /outside the 1 to 10 its billing guide expects/);
  assert.match(d.message, /MBq/);
});

test('must not fire: a usual 4 mCi dose, a code without a guide range, and per-dose codes (units-per-dose reports those)', () => {
  assert.deepEqual(run(unitsOutOfRange, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*1850*UN*4***1', 'DTP*472*D8*20260110']))), []);
  assert.deepEqual(run(unitsOutOfRange, build837(claim('P1', 'ABK:C7951', ['SV1*HC:J1100:JZ*10*UN*148***1', 'DTP*472*D8*20260110']))), []);
  assert.deepEqual(run(unitsOutOfRange, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9604:JZ*100*UN*2***1', 'DTP*472*D8*20260110']))), []);
});

test('A9606 in kBq instead of µCi fires; a weight-based µCi dose does not', () => {
  assert.equal(run(unitsOutOfRange, build837(claim('P1', 'ABK:C61*ABF:C7951', ['SV1*HC:A9606:JZ*100*UN*5500***1:2', 'DTP*472*D8*20260110']))).length, 1);
  assert.deepEqual(run(unitsOutOfRange, build837(claim('P1', 'ABK:C61*ABF:C7951', ['SV1*HC:A9606:JZ*100*UN*120***1:2', 'DTP*472*D8*20260110']))), []);
});
