import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { medicalNecessity } from '../../../../server/src/rules/claim/medicalNecessity';

test('a code whose guide requires bone metastases, on a claim without them, fires on the code', () => {
  const text = build837(claim('P1', 'ABK:C61', ['SV1*HC:A9604:JZ*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(medicalNecessity, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A9604');
  assert.match(d.message, /bone metastases/);
  assert.match(d.message, /C61/);
});

test('the diagnosis is on the claim but the line does not point at it: fires on SV107 and names the diagnosis', () => {
  const text = build837(claim('P1', 'ABK:C61*ABF:C7951', ['SV1*HC:A9604:JZ*100*UN*1***1', 'DTP*472*D8*20260110']));
  const [d] = run(medicalNecessity, text);
  assert.equal(at(text, d), '1');
  assert.match(d.message, /diagnosis 2 \(C79\.51\)/);
  const after = applyFix(text, d);
  assert.equal(after, replaced(text, 'SV1*HC:A9604:JZ*100*UN*1***1~', 'SV1*HC:A9604:JZ*100*UN*1***1:2~'));
  assert.deepEqual(run(medicalNecessity, after), []);
});

test('A9606 needs both groups: C61 and bone metastases pointed at does not fire; a code without a guide does not either', () => {
  assert.deepEqual(run(medicalNecessity, build837(claim('P1', 'ABK:C61*ABF:C7951', ['SV1*HC:A9606:JZ*100*UN*50***1:2', 'DTP*472*D8*20260110']))), []);
  assert.deepEqual(run(medicalNecessity, build837(claim('P1', 'ABK:I10', ['SV1*HC:G0008*20*UN*1***1', 'DTP*472*D8*20260110']))), []);
});
