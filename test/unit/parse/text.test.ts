import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/core/text';

test('positions with LF, CRLF, lone CR and UTF-16 surrogates', () => {
  const text = 'ab\ncd\r\nef\rg😀h';
  const li = new LineIndex(text);
  assert.equal(li.lineCount, 4);
  assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(li.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(li.positionAt(5), { line: 1, character: 2 });
  assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
  assert.deepEqual(li.positionAt(text.indexOf('h')), { line: 3, character: 3 }); // the emoji counts 2
  assert.equal(li.offsetAt({ line: 1, character: 99 }), 5); // clamped before the CRLF
  assert.equal(li.offsetAt({ line: 9, character: 0 }), text.length);
  assert.deepEqual(li.positionAt(999), li.positionAt(text.length));
});

test('offsetAt(positionAt(o)) === o for every offset not inside a CRLF', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', '😀', '~', ' ') }), (text) => {
      const li = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        if (o > 0 && text[o - 1] === '\r' && text[o] === '\n') continue;
        assert.equal(li.offsetAt(li.positionAt(o)), o);
      }
    }),
  );
});
