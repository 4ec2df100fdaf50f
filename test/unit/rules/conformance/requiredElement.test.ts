import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requiredElement, REQUIRED_ELEMENT } from '../../../../server/src/rules/conformance/requiredElement';
import { applyFix, at, edit, I, P, run } from './helpers';

describe(REQUIRED_ELEMENT, () => {
  test('fires on an empty CLM02 total charge, naming loop 2300 and the element', () => {
    const broken = edit(P, 'CLM*SVO-24001*2160***', 'CLM*SVO-24001****');
    const [f, ...rest] = run(requiredElement, broken);
    assert.equal(rest.length, 0);
    assert.match(f.message, /loop 2300 Claim Information, CLM02 Total Claim Charge Amount is required by the 837P guide \(005010X222A1\), but it is empty/);
    assert.match(f.message, /IK4 error 1, required data element missing/);
  });

  test('the fix fills a qualifier that has one allowed value (PRV02 PXC)', () => {
    const broken = edit(P, 'PRV*BI*PXC*207RX0202X~', 'PRV*BI**207RX0202X~');
    const [f] = run(requiredElement, broken);
    assert.equal(at(broken, f), 'PRV*BI**207RX0202X');
    assert.equal(f.fixes?.[0].title, 'Set PRV02 to PXC');
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('fires on a missing component (SV202-2 procedure code on the 837I)', () => {
    const broken = edit(I, 'SV2^0636^HC>J1100>JZ', 'SV2^0636^HC>>JZ');
    assert.match(run(requiredElement, broken)[0].message, /loop 2400 Service Line Number, SV202-2 Procedure Code is required/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(requiredElement, P), []);
    assert.deepEqual(run(requiredElement, I), []);
  });
});
