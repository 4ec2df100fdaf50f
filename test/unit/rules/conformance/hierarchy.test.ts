import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { hierarchy, HIERARCHY } from '../../../../server/src/rules/conformance/hierarchy';
import { createLanguageService } from '../../../../server/src/service';
import { bundledGuides } from '../../../../server/src/guides/loader';
import { codeValue, CODE_VALUE } from '../../../../server/src/rules/conformance/codeValue';
import { applyFix, at, codeSet, edit, I, P, run } from './helpers';

/** The patient level of the fixture's second subscriber (HL*3*1*22*1): its HL through its DMG. */
const PATIENT = 'HL*4*3*23*0~\nPAT*01~\nNM1*QC*1*MERCER*TOBIAS~\nN3*7 HARBOR COURT~\nN4*FAIRHAVEN*OR*974030000~\nDMG*D8*19660411*M~\n';
const CHILD_FOLLOWS = /says in HL04 that child levels follow \(1\)/;

/** The fixture's first claim (CLM through the HL after it, not included): its subscriber HL*2 is left with none. */
function withoutFirstClaim(text: string, clm: string, nextHl: string): string {
  return text.slice(0, text.indexOf(clm)) + text.slice(text.indexOf(nextHl));
}

describe(HIERARCHY, () => {
  test('fires when a subscriber HL02 names another parent; the fix points it at the billing provider', () => {
    const broken = edit(P, 'HL*2*1*22*0~', 'HL*2*5*22*0~');
    const [f, ...rest] = run(hierarchy, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '5');
    assert.match(f.message, /loop 2000B Subscriber Hierarchical Level: HL02 says its parent is HL 5, but the level above it \(loop 2000A Billing Provider Hierarchical Level\) is HL 1/);
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('fires when a parent says it has no children (HL04 0) but a patient level follows', () => {
    const idx = P.indexOf('HL*3*');
    const sub = P.slice(idx, P.indexOf('~', idx));
    assert.ok(sub.length > 0);
    const withPatient = edit(P, 'NM1*PR*2*MEDICARE PART B*****PI*02402~\nCLM*SVO-24001', 'NM1*PR*2*MEDICARE PART B*****PI*02402~\nHL*3*2*23*0~\nPAT*19~\nNM1*QC*1*HOLLOWAY*ANNA~\nCLM*SVO-24001');
    const found = run(hierarchy, withPatient).filter((f) => /says in HL04 that it has no child levels \(0\)/.test(f.message));
    assert.equal(found.length, 1, run(hierarchy, withPatient).map((f) => f.message).join('\n'));
    const [f] = found;
    // the fault is the parent's HL04: the finding, its 999 and the fix are there, not on the child's HL
    assert.equal(at(withPatient, f), '0');
    assert.equal(f.span.offset, withPatient.indexOf('HL*2*1*22*0~') + 'HL*2*1*22*'.length);
    assert.match(f.message, /^loop 2000B Subscriber Hierarchical Level says in HL04 that it has no child levels \(0\), but loop 2000C Patient Hierarchical Level follows under it\. Set HL04 to 1\. The clearinghouse rejects the transaction set with a 999 \(IK4 error 7, invalid code value\)/);
    assert.equal(f.fixes![0].title, 'Set HL04 to 1');
    const fixed = applyFix(withPatient, f.fixes![0]);
    assert.ok(fixed.includes('HL*2*1*22*1~\nSBR'));
    assert.equal(run(hierarchy, fixed).filter((g) => /no child levels/.test(g.message)).length, 0);
  });

  test('a parent with HL04 0 and two levels under it is told once, on its own HL04', () => {
    // a second patient level (with no claim of its own) right before the first one
    const two = edit(edit(P, 'HL*3*1*22*1~', 'HL*3*1*22*0~'), PATIENT, `${PATIENT}${PATIENT}`);
    const found = run(hierarchy, two).filter((f) => /no child levels \(0\)/.test(f.message));
    assert.equal(found.length, 1);
    assert.equal(two.slice(found[0].span.offset - 'HL*3*1*22*'.length, found[0].span.offset + 1), 'HL*3*1*22*0');
  });

  test('fires when a subscriber says in HL04 that child levels follow (1) but no patient level comes; the fix sets HL04 to 0', () => {
    const broken = edit(P, 'HL*2*1*22*0~', 'HL*2*1*22*1~');
    const [f, ...rest] = run(hierarchy, broken);
    assert.deepEqual(rest, []);
    assert.equal(at(broken, f), '1');
    assert.equal(f.span.offset, broken.indexOf('HL*2*1*22*1~') + 'HL*2*1*22*'.length);
    assert.match(f.message, /^loop 2000B Subscriber Hierarchical Level says in HL04 that child levels follow \(1\), but no loop 2000C Patient Hierarchical Level comes under it\. The 837P guide \(005010X222A1\) wants HL04 0/);
    assert.match(f.message, /999 \(IK4 error 7, invalid code value\)/);
    assert.equal(f.fixes![0].title, 'Set HL04 to 0');
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('fires when a subscriber loses its patient level, and on the 837I', () => {
    const broken = edit(P, PATIENT, '');
    const found = run(hierarchy, broken).filter((f) => CHILD_FOLLOWS.test(f.message));
    assert.equal(found.length, 1);
    assert.equal(found[0].span.offset, broken.indexOf('HL*3*1*22*1~') + 'HL*3*1*22*'.length);
    const i = I.match(/HL\^(\d+)\^(\d+)\^22\^0~/);
    assert.ok(i, 'the 837I fixture has a subscriber without a patient level');
    const brokenI = edit(I, i[0], i[0].replace('^0~', '^1~'));
    const [fi, ...restI] = run(hierarchy, brokenI);
    assert.deepEqual(restI, []);
    assert.match(fi.message, /^loop 2000B Subscriber Hierarchical Level says in HL04 .* The 837I guide \(005010X223A2\)/);
    assert.equal(applyFix(brokenI, fi.fixes![0]), I);
  });

  test('fires when a billing provider says HL04 1 but no subscriber level follows before SE', () => {
    const cut = P.slice(0, P.indexOf('HL*2*1*22*0~')) + P.slice(P.indexOf('SE*'));
    const [f, ...rest] = run(hierarchy, cut);
    assert.deepEqual(rest, []);
    assert.equal(f.span.offset, cut.indexOf('HL*1**20*1~') + 'HL*1**20*'.length);
    assert.match(f.message, /^loop 2000A Billing Provider Hierarchical Level says in HL04 that child levels follow \(1\), but no loop 2000B Subscriber Hierarchical Level comes under it/);
    assert.equal(applyFix(cut, f.fixes![0]), cut.replace('HL*1**20*1~', 'HL*1**20*0~'));
  });

  test('does not fire when the child follows with a wrong HL02 (that is its own finding), or on HL04 0 without a child', () => {
    const wrongParent = edit(P, 'HL*4*3*23*0~', 'HL*4*9*23*0~');
    assert.deepEqual(run(hierarchy, wrongParent).filter((f) => CHILD_FOLLOWS.test(f.message)), []);
    assert.deepEqual(run(hierarchy, edit(edit(P, PATIENT, ''), 'HL*3*1*22*1~', 'HL*3*1*22*0~')).filter((f) => CHILD_FOLLOWS.test(f.message)), []);
  });

  test('the language service follows edits that remove and add the child level, and edits inside a claim after it', () => {
    const service = createLanguageService({ codeSet, guides: bundledGuides() });
    const fresh = (text: string) => createLanguageService({ codeSet, guides: bundledGuides() }).validate(TextDocument.create('file:///fresh.837', 'x12', 1, text), undefined, { today: '2026-02-10' });
    const mine = (ds: ReturnType<typeof fresh>) => ds.filter((d) => d.code === HIERARCHY).map((d) => ({ range: d.range, message: String(d.message) }));
    const noPatient = edit(P, PATIENT, '');
    // an edit inside the next claim (its REF): the file walk's findings are carried over, moved
    const laterEdit = edit(noPatient, 'REF*G1*CHP-77310~', 'REF*G1*CHP-773100~');
    let version = 0;
    for (const [text, fires] of [[P, false], [noPatient, true], [laterEdit, true], [P, false], [laterEdit, true]] as const) {
      const got = mine(service.validate(TextDocument.create('file:///edited.837', 'x12', ++version, text), undefined, { today: '2026-02-10' }));
      assert.deepEqual(got, mine(fresh(text)), `version ${version}`);
      assert.equal(got.some((d) => CHILD_FOLLOWS.test(d.message)), fires, `version ${version}`);
    }
  });

  test('does not fire on a billing provider HL04 0 with a subscriber under it: x12/code-value says it once, with the fix to 1', () => {
    // 2000A HL04 may only be 1, so the guide's code list already says it; a second finding (and a second 999 IK3,
    // on the subscriber's HL) came from the file walk when the subscriber HL is not part of any claim (no 2300)
    const p = edit(P, 'HL*1**20*1~', 'HL*1**20*0~');
    const i = edit(I, 'HL^1^^20^1~', 'HL^1^^20^0~');
    const shapes: [string, string, string][] = [
      [p, P, 'subscribers open claims (claim walks)'],
      [withoutFirstClaim(p, 'CLM*SVO-24001', 'HL*3*1*22*1~'), withoutFirstClaim(P, 'CLM*SVO-24001', 'HL*3*1*22*1~'), 'first subscriber without a claim (file walk)'],
      [i, I, 'the 837I'],
      [withoutFirstClaim(i, 'CLM^NB-OP-77120', 'HL^3^1^22^0~'), withoutFirstClaim(I, 'CLM^NB-OP-77120', 'HL^3^1^22^0~'), 'the 837I, first subscriber without a claim'],
    ];
    for (const [broken, clean, what] of shapes) {
      assert.deepEqual(run(hierarchy, broken).map((f) => f.message), [], what);
      const [f, ...rest] = run(codeValue, broken);
      assert.deepEqual(rest, [], what);
      assert.equal(f.ruleId, CODE_VALUE);
      assert.equal(at(broken, f), '0', what);
      assert.match(f.message, /^loop 2000A Billing Provider Hierarchical Level, HL04 Hierarchical Child Code: "0" is not a code the guide allows here \(allowed: 1\)\. .*999 \(IK4 error 7, invalid code value\)/, what);
      assert.equal(f.fixes![0].title, 'Set HL04 to 1');
      assert.equal(applyFix(broken, f.fixes![0]), clean, what);
    }
    // a subscriber HL04 0 with a patient level under it is still this rule's (HL04 0 is allowed there)
    const s = edit(P, 'HL*3*1*22*1~', 'HL*3*1*22*0~');
    assert.equal(run(hierarchy, s).filter((f) => /says in HL04 that it has no child levels \(0\)/.test(f.message)).length, 1);
    assert.equal(run(hierarchy, withoutFirstClaim(s, 'CLM*SVO-24002', 'HL*5*1*22*0~')).filter((f) => /says in HL04 that it has no child levels \(0\)/.test(f.message)).length, 1);
  });

  test('the language service follows edits of the billing provider HL04 and of the claims under it: one finding on the HL04, as a fresh check', () => {
    const service = createLanguageService({ codeSet, guides: bundledGuides() });
    const fresh = (text: string) => createLanguageService({ codeSet, guides: bundledGuides() }).validate(TextDocument.create('file:///fresh.837', 'x12', 1, text), undefined, { today: '2026-02-10' });
    const hlFindings = (ds: ReturnType<typeof fresh>) => ds.filter((d) => d.code === HIERARCHY || d.code === CODE_VALUE).map((d) => ({ code: d.code, range: d.range, message: String(d.message) }));
    const zero = edit(P, 'HL*1**20*1~', 'HL*1**20*0~');
    const noClaim = withoutFirstClaim(zero, 'CLM*SVO-24001', 'HL*3*1*22*1~');
    // an edit inside a claim (its REF): the file walk's findings are carried over
    const laterEdit = edit(zero, 'REF*G1*CHP-77310~', 'REF*G1*CHP-773100~');
    let version = 0;
    for (const [text, faults] of [[P, 0], [zero, 1], [laterEdit, 1], [noClaim, 1], [P, 0], [noClaim, 1], [zero, 1]] as const) {
      const got = hlFindings(service.validate(TextDocument.create('file:///edited.837', 'x12', ++version, text), undefined, { today: '2026-02-10' }));
      assert.deepEqual(got, hlFindings(fresh(text)), `version ${version}`);
      assert.equal(got.length, faults, `version ${version}: ${JSON.stringify(got)}`);
      if (faults) assert.deepEqual([got[0].code, got[0].range.start.line], [CODE_VALUE, 7], `version ${version}`);
    }
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(hierarchy, P), []);
    assert.deepEqual(run(hierarchy, I), []);
  });
});
