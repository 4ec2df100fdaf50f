import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { syntax, SYNTAX } from '../../../../server/src/rules/envelope/syntax';
import { applyFix, at, claimFixture, edit, run } from './helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(SYNTAX, () => {
  test('a missing IEA is an error at the ISA, and the fix adds IEA with the group count and ISA13, in the file layout', () => {
    const noIea = edit(p, 'IEA*1*000004711~\n', '');
    const [f, ...rest] = run(syntax, noIea);
    assert.equal(rest.length, 0);
    assert.equal(f.severity, undefined, 'the rule default: error');
    assert.match(at(noIea, f), /^ISA\*00\*/);
    assert.match(f.message, /^Interchange 000004711 has no IEA trailer before the end of the file\. .*rejects the whole interchange \(TA1\)/);
    assert.equal(f.fixes?.[0].title, 'Add IEA*1*000004711');
    assert.equal(applyFix(noIea, f.fixes![0]), p);
  });

  test('a missing GE is an error at the GS; the fix adds GE with the transaction count and GS06 (one-line file)', () => {
    const noGe = edit(i, 'GE^1^388~', '');
    const [f, ...rest] = run(syntax, noGe);
    assert.equal(rest.length, 0);
    assert.match(at(noGe, f), /^GS\^HC\^/);
    assert.match(f.message, /^Functional group 388 has no GE trailer before the IEA\. .*rejects the group with every claim in it/);
    assert.equal(applyFix(noGe, f.fixes![0]), i);
  });

  test('both trailers missing and the last segment without its terminator: the fixes end it and add both, one after the other', () => {
    const cut = i.slice(0, i.indexOf('GE^1^388~') - 1);
    const fixes = run(syntax, cut).flatMap((f) => f.fixes ?? []);
    assert.deepEqual(fixes.map((f) => f.title), ['Add GE^1^388', 'Add IEA^1^000000388']);
    const withGe = applyFix(cut, fixes[0]);
    assert.equal(withGe, i.replace('IEA^1^000000388~', ''));
    const next = run(syntax, withGe).flatMap((f) => f.fixes ?? []);
    assert.deepEqual(next.map((f) => f.title), ['Add IEA^1^000000388']);
    assert.equal(applyFix(withGe, next[0]), i);
  });

  test('a missing SE stays a warning here (the guide rule x12/required-segment reports it as the error); a segment outside its envelope too', () => {
    const noSe = edit(p, 'SE*75*0001~\n', '');
    const [f] = run(syntax, noSe);
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /has no SE trailer before the GE/);
    assert.equal(f.fixes, undefined);
  });

  test('parse errors come through with their severity: no ISA, a repetition separator equal to another delimiter', () => {
    const [f] = run(syntax, 'GS*HC*A*B~');
    assert.match(f.message, /must start with an ISA segment/);
    assert.equal(f.severity, 'error');
    const same = edit(p, '*1030*^*00501*', '*1030*:*00501*');
    const [g] = run(syntax, same);
    assert.match(g.message, /The repetition separator ISA11 ":" is the same character as another delimiter/);
    assert.equal(g.severity, 'warning');
  });

  test('does not fire on well-formed files', () => {
    assert.deepEqual(run(syntax, p), []);
    assert.deepEqual(run(syntax, i), []);
  });
});
