/**
 * Incremental re-validation gives exactly what a full validation gives: a document edited several times in a
 * row (the service re-parses only the touched segments, rebuilds only the touched claim and reuses the other
 * claims' findings) is compared with a fresh service that analyzes the final text from scratch.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../server/src/core/text';
import { composeEdits, diffTexts, updateLineIndex } from '../../server/src/analysis';
import { CoalescedDocuments } from '../../server/src/coalescedDocuments';
import { applyEdit } from '../../server/src/parse/x12';
import { claimFile, fuzz, newService } from './helpers';

const OPTIONS = { today: '2025-03-15' };
const PIECES = ['*', ':', '~', '\n', '\r\n', 'A', '9', 'JW', 'JZ', 'KX', '59', 'A9600', 'J1030', 'ZZZZZ', 'LX*9~', 'SV1*HC:J1100*10*UN*1***1~', 'DTP*472*D8*20240101~', 'HI*ABK:C61~', 'CLM*X*1***11:B:1~', 'HL*99*1*22*0~', 'SE*1*1~', '0', ''];

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.nat({ max: 40 }),
  inserted: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((xs) => xs.join('')),
});

test('diffTexts finds the one edited stretch', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), editArb, (base, e) => {
      const offset = Math.floor(e.at * base.length);
      const edit = { offset, removed: Math.min(e.removed, base.length - offset), inserted: e.inserted };
      const next = applyEdit(base, edit);
      assert.equal(applyEdit(base, diffTexts(base, next)), next);
    }),
    fuzz(300),
  );
  // long texts exercise the chunked compare
  const big = claimFile(300_000);
  const next = applyEdit(big, { offset: 150_001, removed: 7, inserted: 'XYZ' });
  const d = diffTexts(big, next);
  assert.equal(applyEdit(big, d), next);
  assert.ok(d.removed <= 7 && d.inserted.length <= 3);
});

test('updateLineIndex equals a fresh LineIndex (\\r, \\n and \\r\\n around the edit)', () => {
  const chars = fc.constantFrom('a', '\r', '\n', '\r\n', '~');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 60 }).map((x) => x.join('')), fc.nat(), fc.nat({ max: 6 }), fc.array(chars, { maxLength: 6 }).map((x) => x.join('')), (text, at, removed, inserted) => {
      const offset = text.length ? at % (text.length + 1) : 0;
      const edit = { offset, removed: Math.min(removed, text.length - offset), inserted };
      const next = applyEdit(text, edit);
      const updated = updateLineIndex(new LineIndex(text), next, edit);
      assert.deepEqual([...updated.lineStarts], [...new LineIndex(next).lineStarts]);
      assert.equal(updated.length, next.length);
    }),
    fuzz(1000),
  );
});

test('edits re-validated incrementally give the same diagnostics as a full validation', () => {
  const base = claimFile(120_000, 11);
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
      const incremental = newService();
      let text = base;
      let doc = TextDocument.create('file:///inc/batch.837', 'x12', 1, text);
      incremental.validate(doc, undefined, OPTIONS);
      let version = 1;
      for (const e of edits) {
        const offset = Math.floor(e.at * text.length);
        const edit = { offset, removed: Math.min(e.removed, text.length - offset), inserted: e.inserted };
        text = applyEdit(text, edit);
        doc = TextDocument.create(doc.uri, 'x12', ++version, text);
        const got = incremental.validate(doc, undefined, OPTIONS);
        const full = newService().validate(TextDocument.create('file:///inc/batch.837', 'x12', 1, text), undefined, OPTIONS);
        assert.deepEqual(got, full);
      }
    }),
    fuzz(40),
  );
});

test('composeEdits: the one stretch a run of edits replaces, applied to the old text, gives the new text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 120 }), fc.array(editArb, { minLength: 1, maxLength: 5 }), (base, raw) => {
      let text = base;
      const edits = raw.map((e) => {
        const offset = Math.floor(e.at * text.length);
        const edit = { offset, removed: Math.min(e.removed, text.length - offset), inserted: e.inserted };
        text = applyEdit(text, edit);
        return edit;
      });
      const composed = composeEdits(edits, base.length, text);
      assert.ok(composed);
      assert.equal(applyEdit(base, composed), text);
    }),
    fuzz(1000),
  );
  // edits that do not fit the texts are refused (the analysis then compares the texts)
  assert.equal(composeEdits([{ offset: 5, removed: 1, inserted: 'ab' }], 10, 'x'.repeat(10)), null);
  assert.equal(composeEdits([{ offset: 9, removed: 4, inserted: '' }], 10, 'x'.repeat(6)), null);
  assert.equal(composeEdits([], 10, 'x'.repeat(10)), null);
});

test('edits told by the change events (no diff) give the same diagnostics as a full validation', () => {
  const lf = claimFile(120_000, 11);
  const crlf = lf.replace(/\n/g, '\r\n');
  fc.assert(
    fc.property(fc.boolean(), fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), (withCrlf, batches) => {
      // line breaks as LF or CR LF (positions count a CR LF as one break, offsets as two characters)
      const base = withCrlf ? crlf : lf;
      const incremental = newService();
      const documents = new CoalescedDocuments();
      const uri = 'file:///inc/told.837';
      let version = 1;
      documents.open(uri, 'x12', version, base);
      incremental.validate(documents.get(uri)!, undefined, OPTIONS);
      for (const batch of batches) {
        // a batch of changes queued together, each as a range in the text the ones before it made
        let lines = TextDocument.create(uri, 'x12', 0, documents.get(uri)!.getText());
        let text = lines.getText();
        const changes = batch.map((e) => {
          // past the ISA (an edit there re-parses everything: no told edit is used after it)
          const offset = Math.floor((0.01 + 0.99 * e.at) * text.length);
          const edit = { offset, removed: Math.min(e.removed, text.length - offset), inserted: e.inserted };
          const change = { range: { start: lines.positionAt(edit.offset), end: lines.positionAt(edit.offset + edit.removed) }, text: edit.inserted };
          // the text as TextDocument makes it (a position cannot stand inside a CR LF: such an offset moves)
          lines = TextDocument.update(lines, [change], 0);
          text = lines.getText();
          return change;
        });
        documents.change(uri, ++version, changes);
        const doc = documents.get(uri)!;
        assert.equal(doc.getText(), text);
        const got = incremental.validate(doc, undefined, OPTIONS);
        const full = newService().validate(TextDocument.create(uri, 'x12', 1, text), undefined, OPTIONS);
        assert.deepEqual(got, full);
      }
    }),
    fuzz(30),
  );
});
