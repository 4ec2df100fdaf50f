import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { distinctServiceAlone } from '../../../../server/src/rules/claim/distinctServiceAlone';

test('XS on the only line of its date fires', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:G0008:XS*20*UN*1***1', 'DTP*472*D8*20260110'], ['SV1*HC:G0009*20*UN*1***1', 'DTP*472*D8*20260111']));
  const [d, ...rest] = run(distinctServiceAlone, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'XS');
  assert.match(d.message, /2026-01-10/);
});

test('59 with another service on the same date does not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:G0008:59*20*UN*1***1', 'DTP*472*D8*20260110'], ['SV1*HC:G0009*20*UN*1***1', 'DTP*472*D8*20260110']));
  assert.deepEqual(run(distinctServiceAlone, text), []);
});
