import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { kxAttestation } from '../../../../server/src/rules/claim/kxAttestation';

test('KX is reported as information with what the record must show', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ:KX*100*UN*4***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(kxAttestation, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'KX');
  assert.equal(d.severity, 3);
  assert.match(d.message, /policy criteria/);
});

test('a line without KX is not reported', () => {
  assert.deepEqual(run(kxAttestation, build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*100*UN*4***1', 'DTP*472*D8*20260110']))), []);
});
