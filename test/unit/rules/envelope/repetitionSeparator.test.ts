import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repetitionSeparator, REPETITION_SEPARATOR } from '../../../../server/src/rules/envelope/repetitionSeparator';
import { applyFix, at, claimFixture, edit, run } from './helpers';

const p = claimFixture('837p-oncology.837');
const i = claimFixture('837i-outpatient.837');
const P_ISA11 = '*1030*^*00501*';
const I_ISA11 = '^0800^{^00501^';

describe(REPETITION_SEPARATOR, () => {
  test('fires on the 4010 value U in a 00501 interchange, at ISA11; the fix sets "^"', () => {
    const old = edit(p, P_ISA11, '*1030*U*00501*');
    const [f, ...rest] = run(repetitionSeparator, old);
    assert.equal(rest.length, 0);
    assert.equal(at(old, f), 'U');
    assert.match(f.message, /^ISA11 is "U", the value version 00401 had here/);
    assert.match(f.message, /in version 00501 \(ISA12\) ISA11 is the repetition separator/);
    assert.match(f.message, /refuses the whole interchange \(TA1\)/);
    assert.equal(f.fixes?.[0].title, 'Set ISA11 to "^"');
    assert.equal(applyFix(old, f.fixes![0]), p);
  });

  test('the fix never offers a character the file already uses (here ^ is the element separator)', () => {
    const old = edit(i, I_ISA11, '^0800^U^00501^');
    const [f] = run(repetitionSeparator, old);
    assert.equal(f.fixes?.[0].title, 'Set ISA11 to "|"');
    const fixed = applyFix(old, f.fixes![0]);
    assert.equal(fixed, edit(i, I_ISA11, '^0800^|^00501^'));
    assert.deepEqual(run(repetitionSeparator, fixed), []);
  });

  test('fires on a digit or a space too', () => {
    const digit = edit(p, P_ISA11, '*1030*5*00501*');
    assert.match(run(repetitionSeparator, digit)[0].message, /^ISA11 is "5", but in version 00501/);
    const space = edit(p, P_ISA11, '*1030* *00501*');
    assert.match(run(repetitionSeparator, space)[0].message, /^ISA11 is a space, but/);
  });

  test('does not fire on a special character, nor on U in a 00401 interchange, where ISA11 is the standards identifier', () => {
    assert.deepEqual(run(repetitionSeparator, p), []);
    assert.deepEqual(run(repetitionSeparator, i), []);
    assert.deepEqual(run(repetitionSeparator, edit(p, P_ISA11, '*1030*U*00401*')), []);
  });
});
