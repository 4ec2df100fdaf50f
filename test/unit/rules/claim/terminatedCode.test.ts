import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { terminatedCode } from '../../../../server/src/rules/claim/terminatedCode';

const line = (code: string, date: string) => ['SV1*HC:' + code + '*100*UN*1***1', 'DTP*472*D8*' + date];

test('a code terminated before the date of service fires, with the cross-reference as the fix', () => {
  const text = build837(claim('P1', 'ABK:C7951', line('C9300', '20250801')));
  const [d, ...rest] = run(terminatedCode, text);
  assert.equal(rest.length, 0);
  assert.equal(d.code, 'hcpcs/terminated-code');
  assert.equal(at(text, d), 'C9300');
  assert.match(d.message, /2025-06-30/);
  assert.match(d.message, /J9220/);
  assert.deepEqual(fixesOf(d).map((f) => f.title.slice(0, 27)), ['Replace C9300 with J9220: I']);
  assert.equal(applyFix(text, d), replaced(text, 'HC:C9300', 'HC:J9220'));
});

test('the same code on its last valid day (the line date, not today) does not fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', line('C9300', '20250630')));
  assert.deepEqual(run(terminatedCode, text), []);
});

test('the line date wins over the claim date; a terminated code with no cross-reference has no fix', () => {
  const text = build837([
    'CLM*P1*100***11:B:1*Y*A*Y*Y', 'DTP*472*D8*20211201', 'HI*ABK:C7951',
    'LX*1', 'SV1*HC:J2505*100*UN*1***1', 'DTP*472*D8*20220105',
  ]);
  const [d] = run(terminatedCode, text);
  assert.ok(d);
  assert.equal(fixesOf(d).length, 0);
  assert.match(d.message, /no replacement/);
});
