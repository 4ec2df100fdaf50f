import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { levelWithoutClaim, LEVEL_WITHOUT_CLAIM } from '../../../../server/src/rules/conformance/levelWithoutClaim';
import { requiredLoop } from '../../../../server/src/rules/conformance/requiredLoop';
import { parseX12 } from '../../../../server/src/parse/x12';
import { buildClaimModel } from '../../../../server/src/model/claim';
import { build999 } from '../../../../server/src/conformance/ack999';
import { allIssues } from '../../../../server/src/conformance/check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../../server/src/service';
import { bundledGuides } from '../../../../server/src/guides/loader';
import { at, codeSet, edit, I, implementationGuides, P, run } from './helpers';

/** `text` without the stretch from `from` up to (not including) `to`: a claim deleted, its subscriber left. */
function without(text: string, from: string, to: string): string {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a);
  assert.ok(a >= 0 && b > a, `${from} .. ${to}`);
  return text.slice(0, a) + text.slice(b);
}

describe(LEVEL_WITHOUT_CLAIM, () => {
  test('fires on a subscriber with HL04 0 whose claim was removed (837P), on its HL segment; a warning with no 999 claim', () => {
    const broken = without(P, 'CLM*SVO-24001', 'HL*3*1*22*1~');
    const [f, ...rest] = run(levelWithoutClaim, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'HL*2*1*22*0');
    assert.match(f.message, /^loop 2000B Subscriber Hierarchical Level holds no claim: it has no loop 2300 Claim Information, and its HL04 0 says no level follows under it\./);
    assert.doesNotMatch(f.message, /rejects/);
    assert.equal(levelWithoutClaim.defaultSeverity, 'warning');
    // not an IK3 of the 999 either (the structure is valid: 2300 is situational under 2000B)
    // (with SE01 counting the segments left, so that the envelope is right)
    const transaction = broken.slice(broken.indexOf('ST*837'), broken.indexOf('GE*'));
    const counted = broken.replace(/SE\*\d+\*0001~/, `SE*${transaction.split('~').length - 1}*0001~`);
    const doc = parseX12(counted);
    const file = buildClaimModel(doc);
    const ack = build999(doc, file, allIssues(implementationGuides, doc, file), { date: '20260210', time: '0930', controlNumber: 7 });
    assert.match(ack, /IK5\*A~/);
  });

  test('fires on the 837I the same way, and on the last subscriber of a transaction (before SE)', () => {
    const broken = without(I, 'CLM^NB-OP-77121', 'SE^');
    const found = run(levelWithoutClaim, broken);
    assert.equal(found.length, 1);
    assert.equal(at(broken, found[0]), 'HL^3^1^22^0');
  });

  test('does not fire on the clean fixtures, on a subscriber whose claims are under its patient level, or on a patient level without a claim (x12/required-loop says that)', () => {
    assert.deepEqual(run(levelWithoutClaim, P), []);
    assert.deepEqual(run(levelWithoutClaim, I), []);
    // HL*3 (HL04 1) holds no claim of its own: its claim is under the patient level HL*4
    const noPatientClaim = without(P, 'CLM*SVO-24002', 'HL*5*1*22*0~');
    assert.deepEqual(run(levelWithoutClaim, noPatientClaim), []);
    assert.ok(run(requiredLoop, noPatientClaim).some((f) => /2300/.test(f.message)));
  });

  test('the language service follows edits: the claim deleted, an edit in another claim, the claim back; as a fresh check each time', () => {
    const service = createLanguageService({ codeSet, guides: bundledGuides() });
    const check = (svc: ReturnType<typeof createLanguageService>, uri: string, version: number, text: string) =>
      svc.validate(TextDocument.create(uri, 'x12', version, text), undefined, { today: '2026-02-10' }).filter((d) => d.code === LEVEL_WITHOUT_CLAIM).map((d) => d.range);
    const deleted = without(P, 'CLM*SVO-24001', 'HL*3*1*22*1~');
    const laterEdit = edit(deleted, 'REF*G1*CHP-77310~', 'REF*G1*CHP-773100~');
    let version = 0;
    for (const [text, fires] of [[P, false], [deleted, true], [laterEdit, true], [P, false]] as const) {
      const got = check(service, 'file:///edited.837', ++version, text);
      assert.deepEqual(got, check(createLanguageService({ codeSet, guides: bundledGuides() }), 'file:///fresh.837', 1, text), `version ${version}`);
      assert.equal(got.length, fires ? 1 : 0, `version ${version}`);
    }
  });
});
