import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, run } from './harness';
import { duplicateServiceLine } from '../../../../server/src/rules/claim/duplicateServiceLine';

test('the same code, modifiers, date and units twice fires on the copy and names both lines', () => {
  const text = build837(
    claim('P1', 'ABK:C7951', ['SV1*HC:J9035:JZ*500*UN*10***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600:JZ*100*UN*4***1', 'DTP*472*D8*20260110'], ['SV1*HC:J9035:JZ*500*UN*10***1', 'DTP*472*D8*20260110']),
  );
  const [d, ...rest] = run(duplicateServiceLine, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'J9035');
  assert.match(d.message, /^P1 line 3, J9035: line 3 repeats line 1: J9035 with JZ, 10 units on 2026-01-10/);
  assert.equal(d.relatedInformation?.length, 1);
  assert.match(d.relatedInformation![0].message, /^line 1/);
});

test('modifiers in another order are the same line; the claim date counts when lines have none', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ:KX*100*UN*4***1'], ['SV1*HC:A9600:KX:JZ*100*UN*4***1'], ['DTP*472*D8*20260110']));
  const withClaimDate = build837([
    'CLM*P1*200***11:B:1*Y*A*Y*Y',
    'DTP*472*D8*20260110',
    'HI*ABK:C7951',
    'LX*1',
    'SV1*HC:A9600:JZ:KX*100*UN*4***1',
    'LX*2',
    'SV1*HC:A9600:KX:JZ*100*UN*4***1',
  ]);
  assert.equal(run(duplicateServiceLine, text).length, 1);
  assert.equal(run(duplicateServiceLine, withClaimDate).length, 1);
});

test('another date, other units, another modifier or another claim does not fire', () => {
  const base = ['SV1*HC:J9035*500*UN*10***1', 'DTP*472*D8*20260110'];
  const cases = [
    claim('P1', 'ABK:C7951', base, ['SV1*HC:J9035*500*UN*10***1', 'DTP*472*D8*20260111']),
    claim('P1', 'ABK:C7951', base, ['SV1*HC:J9035*250*UN*5***1', 'DTP*472*D8*20260110']),
    claim('P1', 'ABK:C7951', base, ['SV1*HC:J9035:76*500*UN*10***1', 'DTP*472*D8*20260110']),
    claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*3***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600:JW*25*UN*1***1', 'DTP*472*D8*20260110']),
  ];
  for (const c of cases) assert.deepEqual(run(duplicateServiceLine, build837(c)), []);
  assert.deepEqual(run(duplicateServiceLine, build837(claim('P1', 'ABK:C7951', base), claim('P2', 'ABK:C7951', base))), []);
});

test('no fix is offered: which copy to keep is the coder\'s call', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9035*500*UN*10***1'], ['SV1*HC:J9035*500*UN*10***1']));
  const [d] = run(duplicateServiceLine, text);
  assert.equal((d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0, 0);
});

test('the code in another case is the same code; lines with codes that differ never fire', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:j9035*500*UN*10***1', 'DTP*472*D8*20260110'], ['SV1*HC:A9600*100*UN*4***1'], ['SV1*HC:J9035*500*UN*10***1', 'DTP*472*D8*20260110']));
  const [d, ...rest] = run(duplicateServiceLine, text);
  assert.equal(rest.length, 0);
  assert.match(d.message, /line 3 repeats line 1: J9035, 10 units/);
  const distinct = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9035*500*UN*10***1'], ['SV1*HC:J9036*500*UN*10***1'], ['SV1*HC:A9600*500*UN*10***1']));
  assert.equal(run(duplicateServiceLine, distinct).length, 0);
});
