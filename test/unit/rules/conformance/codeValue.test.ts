import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeValue, CODE_VALUE } from '../../../../server/src/rules/conformance/codeValue';
import { applyFix, at, edit, I, P, run } from './helpers';

describe(CODE_VALUE, () => {
  test('fires on SBR09 BM in 2000B (not a claim filing indicator code)', () => {
    const broken = edit(P, 'SBR*P*18*******MB~', 'SBR*P*18*******BM~');
    const [f, ...rest] = run(codeValue, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), 'BM');
    assert.match(f.message, /loop 2000B Subscriber Hierarchical Level, SBR09 Claim Filing Indicator Code: "BM" is not a code the guide allows here/);
    assert.match(f.message, /IK4 error 7, invalid code value/);
  });

  test('fires on place of service 00 (the external place-of-service list) and on a state that is not one', () => {
    assert.match(run(codeValue, edit(P, 'CLM*SVO-24001*2160***11:B:1', 'CLM*SVO-24001*2160***00:B:1'))[0].message, /CLM05-1 Place of Service Code: "00" is not in the Place of Service/);
    assert.match(run(codeValue, edit(P, 'N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*QQ*974020000~'))[0].message, /N402 .*"QQ" is not in the US State or Province Codes list/);
  });

  test('fires on an ISA01 that is not 00 or 03; ISA11 is the repetition separator in 00501, never a code', () => {
    const broken = edit(P, 'ISA*00*', 'ISA*07*');
    const [f, ...rest] = run(codeValue, broken);
    assert.equal(rest.length, 0);
    assert.match(f.message, /ISA01 Authorization Information Qualifier: "07"/);
    assert.match(f.message, /rejects the whole interchange/);
    // the clean fixtures' ISA11 is ^ (P) and { (I): no finding (the clean-fixture test below)
  });

  test('the fix sets a code that has one allowed value (CLM05-2 B on the 837P, A on the 837I)', () => {
    const p = edit(P, '11:B:1', '11:X:1');
    const [f] = run(codeValue, p);
    assert.equal(f.fixes?.[0].title, 'Set CLM05-2 to B');
    assert.equal(applyFix(p, f.fixes![0]), P);
    const i = edit(I, '13>A>1', '13>B>1');
    assert.match(run(codeValue, i)[0].message, /CLM05-2 Facility Code Qualifier: "B" is not a code the guide allows here \(allowed: A\)/);
  });

  test('fires on a billing provider HL04 0 (2000A HL04 may only be 1: a subscriber level always follows); the fix sets it to 1', () => {
    const broken = edit(P, 'HL*1**20*1~', 'HL*1**20*0~');
    const [f, ...rest] = run(codeValue, broken);
    assert.deepEqual(rest, []);
    assert.equal(f.span.offset, broken.indexOf('HL*1**20*0~') + 'HL*1**20*'.length);
    assert.match(f.message, /^loop 2000A Billing Provider Hierarchical Level, HL04 Hierarchical Child Code: "0" is not a code the guide allows here \(allowed: 1\)/);
    assert.equal(f.fixes![0].title, 'Set HL04 to 1');
    assert.equal(applyFix(broken, f.fixes![0]), P);
    // HL04 0 is allowed on a subscriber (no patient level under it): not this rule's
    assert.deepEqual(run(codeValue, edit(P, 'HL*3*1*22*1~', 'HL*3*1*22*0~')), []);
  });

  test('fires on a DTP02 format qualifier the loop does not take (D8 for the 837I statement period)', () => {
    const broken = edit(I, 'DTP^434^RD8^20260202-20260202', 'DTP^434^D8^20260202');
    assert.match(run(codeValue, broken)[0].message, /DTP02 Date Time Period Format Qualifier: "D8" is not a code the guide allows here \(allowed: RD8\)/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(codeValue, P), []);
    assert.deepEqual(run(codeValue, I), []);
  });
});
