// Facts pinned on the committed, generated tables (data/), checked against the official CMS/CDC files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { isNotOtherwiseClassified } from '../../../server/src/codeset/noc';
import { describeBetos, describeCoverage, describePricingIndicator, describeTypeOfService } from '../../../server/src/codeset/describe';
import type { CodeSet } from '../../../server/src/codeset/types';
import { dataDir } from './paths';

let cached: CodeSet | undefined;
function full(): CodeSet {
  if (cached) return cached;
  const { codeSet, errors } = loadCodeSet(dataDir);
  assert.deepEqual(errors, []);
  assert.ok(codeSet);
  return (cached = codeSet);
}

test('counts: 8,623 procedures (7,323 active), 383 modifiers; releases', () => {
  const cs = full();
  assert.equal(cs.allProcedures().length, 8623);
  assert.equal(cs.allModifiers().length, 383);
  assert.equal(cs.allProcedures().filter((p) => p.terminated === '').length, 7323);
  assert.equal(cs.hcpcsRelease, '2026-01');
  assert.equal(cs.icd10Release, 'FY2026');
  assert.equal(cs.icd10('A000')?.description, 'Cholera due to Vibrio cholerae 01, biovar cholerae');
  assert.equal(cs.searchIcd10('', 10).length, 0);
});

test('ICD-10-CM count is 74,719', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const t = JSON.parse(fs.readFileSync(path.join(dataDir, 'icd10cm', 'FY2026.json'), 'utf8'));
  assert.equal(t.codes.length, 74719);
});

test('official descriptors (January 2026)', () => {
  const cs = full();
  assert.equal(cs.procedure('A9600')?.longDescription, 'Strontium sr-89 chloride, therapeutic, per millicurie');
  assert.equal(cs.procedure('A9604')?.longDescription, 'Samarium sm-153 lexidronam, therapeutic, per treatment dose, up to 150 millicuries');
  assert.equal(cs.procedure('A9698')?.longDescription, 'Non-radioactive contrast imaging material, not otherwise classified, per study');
  assert.equal(cs.procedure('A9699')?.longDescription, 'Radiopharmaceutical, therapeutic, not otherwise classified');
  assert.equal(cs.procedure('A9606')?.shortDescription, 'Radium ra223 dichloride ther');
  const a9513 = cs.procedure('a9513');
  assert.deepEqual([a9513?.pricing, a9513?.coverage, a9513?.betos, a9513?.typeOfService, a9513?.added], [['57'], 'D', 'I1E', ['6'], '2019-01-01']);
  assert.equal(cs.procedure('A9698')?.pricing[0], '51');
  assert.equal(cs.modifier('JW')?.longDescription, 'Drug amount discarded/not administered to any patient');
  assert.equal(cs.modifier('gy')?.coverage, 'S');
  assert.equal(cs.modifier('59'), undefined);
  assert.equal(cs.icd10('E11.9')?.description, 'Type 2 diabetes mellitus without complications');
  assert.equal(cs.icd10('I10')?.description, 'Essential (primary) hypertension');
});

test('search over the full set: samarium -> A9604, strontium -> A9600, code prefixes, dotted ICD codes', () => {
  const cs = full();
  assert.equal(cs.searchProcedures('samarium', 5)[0]?.record.code, 'A9604');
  assert.equal(cs.searchProcedures('strontium', 5)[0]?.record.code, 'A9600');
  assert.deepEqual(cs.searchProcedures('A96', 3).map((h) => h.record.code), ['A9600', 'A9601', 'A9602']);
  assert.equal(cs.searchIcd10('C79.51', 3)[0]?.record.code, 'C7951');
  assert.equal(cs.searchIcd10('c7951', 3)[0]?.record.code, 'C7951');
  assert.ok(cs.searchIcd10('secondary malignant bone', 10).some((h) => h.record.code === 'C7951'));
});

test('search speed: median under 2 ms (HCPCS) and 10 ms (ICD-10-CM) over every code', () => {
  const cs = full();
  cs.warmUp?.();
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const hp: number[] = [];
  for (const p of cs.allProcedures()) {
    const q = p.longDescription.split(/\s+/).slice(0, 2).join(' ');
    const t0 = performance.now();
    cs.searchProcedures(p.code.slice(0, 3), 20);
    cs.searchProcedures(q, 20);
    hp.push((performance.now() - t0) / 2);
  }
  assert.ok(median(hp) < 2, `HCPCS median ${median(hp)} ms`);
  const ip: number[] = [];
  for (const c of ['C79', 'E11', 'M54', 'diabetes', 'malignant neoplasm', 'fracture femur', 'S72', 'Z79', 'pain', 'C79.5']) {
    const t0 = performance.now();
    cs.searchIcd10(c, 20);
    ip.push(performance.now() - t0);
  }
  assert.ok(median(ip) < 10, `ICD-10-CM median ${median(ip)} ms`);
});

test('NOC: descriptor-derived, agrees with the CMS NOC list on pinned codes', () => {
  const cs = full();
  for (const c of ['A9698', 'A9699', 'J3490', 'J3590', 'E1399', 'C9399', 'A0999', 'J7699', 'J8499']) {
    assert.equal(isNotOtherwiseClassified(cs.procedure(c)!), true, c);
  }
  for (const c of ['A9600', 'A9604', 'J9035', 'G9893', 'G9418']) {
    assert.equal(isNotOtherwiseClassified(cs.procedure(c)!), false, c);
  }
  const n = cs.allProcedures().filter(isNotOtherwiseClassified).length;
  assert.ok(n >= 155 && n <= 175, `NOC count ${n}`);
});

test('code tables from the record layout travel with the table and describe fields', () => {
  const t = full().codeTables;
  assert.equal(describePricingIndicator(t, '57'), 'Other carrier priced');
  assert.equal(describeCoverage(t, 'C'), 'Carrier judgment');
  assert.equal(describeBetos(t, 'I1E'), 'Standard imaging - nuclear medicine');
  assert.equal(describeTypeOfService(t, '6'), 'Therapeutic radiology');
  assert.equal(describeCoverage(t, 'Q'), undefined);
  assert.match(full().processingNote('88') ?? '', /^"S" CODES ARE UNIQUE TEMPORARY CODES/);
});
