import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseX12, reparseX12, applyEdit, allSegments, type X12Document } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { findAt } from '../../../server/src/model/query';
import { fixture } from './helpers';

const SEEDS = [fixture('837p-radiopharm.x12'), fixture('837i-outpatient-pipe.x12')];
const ALPHABET = ['*', ':', '^', '~', '|', '>', '\n', '\r', ' ', 'A', '9', 'ISA', 'CLM*', 'LX*1~', 'SV1*HC:', 'HL*', 'SE*', '\ufeff', '\u0000'];

function spansInside(doc: X12Document): void {
  const n = doc.text.length;
  const ok = (o: number, l: number) => assert.ok(o >= 0 && l >= 0 && o + l <= n, `span ${o}+${l} outside ${n}`);
  for (const e of doc.errors) ok(e.offset, e.length);
  for (const s of allSegments(doc)) {
    ok(s.offset, s.length);
    for (const e of s.elements) {
      ok(e.offset, e.length);
      for (const r of e.repetitions) for (const c of r.components) ok(c.offset, c.length);
    }
  }
  const model = buildClaimModel(doc);
  const check = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(check);
    const o = v as Record<string, unknown>;
    if (typeof o.offset === 'number' && typeof o.length === 'number') ok(o.offset, o.length);
    for (const k in o) check(o[k]);
  };
  check(model);
  for (let o = 0; o <= n; o += 13) findAt(doc, model, o);
}

const mutation = fc.record({
  seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
  at: fc.nat(),
  removed: fc.nat({ max: 40 }),
  inserted: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 8 }).map((a) => a.join('')),
});

test('mutated claim files never throw; all spans stay within the text', () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      let text = SEEDS[ms[0].seed];
      for (const m of ms) {
        const offset = m.at % (text.length + 1);
        text = applyEdit(text, { offset, removed: Math.min(m.removed, text.length - offset), inserted: m.inserted });
      }
      spansInside(parseX12(text));
    }),
    { numRuns: 300 },
  );
});

test('random text never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }), (a, b) => {
      spansInside(parseX12(a));
      spansInside(parseX12(b.join('')));
      spansInside(parseX12(SEEDS[0].slice(0, 106) + b.join('')));
    }),
    { numRuns: 300 },
  );
});

test('incremental re-parse always equals a full parse', () => {
  fc.assert(
    fc.property(mutation, (m) => {
      const text = SEEDS[m.seed];
      const offset = m.at % (text.length + 1);
      const edit = { offset, removed: Math.min(m.removed, text.length - offset), inserted: m.inserted };
      const { document } = reparseX12(parseX12(text), edit);
      const full = parseX12(applyEdit(text, edit));
      assert.deepEqual(Array.from(document.segments.starts.subarray(0, document.segments.count)), Array.from(full.segments.starts.subarray(0, full.segments.count)));
      assert.deepEqual(Array.from(document.segments.terms.subarray(0, document.segments.count)), Array.from(full.segments.terms.subarray(0, full.segments.count)));
      assert.deepEqual(allSegments(document).map((s) => s.id), allSegments(full).map((s) => s.id));
      assert.deepEqual(document.errors.map((e) => [e.code, e.offset, e.length]), full.errors.map((e) => [e.code, e.offset, e.length]));
    }),
    { numRuns: 500 },
  );
});
