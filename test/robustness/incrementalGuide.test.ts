/**
 * Incremental re-validation and the x12/ implementation-guide rules: whole segments removed, repeated, swapped or
 * given a wrong qualifier inside claims (guide faults: a required segment missing, a segment out of order or
 * repeated, a code not allowed) give after each edit the same diagnostics as a fresh validation of the final text.
 * The guide walk of the untouched claims is carried over, the touched claim and the file-level walk run again.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { claimFile, fuzz, newService } from './helpers';

const OPTIONS = { today: '2025-03-15' };

/** Segment boundaries of a text written one segment a line: [start, end) of each, its terminator and newline included. */
function segmentStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('~\n'); i >= 0; i = text.indexOf('~\n', i + 2)) out.push(i + 2);
  return out;
}

type Kind = 'remove' | 'repeat' | 'swap' | 'qualifier';
const editArb = fc.record({
  at: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  kind: fc.constantFrom<Kind>('remove', 'repeat', 'swap', 'qualifier'),
});

function applyGuideEdit(text: string, at: number, kind: Kind): string {
  const starts = segmentStarts(text);
  const k = Math.min(starts.length - 3, Math.max(3, Math.floor(at * starts.length)));
  const a = starts[k];
  const b = starts[k + 1];
  const c = starts[k + 2];
  const seg = text.slice(a, b);
  if (kind === 'remove') return text.slice(0, a) + text.slice(b);
  if (kind === 'repeat') return text.slice(0, b) + seg + text.slice(b);
  if (kind === 'swap') return text.slice(0, a) + text.slice(b, c) + seg + text.slice(c);
  // the first element's value replaced by a code no guide list has
  const star = seg.indexOf('*');
  if (star < 0) return text;
  const next = seg.indexOf('*', star + 1);
  const end = next < 0 ? seg.indexOf('~') : next;
  return text.slice(0, a) + seg.slice(0, star + 1) + 'Q9' + seg.slice(end) + text.slice(b);
}

test('guide faults made by edits inside claims: incremental validation equals a full one', () => {
  const base = claimFile(60_000, 5);
  let guideFindings = 0;
  fc.assert(
    fc.property(fc.array(editArb, { minLength: 1, maxLength: 4 }), (edits) => {
      const incremental = newService();
      let text = base;
      let doc = TextDocument.create('file:///inc/guide.837', 'x12', 1, text);
      incremental.validate(doc, undefined, OPTIONS);
      for (const e of edits) {
        text = applyGuideEdit(text, e.at, e.kind);
        doc = TextDocument.create(doc.uri, 'x12', doc.version + 1, text);
        const got = incremental.validate(doc, undefined, OPTIONS);
        const full = newService().validate(TextDocument.create(doc.uri, 'x12', 1, text), undefined, OPTIONS);
        assert.deepEqual(got, full);
        guideFindings += got.filter((d) => String(d.code).startsWith('x12/') && !['x12/syntax', 'x12/segment-count'].includes(String(d.code))).length;
      }
    }),
    fuzz(30),
  );
  // the edits did make guide findings (the comparison is not between two empty lists)
  assert.ok(guideFindings > 0);
});
