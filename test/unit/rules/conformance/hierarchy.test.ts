import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hierarchy, HIERARCHY } from '../../../../server/src/rules/conformance/hierarchy';
import { applyFix, at, edit, I, P, run } from './helpers';

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
    const found = run(hierarchy, withPatient);
    assert.ok(found.some((f) => /says in HL04 that it has no child levels \(0\)/.test(f.message)), found.map((f) => f.message).join('\n'));
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(hierarchy, P), []);
    assert.deepEqual(run(hierarchy, I), []);
  });
});
