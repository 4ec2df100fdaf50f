import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, build837, claim, run } from './harness';
import { outsideReleaseDates } from '../../../../server/src/rules/claim/outsideReleaseDates';

const line = (date: string) => ['SV1*HC:A9600:JZ*100*UN*4***1', `DTP*472*D8*${date}`];

test('a claim dated after the HCPCS quarter (2026-03-31) gets one notice at the date, saying how to import a newer quarter', () => {
  const text = build837(claim('P1', 'ABK:C7951', line('20260402'), line('20260403')));
  const [d, ...rest] = run(outsideReleaseDates, text);
  assert.equal(rest.length, 0, 'one notice per claim');
  assert.equal(d.severity, 3);
  assert.equal(at(text, d), '20260402');
  assert.match(d.message, /[Ii]t is dated 2026-04-02, after the quarter the HCPCS release 2026-01 is for \(2026-01-01 to 2026-03-31\).*Import a newer CMS release/);
});

test('after FY2026 both the HCPCS quarter and the ICD-10-CM years are named, still one notice', () => {
  const [d, ...rest] = run(outsideReleaseDates, build837(claim('P1', 'ABK:C7951', line('20261015'))));
  assert.equal(rest.length, 0);
  assert.match(d.message, /after the newest ICD-10-CM year held \(FY2025 \(2024-10-01 to 2025-09-30\), FY2026 \(2025-10-01 to 2026-09-30\)\)/);
});

test('long before: before the oldest kept termination (2014-06-30) and before FY2025', () => {
  const [d] = run(outsideReleaseDates, build837(claim('P1', 'ABK:C7951', line('20120105'))));
  assert.match(d.message, /before 2014-06-30, the oldest termination .* cannot be judged; and its diagnoses are for 2012-01-05, before the oldest ICD-10-CM year held/);
});

test('claims within the dates, and an ICD-9 claim of its own era for the ICD part, get no notice', () => {
  assert.deepEqual(run(outsideReleaseDates, build837(claim('P1', 'ABK:C7951', line('20260110')))), []);
  assert.deepEqual(run(outsideReleaseDates, build837(claim('P1', 'ABK:C7951', line('20241001')))), []);
  const icd9 = run(outsideReleaseDates, build837(claim('P1', 'BK:1985', line('20150105'))));
  assert.equal(icd9.length, 0, '2015-01-05 is within the HCPCS horizon, and ICD-9 is not checked against ICD-10-CM years');
});
