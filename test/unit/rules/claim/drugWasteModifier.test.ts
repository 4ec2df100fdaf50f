import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, fixesOf, replaced, run } from './harness';
import { drugWasteModifier } from '../../../../server/src/rules/claim/drugWasteModifier';

const DOS = 'DTP*472*D8*20260110';

test('a Medicare radiopharmaceutical line with neither JW nor JZ fires; the preferred fix adds JZ', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*4***1', DOS]));
  const [d, ...rest] = run(drugWasteModifier, text);
  assert.equal(rest.length, 0);
  assert.equal(at(text, d), 'A9600');
  const fixes = fixesOf(d);
  assert.equal(fixes[0].preferred, true);
  assert.equal(applyFix(text, d, 'Add JZ'), replaced(text, 'SV1*HC:A9600*', 'SV1*HC:A9600:JZ*'));
});

test('the split fix adds a JW line at the end of the claim, numbered after the last LX, and raises SE01', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*4***1', DOS, 'LIN**N4*12345678901', 'CTP****4*UN'], ['SV1*HC:G0008*20*UN*1***1', DOS]));
  const [d] = run(drugWasteModifier, text);
  const after = applyFix(text, d, 'Split');
  const expected = replaced(
    replaced(text, 'SV1*HC:G0008*20*UN*1***1~\n' + DOS + '~\n', 'SV1*HC:G0008*20*UN*1***1~\n' + DOS + '~\nLX*3~\nSV1*HC:A9600:JW*0*UN*1***1~\n' + DOS + '~\n'),
    'SE*25*0001',
    'SE*28*0001',
  );
  assert.equal(after, expected);
  // after the split the administered line is no longer reported; the JW line's placeholder charge of 0 is, until filled
  const [placeholder, ...others] = run(drugWasteModifier, after);
  assert.deepEqual(others, []);
  assert.match(placeholder.message, /The JW line for A9600 has a charge of 0\. Fill in the discarded units and their charge\./);
  assert.equal(at(after, placeholder), '0');
  const filled = after.replace('SV1*HC:A9600:JW*0*UN*1***1', 'SV1*HC:A9600:JW*25*UN*1***1');
  assert.deepEqual(run(drugWasteModifier, filled), [], 'filled in: quiet');
});

test('the split fix carries a snippet with tab stops on units (first) and charge, same text otherwise', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*4***1', DOS]));
  const [d] = run(drugWasteModifier, text);
  const split = fixesOf(d).find((f) => f.title.startsWith('Split'))!;
  const insert = split.edits[0];
  assert.ok(insert.snippet, 'snippet present');
  assert.match(insert.snippet, /SV1\*HC:A9600:JW\*\$\{2:0\}\*UN\*\$\{1:1\}\*\*\*1~/);
  // the snippet with its placeholders taken as written is exactly the plain insertion
  const plain = insert.snippet.replace(/\$\{\d:([^}]*)\}/g, '$1').replace(/\$0$/, '').replace(/\\([$}\\])/g, '$1');
  assert.equal(plain, insert.newText);
});

test('the split fix keeps the description and modifiers: JW goes after them', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9699:KX::::SM153 DOSE*100*UN*1***1', DOS]));
  const [d] = run(drugWasteModifier, text);
  assert.match(applyFix(text, d, 'Split'), /LX\*2~\nSV1\*HC:A9699:KX:JW:::SM153 DOSE\*0\*UN\*1\*\*\*1~/);
});

test('look-alikes do not fire: JZ or JW present, a commercial claim, a code that is not a drug', () => {
  const cases = [
    build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*100*UN*4***1', DOS])),
    build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*3***1', DOS], ['SV1*HC:A9600:JW*25*UN*1***1', DOS])),
    build837({ sbr09: 'CI', segments: claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*4***1', DOS]) }),
    build837(claim('P1', 'ABK:C7951', ['SV1*HC:G0008*100*UN*1***1', DOS])),
  ];
  for (const text of cases) assert.deepEqual(run(drugWasteModifier, text), []);
});

test('pricing indicator 51 drugs fire; with no SBR09 the hcpcs.payer setting decides', () => {
  const text = build837({ sbr09: '', segments: claim('P1', 'ABK:C7951', ['SV1*HC:J9035*100*UN*4***1', DOS]) });
  assert.equal(run(drugWasteModifier, text).length, 1);
  assert.equal(run(drugWasteModifier, text, { settings: { payer: 'commercial' } }).length, 0);
});
