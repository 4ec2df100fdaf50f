import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { characterSet, CHARACTER_SET } from '../../../../server/src/rules/conformance/characterSet';
import { dataType } from '../../../../server/src/rules/conformance/dataType';
import { parseX12 } from '../../../../server/src/parse/x12';
import { buildClaimModel } from '../../../../server/src/model/claim';
import { build999 } from '../../../../server/src/conformance/ack999';
import { allIssues } from '../../../../server/src/conformance/check';
import { applyFix, at, edit, I, implementationGuides, P, run } from './helpers';

describe(CHARACTER_SET, () => {
  test('fires on an accented letter in a name, names the character by its code point; the fix writes it without the accent', () => {
    const broken = edit(P, 'NM1*IL*1*HOLLOWAY*GRANT*', 'NM1*IL*1*HOLLOWAY*GR\u00c1NT*');
    const [f, ...rest] = run(characterSet, broken);
    assert.deepEqual(rest, []);
    assert.equal(at(broken, f), 'GR\u00c1NT');
    assert.match(f.message, /^loop 2010BA Subscriber Name, NM104 Subscriber First Name: "GR\u00c1NT" holds "\u00c1" \(U\+00C1\), which is outside the X12 character set/);
    assert.match(f.message, /Write it without accents \("GRANT"\)/);
    assert.match(f.message, /999 \(IK4 error 6, invalid character in data element\)/);
    assert.equal(f.fixes![0].title, 'Write "GRANT"');
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('fires on a control character (a tab) and on a typographic apostrophe, with no fix; a character past U+FFFF is named whole', () => {
    const tab = run(characterSet, edit(P, 'N3*48 BIRCH LANE~', 'N3*48\tBIRCH LANE~'));
    assert.equal(tab.length, 1);
    assert.match(tab[0].message, /^loop 2010BA Subscriber Name, N301 Subscriber Address Line holds a control character \(U\+0009, a tab\)/);
    assert.equal(tab[0].fixes, undefined);
    const quote = run(characterSet, edit(P, 'NM1*IL*1*HOLLOWAY*', 'NM1*IL*1*O\u2019HOLLOWAY*'));
    assert.equal(quote.length, 1);
    assert.match(quote[0].message, /holds "\u2019" \(U\+2019\).*typographic quotes/);
    assert.equal(quote[0].fixes, undefined);
    assert.match(run(characterSet, edit(P, 'N3*48 BIRCH LANE~', 'N3*48 BIRCH LANE \u{1F3E0}~'))[0].message, /holds "\u{1F3E0}" \(U\+1F3E0\)/u);
  });

  test('a number with a foreign character is this rule\'s, not x12/data-type\'s, and the 837I is checked the same way', () => {
    const broken = edit(P, 'CLM*SVO-24001*2160*', 'CLM*SVO-24001*21\u00a70*');
    assert.equal(run(characterSet, broken).length, 1);
    assert.deepEqual(run(dataType, broken), []);
    const i = run(characterSet, I.replace('NORTH BAY MEDICAL CENTER', 'NORTH BAY M\u00c9DICAL CENTER'));
    assert.ok(i.length >= 1 && i.every((f) => /"\u00c9" \(U\+00C9\)/.test(f.message)));
  });

  test('the 999 answers it with IK4 code 6 and no copy of the value', () => {
    const broken = edit(P, 'NM1*IL*1*HOLLOWAY*GRANT*', 'NM1*IL*1*HOLLOWAY*GR\u00c1NT*');
    const doc = parseX12(broken);
    const file = buildClaimModel(doc);
    const out = build999(doc, file, allIssues(implementationGuides, doc, file), { date: '20260210', time: '0930' });
    assert.match(out, /^IK3\*NM1\*\d+\*2010\*8~\nIK4\*4\*1036\*6~$/m);
    assert.ok(!/[^\x20-\x7e\n]/.test(out), 'the 999 holds no character outside the set');
  });

  test('does not fire on the extended character set, the separators in ISA11 / ISA16 (the 837I repeats with {), or the clean fixtures', () => {
    assert.deepEqual(run(characterSet, edit(P, 'N3*48 BIRCH LANE~', 'N3*48 birch lane #2 | @home [a_b] {c} $5 % <x> `y` \\z~')), []);
    assert.deepEqual(run(characterSet, P), []);
    assert.deepEqual(run(characterSet, I), []);
  });
});
