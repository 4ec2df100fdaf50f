import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { priorAuthorization } from '../../../../server/src/rules/claim/priorAuthorization';

const line = ['SV1*HC:A9604*100*UN*1***1', 'DTP*472*D8*20260110'];

test('a commercial claim (SBR09 CI) for a code that usually needs pre-approval, with no REF*G1, fires', () => {
  const text = build837({ sbr09: 'CI', segments: claim('P1', 'ABK:C7951', line) });
  const [d, ...rest] = run(priorAuthorization, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A9604');
  assert.match(d.message, /SBR09 CI/);
});

test('REF*G1 on the claim or the line, a Medicare claim, or BL with the auth do not fire', () => {
  const withClaimRef = ['CLM*P1*100***11:B:1*Y*A*Y*Y', 'REF*G1*PA12345', 'HI*ABK:C7951', 'LX*1', ...line];
  assert.deepEqual(run(priorAuthorization, build837({ sbr09: 'CI', segments: withClaimRef })), []);
  assert.deepEqual(run(priorAuthorization, build837({ sbr09: 'BL', segments: claim('P1', 'ABK:C7951', [...line, 'REF*G1*PA12345']) })), []);
  assert.deepEqual(run(priorAuthorization, build837({ sbr09: 'MB', segments: claim('P1', 'ABK:C7951', line) })), []);
});
