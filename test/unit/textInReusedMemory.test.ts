// textInReusedMemory.ts: a version's text joined through a byte buffer (Latin-1 texts over REUSED_MEMORY_MIN_LENGTH)
// or as JS strings (the rest) is always the plain concatenation of its pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLatin1, joinedText, REUSED_MEMORY_MIN_LENGTH, splicedText } from '../../server/src/textInReusedMemory';
import { OpenDocument } from '../../server/src/openDocument';
import { fuzz } from '../robustness/helpers';

// X12 pieces, Latin-1 letters, and characters Latin-1 cannot hold (a BMP letter, an emoji's surrogate pair, U+0100)
const piece = fc.constantFrom('SV1*HC:J9035', '~', '\n', '\r\n', '*', 'é', 'ÿ', '\u0100', 'ł', '😀', '\ud800', '');
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

test('isLatin1: every character U+0000 to U+00FF', () => {
  assert.equal(isLatin1(''), true);
  assert.equal(isLatin1('ISA*00*~\r\n\u0000\u00ff'), true);
  assert.equal(isLatin1('Ł'), false);
  assert.equal(isLatin1('a😀'), false);
  // a string V8 holds two bytes a character whose characters are all Latin-1 again
  assert.equal(isLatin1(('é\u0100' + 'abc').slice(2)), true);
});

test('splicedText and joinedText give the concatenation, through the buffer or not, told Latin-1 or left to find out', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), text, fc.constantFrom<boolean | undefined>(undefined, true), fc.constantFrom(0, REUSED_MEMORY_MIN_LENGTH), (t, a, n, inserted, told, minLength) => {
      const offset = a % (t.length + 1);
      const removed = n % (t.length - offset + 1);
      const expected = t.slice(0, offset) + inserted + t.slice(offset + removed);
      // `true` is only ever told for what is Latin-1
      const latin1 = told && isLatin1(t) && isLatin1(inserted) ? true : undefined;
      assert.equal(splicedText(t, offset, removed, inserted, latin1, minLength), expected);
      const pieces = [
        { s: t, from: offset, to: t.length },
        { s: inserted, from: 0, to: inserted.length },
        { s: t, from: 0, to: offset },
      ];
      assert.equal(joinedText(pieces, undefined, minLength), t.slice(offset) + inserted + t.slice(0, offset));
    }),
    fuzz(1000),
  );
});

test('a 2 MB claim text edited through OpenDocument: each version is the concatenation, Latin-1 or not', () => {
  const segment = 'SV1*HC:J9035*500*UN*10***1~\nDTP*472*D8*20250305~\n';
  const big = segment.repeat(Math.ceil((2 * REUSED_MEMORY_MIN_LENGTH) / segment.length));
  for (const [start, inserted] of [
    [big, 'X'],
    [big, 'é'],
    [`${big}Ł`, 'X'],
    [big, 'Ł'],
  ] as const) {
    let document = new OpenDocument('file:///big.837', 'x12', 1, start);
    let expected = start;
    for (let k = 0; k < 4; k++) {
      const line = 1000 + k * 7;
      const offset = document.offsetAt({ line, character: 3 });
      const next = document.applied({ range: { start: { line, character: 3 }, end: { line, character: 4 } }, text: inserted }, k + 2);
      expected = expected.slice(0, offset) + inserted + expected.slice(offset + 1);
      document = next.document;
      assert.equal(document.getText().length, expected.length);
      assert.ok(document.getText() === expected, `version ${k + 2} of a text starting ${JSON.stringify(start.slice(-1))}, inserting ${inserted}`);
      assert.deepEqual(document.positionAt(offset + inserted.length), { line, character: 3 + inserted.length });
    }
  }
});
