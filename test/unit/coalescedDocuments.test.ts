/**
 * Queued changes applied in one pass give the same text as applying them one by one (TextDocument.update): random
 * batches of insertions, deletions and replacements over several lines, with CR LF, lone CR and positions past a
 * line's end; and a full-text change in a batch.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CoalescedDocuments, applyAll } from '../../server/src/coalescedDocuments';
import type { EditedDocument } from '../../server/src/analysis';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['ISA*00~', 'CLM*A1*100~', '\n', '\r\n', '\r', 'SV1*HC:A9600*1~', 'x', '', 'NTE*ADD*TEXT~\n'];

function randomText(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

type Change = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };

function randomChange(r: () => number, doc: TextDocument): Change {
  const lines = doc.lineCount;
  const pos = () => ({ line: Math.floor(r() * (lines + 1)), character: Math.floor(r() * 30) });
  const a = pos();
  const b = r() < 0.5 ? a : pos();
  return { range: { start: a, end: b }, text: r() < 0.3 ? '' : randomText(r, 1 + Math.floor(r() * 3)) };
}

describe('coalesced document changes', () => {
  test('a batch applied at once equals the changes applied one by one (random, 300 batches)', () => {
    const r = rng(12);
    for (let round = 0; round < 300; round++) {
      const base = randomText(r, 5 + Math.floor(r() * 60));
      let expected = TextDocument.create('file:///a', 'x12', 1, base);
      const changes: Change[] = [];
      const n = 1 + Math.floor(r() * 40);
      for (let k = 0; k < n; k++) {
        const c = randomChange(r, expected);
        changes.push(c);
        expected = TextDocument.update(expected, [c], expected.version + 1);
      }
      assert.equal(applyAll(base, changes), expected.getText(), `round ${round}`);
    }
  });

  test('the store queues changes, reports the newest version, and builds the text once asked', () => {
    const docs = new CoalescedDocuments();
    const text = 'ISA*00~\nCLM*A1*100~\nSV1*HC:A9600*1~\n'.repeat(2000);
    docs.open('file:///b.837', 'x12', 1, text);
    let expected = TextDocument.create('file:///b.837', 'x12', 1, text);
    const changes: Change[] = [];
    for (let k = 0; k < 1000; k++) {
      const c = { range: { start: { line: 1000, character: 4 + k }, end: { line: 1000, character: 4 + k } }, text: 'Z' };
      changes.push(c);
      docs.change('file:///b.837', k + 2, [c]);
    }
    expected = TextDocument.update(expected, changes, 1001);
    assert.equal(docs.version('file:///b.837'), 1001);
    assert.equal(docs.queuedChanges('file:///b.837'), 1000);
    const doc = docs.get('file:///b.837')!;
    assert.equal(docs.queuedChanges('file:///b.837'), 0);
    assert.equal(doc.version, 1001);
    assert.equal(doc.getText(), expected.getText());
    // a full-text change in a batch: what came before it no longer matters
    docs.change('file:///b.837', 1002, [changes[0]]);
    docs.change('file:///b.837', 1003, [{ text: 'ISA*01~\n' }]);
    for (let k = 0; k < 6; k++) docs.change('file:///b.837', 1004 + k, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: String(k) }]);
    assert.equal(docs.get('file:///b.837')!.getText(), 'ISA543210*01~\n');
    assert.equal(docs.get('file:///unknown'), undefined);
    assert.equal(docs.change('file:///unknown', 2, []), false);
  });
  test('a version made from a few changes says which offset edits made it; a full text or many changes say nothing', () => {
    const docs = new CoalescedDocuments();
    const uri = 'file:///c.837';
    docs.open(uri, 'x12', 1, 'ISA*00~\r\nCLM*A1*100~\r\nSV1*HC:A9600*1~\r\n');
    // two changes in one batch: each in the text the one before it made (line 1 is CLM, a CR LF counts two)
    docs.change(uri, 2, [
      { range: { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } }, text: 'B22' },
      { range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, text: '0' },
    ]);
    const edited = docs.get(uri) as EditedDocument;
    assert.equal(edited.getText(), 'ISA*00~\r\nCLM*B22*100~\r\nSV1*HC:A9600*10~\r\n');
    assert.deepEqual(edited.edits, {
      fromVersion: 1,
      toVersion: 2,
      edits: [
        { offset: 13, removed: 2, inserted: 'B22' },
        { offset: 37, removed: 0, inserted: '0' },
      ],
    });
    // a full text: the analysis compares the texts
    docs.change(uri, 3, [{ text: 'ISA*01~\n' }]);
    assert.equal((docs.get(uri) as EditedDocument).edits, undefined);
    // more changes than are applied one by one (piece list): nothing told either
    for (let k = 0; k < 6; k++) docs.change(uri, 4 + k, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: String(k) }]);
    assert.equal((docs.get(uri) as EditedDocument).edits, undefined);
  });
});
