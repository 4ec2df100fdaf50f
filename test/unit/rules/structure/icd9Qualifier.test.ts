import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, run } from '../claim/harness';
import { icd9Qualifier } from '../../../../server/src/rules/structure/icd9Qualifier';

const line = (date: string) => ['SV1*HC:J9035*500*UN*10***1', `DTP*472*D8*${date}`];

test('an ICD-9 qualifier on a claim dated on or after 2015-10-01 is an error at the qualifier', () => {
  const text = build837(claim('P1', 'BK:1985*BF:1854', line('20260110')));
  const found = run(icd9Qualifier, text);
  assert.equal(found.length, 2);
  assert.equal(at(text, found[0]), 'BK');
  assert.match(found[0].message, /BK marks 1985 as an ICD-9-CM diagnosis, but this claim is dated 2026-01-10\. From 2015-10-01 diagnoses must be ICD-10-CM/);
  assert.match(found[0].message, /use the qualifier ABK/);
  assert.deepEqual(fixesOf(found[0]) ?? [], []);
});

test('on the first ICD-10 day it fires; the day before it does not (ICD-9 was right then)', () => {
  assert.equal(run(icd9Qualifier, build837(claim('P1', 'BK:1985', line('20151001')))).length, 1);
  assert.deepEqual(run(icd9Qualifier, build837(claim('P1', 'BK:1985', line('20150930')))), []);
  assert.deepEqual(run(icd9Qualifier, build837(claim('P1', 'ABK:C7951', line('20260110')))), []);
});

test('an ICD-10-CM code written under an ICD-9 qualifier gets the fix to the ICD-10 qualifier of the same role', () => {
  const text = build837(claim('P1', 'BK:C7951*BF:C61', line('20260110')));
  const [d] = run(icd9Qualifier, text);
  const [fix] = fixesOf(d)!;
  assert.match(fix.title, /^Use qualifier ABK: C79\.51 is ICD-10-CM \(Secondary malignant neoplasm of bone\)/);
  assert.match(applyFix(text, d), /HI\*ABK:C7951\*BF:C61~/);
});
