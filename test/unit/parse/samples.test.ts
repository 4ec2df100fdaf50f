import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseX12, allSegments } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { samples, samplesDir } from './helpers';

/** Claims / service lines per sample, from the shared data README (section 4). */
const EXPECTED: Record<string, [claims: number, lines: number, kind: string]> = {
  'oopfactory-x12parser/837P_5010_Example1_HealthInsurance.txt': [1, 4, '837P'],
  'oopfactory-x12parser/837P_5010_Example2_Encounter.txt': [1, 4, '837P'],
  'oopfactory-x12parser/837P_5010_Example3_COB.txt': [1, 3, '837P'],
  'oopfactory-x12parser/837P_5010_MedicaidExample.txt': [5, 10, '837P'],
  'oopfactory-x12parser/837I_5010_Spec_3.1.1.txt': [1, 2, '837I'],
  'oopfactory-x12parser/837I_5010_Spec_3.1.2_TwoClaimsForTheSameProvider.txt': [2, 3, '837I'],
  'oopfactory-x12parser/837I_5010_Spec_3.1.3_PPORepricedClaim.txt': [1, 2, '837I'],
  'oopfactory-x12parser/837I_5010_Spec_3.1.4_OutOfNetworkRepricedClaim.txt': [1, 1, '837I'],
  'imsweb-x12-parser/x12_complex.txt': [6, 10, '837P'],
  'imsweb-x12-parser/x223-test.txt': [1, 1, '837I'],
};

/** Samples whose ISA16 contradicts their composites (README section 4): read with the used separator, warned. */
const MISMATCHED: Record<string, [declared: string, used: string]> = {
  'oopfactory-x12parser/837I_5010_Spec_3.1.1.txt': ['^', ':'],
  'oopfactory-x12parser/837I_5010_Spec_3.1.3_PPORepricedClaim.txt': [':', '>'],
  'oopfactory-x12parser/837I_5010_Spec_3.1.4_OutOfNetworkRepricedClaim.txt': [':', '>'],
};

const all = samples();

test('shared X12 samples parse without syntax errors and give the documented claim/line counts', { skip: all ? false : `shared samples not found at ${samplesDir}` }, () => {
  for (const [name, text] of all!) {
    const doc = parseX12(text);
    const errors = doc.errors.filter((e) => e.severity === 'error');
    assert.deepEqual(errors, [], name);
    const m = MISMATCHED[name];
    if (m) {
      assert.equal(doc.delimiters?.declaredComponent, m[0], name);
      assert.equal(doc.delimiters?.component, m[1], name);
      assert.ok(doc.errors.some((e) => e.code === 'component-separator-mismatch'), name);
    } else {
      assert.deepEqual(doc.errors.filter((e) => e.code === 'component-separator-mismatch'), [], name);
    }
    const model = buildClaimModel(doc);
    const want = EXPECTED[name];
    if (!want) continue;
    assert.equal(model.claims.length, want[0], `${name} claims`);
    assert.equal(model.claims.reduce((n, c) => n + c.serviceLines.length, 0), want[1], `${name} lines`);
    for (const c of model.claims) {
      assert.equal(c.transactionKind, want[2], name);
      for (const l of c.serviceLines) assert.ok(l.procedureCode, `${name}: every line has a procedure code`);
    }
    for (const s of allSegments(doc)) for (const e of s.elements) assert.equal(text.slice(e.offset, e.offset + e.length), e.value);
  }
});

test('sample content spot checks', { skip: all ? false : 'shared samples not found' }, () => {
  const byName = new Map(all!);
  const cob = buildClaimModel(parseX12(byName.get('oopfactory-x12parser/837P_5010_Example3_COB.txt')!));
  assert.deepEqual(cob.claims.get(0).serviceLines.map((l) => l.procedureCode?.value).sort(), ['90782', '99213', 'J3301']);
  const complex = buildClaimModel(parseX12(byName.get('imsweb-x12-parser/x12_complex.txt')!));
  assert.equal(complex.interchanges[0].groups[0].transactions.length, 2);
  assert.ok(complex.claims.some((c) => c.serviceLines.some((l) => l.procedureCode?.value === '478331' && l.modifiers[0]?.value === '25')));
  const ppo = buildClaimModel(parseX12(byName.get('oopfactory-x12parser/837I_5010_Spec_3.1.3_PPORepricedClaim.txt')!));
  assert.deepEqual(ppo.claims.get(0).serviceLines.map((l) => l.procedureCode?.value).sort(), ['92557', '92567']);
});
