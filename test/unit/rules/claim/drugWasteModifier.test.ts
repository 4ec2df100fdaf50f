import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, build837, claim, codeSet, fixesOf, replaced, run } from './harness';
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

// Which container: CMS requires JW/JZ only on drugs from single-dose containers or single-use packages; the official
// files have no container field, so the rule reads what they do say (see wasteContainer in rules/claim/drugs.ts).
test('J9035 (bevacizumab, priced by NDC in the ASP crosswalk) is a warning naming the crosswalk; Add JZ still fixes it', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9035*100*UN*4***1', DOS]));
  const [d, ...rest] = run(drugWasteModifier, text);
  assert.equal(rest.length, 0);
  assert.equal(d.severity, 2, 'warning');
  assert.match(d.message, /crosswalk \(2026-01\) lists \d+ NDCs? for J9035 \(10 MG a unit/);
  assert.match(d.message, /single-dose container or single-use package/);
  assert.equal(applyFix(text, d, 'Add JZ'), replaced(text, 'SV1*HC:J9035*', 'SV1*HC:J9035:JZ*'));
});

test('a descriptor that says "per single use vial" (J9015 aldesleukin) is a warning quoting it', () => {
  const text = build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9015*100*UN*1***1', DOS]));
  const [d] = run(drugWasteModifier, text);
  assert.equal(d.severity, 2, 'warning');
  assert.match(d.message, /descriptor of J9015 says "single use vial"/);
});

test('insulin J1815 (no NDC in the crosswalk) and saline J7050 (billed by volume) are information, and say why', () => {
  const insulin = build837(claim('P1', 'ABK:E119', ['SV1*HC:J1815*10*UN*2***1', DOS]));
  const [i, ...r1] = run(drugWasteModifier, insulin);
  assert.equal(r1.length, 0);
  assert.equal(i.severity, 3, 'information');
  assert.match(i.message, /needs only from a single-dose container/);
  assert.match(i.message, /lists no NDC for J1815/);
  assert.equal(applyFix(insulin, i, 'Add JZ'), replaced(insulin, 'SV1*HC:J1815*', 'SV1*HC:J1815:JZ*'), 'the fix stays');
  const saline = build837(claim('P1', 'ABK:E119', ['SV1*HC:J7050*10*UN*1***1', DOS]));
  const [s] = run(drugWasteModifier, saline);
  assert.equal(s.severity, 3, 'information');
  assert.match(s.message, /bills J7050 by volume \(250 CC a unit\)[^.]*infusion solution, not a drug vial/);
  // a severity the user sets for the rule still wins
  const [set] = run(drugWasteModifier, saline, { settings: { rules: { 'hcpcs/drug-waste-modifier': 'warning' } } });
  assert.equal(set.severity, 2, 'warning');
});

test('the release backs the cases: J1815 and J7050 are pricing-51 drugs, J9015 says single use, J9035 is in the crosswalk', () => {
  assert.ok(codeSet.procedure('J1815')!.pricing.includes('51'));
  assert.ok(codeSet.procedure('J7050')!.pricing.includes('51'));
  assert.match(codeSet.procedure('J9015')!.longDescription, /single use vial/i);
  assert.equal(codeSet.asp()!.ndcsOf('J1815').length, 0);
  assert.equal(codeSet.asp()!.ndcsOf('J7050')[0].hcpcsDosage, '250 CC');
  assert.ok(codeSet.asp()!.ndcsOf('J9035').length > 0);
});
