// Facts pinned on the committed, generated tables (data/), checked against the official CMS/CDC files.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { coverageSummary } from '../../../server/src/codeset/codeset';
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

// Search speed is a benchmark figure (npm run bench: "completion, all HCPCS codes by words" and "all ICD-10-CM
// codes"), never a timed test. Here: every code of the release is found by its own code and by its descriptor's
// first words, which is what the search is for.
test('search over every code: each HCPCS code is found by its code and by the first words of its descriptor', () => {
  const cs = full();
  const missedByCode: string[] = [];
  const missedByWords: string[] = [];
  for (const p of cs.allProcedures()) {
    if (!cs.searchProcedures(p.code, 20).some((h) => h.record.code === p.code)) missedByCode.push(p.code);
    const words = p.longDescription.split(/\s+/).slice(0, 2).join(' ');
    if (cs.searchProcedures(words, 20).length === 0) missedByWords.push(p.code);
  }
  assert.deepEqual(missedByCode, []);
  assert.deepEqual(missedByWords, []);
  for (const c of ['C79', 'E11', 'M54', 'S72', 'Z79']) assert.ok(cs.searchIcd10(c, 20).every((h) => h.record.code.startsWith(c)), c);
  for (const words of ['diabetes', 'malignant neoplasm', 'fracture femur', 'pain']) assert.ok(cs.searchIcd10(words, 20).length > 0, words);
});

test('NOC: the CMS NOC list of the release (NOC_codes_JAN2026.xlsx, 166 codes) is the truth', () => {
  const cs = full();
  assert.equal(cs.nocFromList, true);
  assert.equal(cs.allProcedures().filter((p) => cs.isNotOtherwiseClassified(p.code)).length, 166);
  for (const c of ['A9698', 'A9699', 'J3490', 'J3590', 'E1399', 'C9399', 'A0999', 'J7699', 'J8499', 'j3490']) {
    assert.equal(cs.isNotOtherwiseClassified(c), true, c);
  }
  // listed by CMS although the descriptor words would miss them
  for (const c of ['S5150', 'S5151', 'S9986', 'G9418', 'G9424', 'G9743', 'M1222', 'M1226', 'M1257', 'M1285', 'M1315']) {
    assert.equal(cs.isNotOtherwiseClassified(c), true, c);
    assert.equal(isNotOtherwiseClassified(cs.procedure(c)!), false, `${c}: the descriptor alone does not say NOC`);
  }
  // not on the CMS list although the descriptor words suggest it
  for (const c of ['J0131', 'A6609', 'J0799', 'M0235', 'M0236', 'Q0235']) {
    assert.equal(cs.isNotOtherwiseClassified(c), false, c);
    assert.equal(isNotOtherwiseClassified(cs.procedure(c)!), true, `${c}: the descriptor words alone would say NOC`);
  }
  for (const c of ['A9600', 'A9604', 'J9035', 'G9893', 'ZZZZZ']) assert.equal(cs.isNotOtherwiseClassified(c), false, c);
});

test('ICD-10-CM FY2025 beside FY2026, each with the dates of service it covers', () => {
  const cs = full();
  assert.deepEqual(cs.icd10Years(), [
    { release: 'FY2025', from: '2024-10-01', to: '2025-09-30' },
    { release: 'FY2026', from: '2025-10-01', to: '2026-09-30' },
  ]);
  assert.equal(cs.icd10YearFor('2025-09-30')?.release, 'FY2025');
  assert.equal(cs.icd10YearFor('2025-10-01')?.release, 'FY2026');
  assert.equal(cs.icd10YearFor('2026-10-01'), undefined);
  assert.equal(cs.icd10YearFor('2024-09-30'), undefined);
  // G35 (multiple sclerosis) was expanded at the FY2026 change; E11A is new in FY2026
  assert.equal(cs.icd10In('FY2025', 'G35')?.description, 'Multiple sclerosis');
  assert.equal(cs.icd10In('FY2026', 'G35'), undefined);
  assert.equal(cs.icd10In('FY2026', 'G35A')?.description, 'Relapsing-remitting multiple sclerosis');
  assert.equal(cs.icd10In('FY2025', 'E11A'), undefined);
  assert.equal(cs.icd10In('FY2026', 'E11.A')?.description, 'Type 2 diabetes mellitus without complications in remission');
  const t = JSON.parse(fs.readFileSync(path.join(dataDir, 'icd10cm', 'FY2025.json'), 'utf8'));
  assert.equal(t.codes.length, 74260);
});

test('ASP January 2026: NDC crosswalk and Part B payment limits', () => {
  const asp = full().asp();
  assert.ok(asp);
  assert.deepEqual([asp.release, asp.from, asp.to], ['2026-01', '2026-01-01', '2026-03-31']);
  const hep = asp.ndc('13533063601');
  assert.equal(hep.length, 1);
  assert.deepEqual(
    { ...hep[0] },
    { ndc: '13533-0636-01', hcpcs: '90371', labeler: 'Grifols USA, LLC', drugName: 'HyperHepB', hcpcsDosage: '1 ML', packageSize: 1, packageQuantity: 1, billUnits: 1, billUnitsPerPackage: 1 },
  );
  // one NDC may crosswalk to several codes: this 1000 mL bag bills as J7030 (1000 cc), J7040 (500 ml) or J7050 (250 cc)
  assert.deepEqual(asp.ndc('00264-5802-00').map((r) => [r.hcpcs, r.billUnits]), [['J7030', 1], ['J7040', 2], ['J7050', 4]]);
  const saline = asp.ndc('00264-5802-00').find((r) => r.hcpcs === 'J7050')!;
  assert.deepEqual([saline.hcpcs, saline.hcpcsDosage, saline.packageSize, saline.packageQuantity, saline.billUnits, saline.billUnitsPerPackage], ['J7050', '250 CC', 1000, 12, 4, 48]);
  assert.equal(asp.ndc('888867413689').length, 0, 'the one 12-digit (not NDC) identifier of the file is not imported');
  assert.equal(asp.ndcsOf('J3301').length > 20, true);
  assert.deepEqual({ ...asp.paymentLimit('J9035') }, { hcpcs: 'J9035', hcpcsDosage: '10 MG', paymentLimit: '73.632', coinsurancePercent: '20', notes: '' });
  assert.equal(asp.paymentLimit('A9606')?.paymentLimit, 'N/A');
  // no short descriptions at all: the rows of numeric (CPT) codes carried AMA text
  const raw = fs.readFileSync(path.join(dataDir, 'asp', '2026-01.json'), 'utf8');
  assert.doesNotMatch(raw, /Hep b ig im|Rabies ig im/);
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

test('where the data stops: the HCPCS quarter, the oldest termination kept, the ICD-10-CM years (status bar line)', () => {
  const cs = full();
  assert.deepEqual(cs.hcpcsCoverage, { from: '2026-01-01', to: '2026-03-31' });
  assert.equal(cs.hcpcsHorizon, '2014-06-30');
  assert.equal(
    coverageSummary(cs),
    'HCPCS 2026-01 for dates of service 2026-01-01 to 2026-03-31 (deleted codes kept from 2014-06-30) · ICD-10-CM FY2025 (2024-10-01 to 2025-09-30), FY2026 (2025-10-01 to 2026-09-30)',
  );
});

test('JW/JZ container evidence over the bundled release and ASP quarter (hcpcs/drug-waste-modifier)', async () => {
  const { wasteContainer } = await import('../../../server/src/rules/claim/drugs.js');
  const { codeSetFacts } = await import('../../../server/src/codeset/codeFacts.js');
  const cs = full();
  const facts = codeSetFacts(cs);
  const asp = cs.asp();
  assert.ok(asp, 'the ASP quarter is bundled');
  const kindOf = (code: string) => wasteContainer(facts.procedure(code), undefined, asp).kind;
  // single-dose by the CMS descriptor ("per single use vial", "per single dose vial")
  assert.equal(kindOf('J9015'), 'single-dose');
  assert.equal(kindOf('J9266'), 'single-dose');
  // priced by NDC in the crosswalk: a warning (the label decides)
  assert.equal(kindOf('J9035'), 'likely');
  // infusion solutions billed by 250 mL to 1000 mL a unit, and insulin J1815 (no NDC in the crosswalk): information
  for (const c of ['J7030', 'J7040', 'J7042', 'J7050', 'J7060', 'J7070']) assert.equal(kindOf(c), 'solution', c);
  assert.equal(kindOf('J1815'), 'unknown');
  const counts: Record<string, number> = {};
  for (const r of cs.allProcedures()) {
    if (r.terminated || !r.pricing.includes('51')) continue;
    const k = kindOf(r.code);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  // January 2026: 1,152 active pricing-51 codes, 813 of them in the ASP crosswalk (one of the two single-dose ones)
  assert.deepEqual(counts, { 'single-dose': 2, likely: 806, solution: 6, unknown: 338 });
});
