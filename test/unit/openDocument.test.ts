// OpenDocument (server/src/openDocument.ts) answers as vscode-languageserver-textdocument's TextDocument does, with
// the analysis's line index: compared on random texts with \n, \r\n and lone \r breaks and random changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocument } from '../../server/src/openDocument';
import { LineIndex } from '../../server/src/core/text';
import { fuzz } from '../robustness/helpers';

const piece = fc.constantFrom('SV1*HC:J9035', '~', '\n', '\r\n', '\r', '*', 'é', '');
const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 20 }) });
const change = fc.record({ range: fc.record({ start: position, end: position }), text: fc.array(piece, { maxLength: 3 }).map((a) => a.join('')) });
/**
 * The change with its lines inside the document (what an editor sends): TextDocument's own line table goes wrong on a
 * range past the last line, which no client sends.
 */
const inside = (c: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }, lineCount: number) => {
  const fit = (p: { line: number; character: number }) => ({ line: Math.max(0, p.line) % lineCount, character: p.character });
  return { range: { start: fit(c.range.start), end: fit(c.range.end) }, text: c.text };
};

/** Whether offset o stands between the \r and the \n of one break (no LSP position is there). */
const insideBreak = (t: string, o: number) => o > 0 && t[o - 1] === '\r' && t[o] === '\n';

function sameAnswers(mine: OpenDocument, theirs: TextDocument): void {
  const t = theirs.getText();
  assert.equal(mine.getText(), t);
  assert.equal(mine.lineCount, theirs.lineCount);
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    assert.deepEqual(mine.getLineRange(line), theirs.getLineRange(line), `line range ${line}`);
    assert.equal(mine.getEOLCharacters(line), theirs.getEOLCharacters(line), `line break ${line}`);
    for (const character of [-1, 0, 1, 3, 100]) {
      const p = { line, character };
      assert.equal(mine.offsetAt(p), theirs.offsetAt(p), `offsetAt ${line}:${character}`);
    }
  }
  for (let o = -1; o <= t.length + 1; o++) {
    // LSP has no position between \r and \n: TextDocument answers one there, the line index the line's end
    if (!insideBreak(t, o)) assert.deepEqual(mine.positionAt(o), theirs.positionAt(o), `positionAt ${o}`);
  }
}

test('open document: the same answers as TextDocument on random texts and changes', () => {
  fc.assert(
    fc.property(text, fc.array(change, { maxLength: 5 }), (initial, changes) => {
      let mine = new OpenDocument('file:///a.837', 'x12', 1, initial);
      const theirs = TextDocument.create('file:///a.837', 'x12', 1, initial);
      sameAnswers(mine, theirs);
      for (const raw of changes) {
        const c = inside(raw, theirs.lineCount);
        mine = mine.applied(c, mine.version + 1).document;
        TextDocument.update(theirs, [c], theirs.version + 1);
        assert.equal(mine.version, theirs.version);
        sameAnswers(mine, theirs);
        // the shifted line index is the one the text would get
        assert.deepEqual([...mine.lineIndex().lineStarts], [...new LineIndex(mine.getText()).lineStarts]);
      }
    }),
    fuzz(300),
  );
});

test('open document: a change says what it replaced, in offsets of the text before it', () => {
  const before = new OpenDocument('file:///a.837', 'x12', 1, 'LX*1~\r\nSV1*HC:J9035*100~\n');
  // a reversed range is read start-first
  const { document, edit } = before.applied({ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 7 } }, text: 'J9036' }, 2);
  assert.deepEqual(edit, { offset: 14, removed: 5, inserted: 'J9036' });
  assert.equal(document.getText(), 'LX*1~\r\nSV1*HC:J9036*100~\n');
  assert.equal(document.version, 2);
  assert.equal(before.getText(), 'LX*1~\r\nSV1*HC:J9035*100~\n');
  // the line index is shared: what the analysis asks for is the document's own
  assert.equal(document.lineIndex(), document.lineIndex());
  assert.equal(document.withVersion(3).lineIndex(), document.lineIndex());
});
