import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { guideVersion, GUIDE_VERSION } from '../../../../server/src/rules/conformance/guideVersion';
import { codeValue } from '../../../../server/src/rules/conformance/codeValue';
import { applyFix, at, edit, P, I, run } from './helpers';

describe(GUIDE_VERSION, () => {
  test('fires once on the pre-addenda 005010X222, at ST03; the file is still checked; the fix names the adopted id', () => {
    const old = edit(edit(P, 'X*005010X222A1~', 'X*005010X222~'), 'ST*837*0001*005010X222A1~', 'ST*837*0001*005010X222~');
    const [f, ...rest] = run(guideVersion, old);
    assert.equal(rest.length, 0);
    assert.equal(at(old, f), '005010X222');
    assert.match(f.message, /"005010X222" is not a HIPAA-adopted version id for the 837P; this file is checked against the 837P guide \(005010X222A1\)/);
    assert.equal(guideVersion.defaultSeverity, 'error');
    assert.equal(f.fixes?.[0].title, 'Use 005010X222A1');
    // one finding for both, and its fix mends GS08 and ST03 at once
    assert.equal(applyFix(old, f.fixes![0]), P);
    // checked against the closest guide, and ST03's own code list does not say it a second time
    assert.deepEqual(run(codeValue, old), []);
    assert.equal(run(codeValue, edit(old, 'SBR*P*18*******MB~', 'SBR*P*18*******BM~')).length, 1);
  });

  test('fires on an 837I with 005010X223', () => {
    const old = edit(I, 'ST^837^0388^005010X223A2~', 'ST^837^0388^005010X223~');
    assert.match(run(guideVersion, old)[0].message, /checked against the 837I guide \(005010X223A2\)/);
  });

  test('fires at GS08 when only GS08 is the pre-addenda id (ST03 says 005010X222A1): the receiver picks the guide by GS08', () => {
    const old = edit(P, 'X*005010X222A1~', 'X*005010X222~');
    const [f, ...rest] = run(guideVersion, old);
    assert.equal(rest.length, 0);
    assert.equal(at(old, f), '005010X222');
    assert.ok(old.indexOf('GS*') < f.span.offset && f.span.offset < old.indexOf('ST*'), 'at GS08');
    assert.match(f.message, /GS08 "005010X222" is not a HIPAA-adopted version id; their ST03 says 005010X222A1/);
    assert.equal(applyFix(old, f.fixes![0]), P);
  });

  test("fires at GS08 when it names the other transaction's version (an 837I id over 837P transactions)", () => {
    const other = edit(P, 'X*005010X222A1~', 'X*005010X223A2~');
    const [f, ...rest] = run(guideVersion, other);
    assert.equal(rest.length, 0);
    assert.equal(at(other, f), '005010X223A2');
    assert.match(f.message, /GS08 "005010X223A2" is the version id of the 837I, not of this group's 837P transactions/);
    assert.equal(applyFix(other, f.fixes![0]), P);
  });

  test('does not fire on the adopted ids', () => {
    assert.deepEqual(run(guideVersion, P), []);
    assert.deepEqual(run(guideVersion, I), []);
  });
});
