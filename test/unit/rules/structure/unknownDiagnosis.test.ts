import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { billableChildren, unknownDiagnosis, UNKNOWN_DIAGNOSIS } from '../../../../server/src/rules/structure/unknownDiagnosis';
import { applyFix, at, claimFixture, codeSet, edit, run } from '../envelope/helpers';

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
