/** LineIndex: positions never fall between the \r and the \n of one line break (LSP counts a line without it). */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';

test('an offset between \\r and \\n is the end of its line, in positionAt and rangeOf', () => {
  const lines = new LineIndex('*\r\nX');
  assert.deepEqual(lines.positionAt(2), { line: 0, character: 1 });
  assert.deepEqual(lines.rangeOf(0, 2), { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  // a lone \r is a line break of its own: the offset after it starts the next line
  assert.deepEqual(new LineIndex('*\rX').positionAt(2), { line: 1, character: 0 });
  assert.deepEqual(new LineIndex('*\nX').positionAt(1), { line: 0, character: 1 });
});
