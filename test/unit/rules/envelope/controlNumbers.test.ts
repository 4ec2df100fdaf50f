import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { controlNumberMismatch, CONTROL_NUMBER_MISMATCH } from '../../../../server/src/rules/envelope/controlNumbers';
import { applyFix, at, claimFixture, edit, run } from './helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');

describe(CONTROL_NUMBER_MISMATCH, () => {
  test('SE02 differs from ST02: fires at SE02, the fix copies ST02', () => {
    const broken = edit(p, 'SE*75*0001~', 'SE*75*0002~');
    const [f, ...rest] = run(controlNumberMismatch, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '0002');
    assert.match(f.message, /SE02 is 0002 but ST02 is 0001/);
    assert.equal(at(broken, f.related![0]), '0001');
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('GE02 differs from GS06', () => {
    const broken = edit(i, 'GE^1^388~', 'GE^1^389~');
    const [f] = run(controlNumberMismatch, broken);
    assert.equal(at(broken, f), '389');
    assert.match(f.message, /GE02 is 389 but GS06 is 388/);
    assert.equal(applyFix(broken, f.fixes![0]), i);
  });

  test('IEA02 differs from ISA13 (also when it drops the leading zeros)', () => {
    const broken = edit(p, 'IEA*1*000004711~', 'IEA*1*4711~');
    const [f] = run(controlNumberMismatch, broken);
    assert.equal(at(broken, f), '4711');
    assert.match(f.message, /IEA02 is 4711 but ISA13 is 000004711/);
    assert.match(f.message, /rejects the whole file/);
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('a missing SE02 is filled in by the fix', () => {
    const broken = edit(p, 'SE*75*0001~', 'SE*75~');
    const [f] = run(controlNumberMismatch, broken);
    assert.match(f.message, /SE02 is empty/);
    assert.equal(applyFix(broken, f.fixes![0]), p);
  });

  test('all three at once give three findings', () => {
    let broken = edit(p, 'SE*75*0001~', 'SE*75*9~');
    broken = edit(broken, 'GE*1*4711~', 'GE*1*1~');
    broken = edit(broken, 'IEA*1*000004711~', 'IEA*1*000000001~');
    assert.deepEqual(run(controlNumberMismatch, broken).map((f) => at(broken, f)), ['000000001', '1', '9']);
  });

  test('does not fire on matching envelopes', () => {
    assert.deepEqual(run(controlNumberMismatch, p), []);
    assert.deepEqual(run(controlNumberMismatch, i), []);
  });
});
