import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { billableChildren, unknownDiagnosis, UNKNOWN_DIAGNOSIS } from '../../../../server/src/rules/structure/unknownDiagnosis';
import { applyFix, at, claimFixture, codeSet, edit, run } from '../envelope/helpers';
import { at as atOne, build837, claim, guides, run as runOne } from '../claim/harness';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixtureCodeSet } from '../../../fixtures/codeset';
import { createLanguageService } from '../../../../server/src/service';
import { defaultSettings } from '../../../../server/src/core/settings';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(UNKNOWN_DIAGNOSIS, () => {
  test('fires on a code in no release, with the dot in the message', () => {
    const broken = edit(p, 'HI*ABK:C61*ABF:C7951*ABF:G893~', 'HI*ABK:C61*ABF:C7959*ABF:G893~');
    const [f, ...rest] = run(unknownDiagnosis, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'C7959');
    assert.match(f.message, /C79\.59 is not an ICD-10-CM code in the FY2026 release \(diagnosis 2, HI02\)/);
    assert.match(f.message, /Payers reject/);
  });

  test('a category (C79) is not billable: needs more characters', () => {
    const broken = edit(p, 'ABF:C7951', 'ABF:C79');
    const [f] = run(unknownDiagnosis, broken);
    assert.equal(at(broken, f), 'C79');
    assert.match(f.message, /ICD-10-CM C79 is not billable: it is a category that needs more characters/);
    assert.match(f.message, /C79\.31/);
    // the fixture code set has four codes under C79; with more than five no fix is offered (none is certain)
    assert.deepEqual(f.fixes?.map((x) => x.edits[0].newText), ['C7931', 'C7951', 'C7952', 'C799']);
  });

  test('a subcategory with few children offers each billable code as a fix', () => {
    const broken = edit(p, 'ABF:C7951', 'ABF:C795');
    const [f] = run(unknownDiagnosis, broken);
    assert.match(f.message, /C79\.5 is not billable/);
    assert.deepEqual(f.fixes?.map((x) => x.edits[0].newText), ['C7951', 'C7952']);
    assert.equal(applyFix(broken, f.fixes![0]), p);
    assert.deepEqual(billableChildren(codeSet, 'C79.5'), ['C7951', 'C7952']);
  });

  test('accepts billable codes with or without the dot, and skips ICD-9 (BK/BF) and non-diagnosis HI codes', () => {
    assert.deepEqual(run(unknownDiagnosis, p), []);
    assert.deepEqual(run(unknownDiagnosis, i), []);
    assert.deepEqual(run(unknownDiagnosis, edit(p, 'ABF:C7951', 'ABF:C79.51')), []);
    assert.deepEqual(run(unknownDiagnosis, edit(p, 'HI*ABK:C61*ABF:C7951*ABF:G893~', 'HI*BK:1854*BF:1985~')), []);
    assert.deepEqual(run(unknownDiagnosis, edit(i, 'CL1^2^1^01~', 'CL1^2^1^01~HI^BG>07~')), []);
  });
});

describe(`${UNKNOWN_DIAGNOSIS} by the claim's date of service (FY2025 beside FY2026)`, () => {
  // built with the claim-rule harness: one claim, one line, dated as given
  const text = (dx: string, date: string) => build837(claim('P1', dx, ['SV1*HC:J9035*500*UN*10***1', `DTP*472*D8*${date}`]));

  test('G35, deleted at the FY2026 change, is fine on 2025-09-30 and an error on 2025-10-01 naming the new codes', () => {
    assert.deepEqual(runOne(unknownDiagnosis, text('ABK:G35', '20250930')), []);
    const t = text('ABK:G35', '20251001');
    const [d, ...rest] = runOne(unknownDiagnosis, t);
    assert.equal(rest.length, 0);
    assert.equal(atOne(t, d), 'G35');
    assert.equal(d.severity, 1);
    assert.match(d.message, /G35 was deleted from ICD-10-CM at the FY2026 change \(2025-09-30 was its last day\)\. It was "Multiple sclerosis" in FY2025; this claim is dated 2025-10-01, in FY2026/);
    assert.match(d.message, /FY2026 codes under it: G35\.A, G35\.D/);
  });

  test('E11.A, new in FY2026, did not exist yet on an FY2025 date', () => {
    assert.deepEqual(runOne(unknownDiagnosis, text('ABK:E11A', '20251001')), []);
    const [d] = runOne(unknownDiagnosis, text('ABK:E11A', '20250930'));
    assert.match(d.message, /E11\.A is new in FY2026 and did not exist on 2025-09-30 \(FY2025\)\. It is "Type 2 diabetes mellitus without complications in remission" from 2025-10-01/);
  });

  test('after FY2026 a code not in FY2026 is a warning that says how to import a newer year; before FY2025 it cannot tell', () => {
    const [after] = runOne(unknownDiagnosis, text('ABK:C7959', '20261001'));
    assert.equal(after.severity, 2);
    assert.match(after.message, /C79\.59 may be newer than ICD-10-CM FY2026, the newest year held\. FY2026 is for dates of service to 2026-09-30 and this claim is dated 2026-10-01.*Import the newer CDC ICD-10-CM codes file/);
    const [before] = runOne(unknownDiagnosis, text('ABK:C7959', '20240930'));
    assert.equal(before.severity, 3);
    assert.match(before.message, /ICD-10-CM FY2025, the oldest year held, cannot tell whether C79\.59 was valid on 2024-09-30\. FY2025 starts 2024-10-01/);
    assert.deepEqual(runOne(unknownDiagnosis, text('ABK:C7951', '20261001')), [], 'a code of FY2026 stays quiet after it');
  });
});

describe(`${UNKNOWN_DIAGNOSIS} when the year of the claim's date is listed but its table cannot be read`, () => {
  // FY2025 is in the manifest, but its file is missing or damaged (lazyTable told the user once, naming the file)
  const unreadable = fixtureCodeSet({ otherIcd10: [{ release: 'FY2025', load: () => undefined }] });
  const check = (text: string) =>
    createLanguageService({ codeSet: unreadable, guides, rules: [unknownDiagnosis] }).validate(TextDocument.create('file:///t.837', 'x12', 1, text), defaultSettings, {
      today: '2026-01-15',
    });
  const text = (dx: string, date: string) => build837(claim('P1', dx, ['SV1*HC:J9035*500*UN*10***1', `DTP*472*D8*${date}`]));

  test("one warning for the claim instead of every diagnosis called unknown", () => {
    assert.equal(unreadable.icd10Held('FY2025'), false);
    assert.equal(unreadable.icd10Held('FY2026'), true);
    const t = text('ABK:C61*ABF:C7951*ABF:G893', '20250305');
    const [d, ...rest] = check(t);
    assert.equal(rest.length, 0);
    assert.equal(d.severity, 2);
    assert.equal(atOne(t, d), 'C61');
    assert.match(String(d.message), /diagnoses are not checked\. It is dated 2025-03-05, in ICD-10-CM FY2025, and the FY2025 table could not be read/);
  });

  test('a claim dated in the year that is read is checked as always', () => {
    assert.deepEqual(check(text('ABK:C61*ABF:C7951', '20251015')), []);
    const [d] = check(text('ABK:C7959', '20251015'));
    assert.match(String(d.message), /C79\.59 is not an ICD-10-CM code in the FY2026 release/);
    assert.equal(codeSet.icd10Held('FY2025'), true, 'the fixture code set reads its FY2025');
  });
});
