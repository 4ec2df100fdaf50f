import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, run } from './harness';
import { ndcNotForCode } from '../../../../server/src/rules/claim/ndcNotForCode';

// From the CMS ASP NDC-HCPCS crosswalk, January 2026: 50242-0060-01 is Avastin (Genentech) under J9035;
// 00003-0293-05 is Kenalog-80 under J3301.
const line = (code: string, ndc: string) => [`SV1*HC:${code}:JZ*500*UN*10***1`, 'DTP*472*D8*20260110', `LIN**N4*${ndc}`, 'CTP****1*UN'];

test('an NDC the crosswalk bills under another code fires at the NDC and names the codes it does belong to', () => {
  const text = build837(claim('P1', 'ABK:C3490', line('J9035', '00003029305')));
  const [d, ...rest] = run(ndcNotForCode, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), '00003029305');
  // the message opens with the place (claim, line, code), then what is wrong (features/messages.ts)
  assert.match(d.message, /^P1 line 1, J9035: NDC 00003-0293-05 is not billed under J9035\. It is Kenalog-80 \(E\.R\. Squibb & Sons, L\.L\.C\.\), which the CMS ASP NDC-HCPCS crosswalk \(2026-01\) bills under J3301\./);
});

test('the NDC of the line\'s code, an NDC the crosswalk does not list, or no NDC does not fire', () => {
  assert.deepEqual(run(ndcNotForCode, build837(claim('P1', 'ABK:C3490', line('J9035', '50242006001')))), []);
  assert.deepEqual(run(ndcNotForCode, build837(claim('P1', 'ABK:C3490', line('J9035', '50242-0060-01')))), []);
  assert.deepEqual(run(ndcNotForCode, build837(claim('P1', 'ABK:C3490', line('J9035', '99999999999')))), [], 'not in the crosswalk: cannot tell');
  assert.deepEqual(run(ndcNotForCode, build837(claim('P1', 'ABK:C3490', ['SV1*HC:J9035:JZ*500*UN*10***1']))), []);
});

test('no fix: the right NDC is on the vial, not in the code set', () => {
  const [d] = run(ndcNotForCode, build837(claim('P1', 'ABK:C3490', line('J9035', '00003029305'))));
  assert.equal((d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0, 0);
});
