/**
 * Issue 15, item 1: the notes scanner is linear. One line of `A0100 A9600 ` (codes with both the HCPCS and the
 * ICD-10-CM shape) was cubic (5.4 s at 10 KB, 53 s at 20 KB, the first hover in a 20 KB .txt blocked the server
 * for 48 s); `A9600 ` or `12345 ` on one line were quadratic. Time per character must stay about flat at 10x.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scanNote } from '../../server/src/parse/note';
import { growthPerCharacter, newService, realCodeSet, repeated } from './helpers';

// [what, repeated unit, small size]: the cubic case at 1 KB (the old scan took 5 s at 10 KB), the others larger.
// The old scan measured 62x, 10.7x, 5.7x, 7.9x and 4.7x on the first five; this one 0.6x to 1.7x.
const ATTACKS: [string, string, number][] = [
  ['codes in both code sets on one line', 'A0100 A9600 ', 1_000],
  ['one HCPCS code repeated on one line', 'A9600 ', 30_000],
  ['five digits repeated on one line', '12345 ', 10_000],
  ['three-character diagnoses on one line', 'dx C61 I10 ', 10_000],
  ['codes in both sets, one per line', 'A0100 A9600\n', 10_000],
  ['a heading every line', '# Diagnoses\nA0100 A9600\n', 10_000],
];

for (const [what, unit, size] of ATTACKS) {
  test(`note scan grows linearly: ${what} (${JSON.stringify(unit)} repeated, ${size / 1000} KB vs ${size / 100} KB)`, () => {
    const codeSet = realCodeSet();
    const ratio = growthPerCharacter(repeated(unit), (text) => scanNote(text, codeSet), size);
    assert.ok(ratio < 3.5, `time per character grew ${ratio.toFixed(1)}x at 10x the size (linear is about 1)`);
  });
}

test('the first hover in a 20 KB plain-text note of such codes answers (the scan behind it is linear)', () => {
  const service = newService();
  const text = repeated('A0100 A9600 ')(20_000);
  const doc = TextDocument.create('file:///attack/note.txt', 'plaintext', 1, text);
  const hover = service.hover(doc, { line: 0, character: 2 });
  assert.ok(hover, 'a hover on A0100');
  const ratio = growthPerCharacter(
    repeated('A0100 A9600 '),
    (t) => {
      const d = TextDocument.create(`file:///attack/n${t.length}-${Math.random()}.txt`, 'plaintext', 1, t);
      service.hover(d, { line: 0, character: 2 });
      service.forget(d.uri);
    },
    1_000,
  );
  assert.ok(ratio < 3.5, `hover time per character grew ${ratio.toFixed(1)}x at 10x the size`);
});
