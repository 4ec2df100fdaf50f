/**
 * The ICD-10-CM codes column scanned in place (codeset/packedCodes.ts): it takes exactly what JSON.parse gives for
 * a list of codes of the ICD-10-CM form in strictly ascending order, looks codes up as a sorted array does, and
 * refuses anything else (the reader then reads the table whole, through zod). The importer's bytes, trusted (their
 * digest matched), answer the same without being scanned first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PackedCodes } from '../../../server/src/codeset/packedCodes';
import { columnBody } from '../../../server/src/codeset/stringify';

const bytes = (s: string) => Buffer.from(s, 'latin1');
/** The body of `text`'s array (between its brackets). */
function scanArray(text: string): PackedCodes | undefined {
  const b = bytes(text);
  return PackedCodes.scan(b, text.indexOf('[') + 1, text.lastIndexOf(']'));
}

test('the layout the importer writes, and any JSON white space: the same codes as JSON.parse', () => {
  for (const text of ['[\n"A000",\n"C7951",\n"Z5111"\n  ]', '["A000","C7951","Z5111"]', '[ "A000" ,\r\n\t"C7951",  "Z5111" ]']) {
    const packed = scanArray(text)!;
    assert.ok(packed, text);
    assert.deepEqual(packed.toArray(), JSON.parse(text));
    assert.equal(packed.length, 3);
  }
  assert.deepEqual(scanArray('[]')!.toArray(), []);
  assert.deepEqual(scanArray('[ \n ]')!.toArray(), []);
});

test('refused: another form, an escape, out of order, twice, a stray comma, a byte that is not ASCII', () => {
  for (const text of [
    '["A000","c7951"]',
    '["A000","C79.51"]',
    '["A0"]',
    '["A00000000"]',
    '["1000"]',
    '["A000","C79\\u0035"]',
    '["C7951","A000"]',
    '["A000","A000"]',
    '["A0001","A000"]',
    '["A000",]',
    '[,"A000"]',
    '["A000" "A001"]',
    '["A000",1]',
    '["A000","C79\u00c95"]',
    '["A000',
  ]) {
    assert.equal(scanArray(text), undefined, text);
  }
});

test('look-ups answer as a binary search over the sorted strings does (property)', () => {
  const code = fc.stringMatching(/^[A-Z][0-9A-Z]{2,6}$/);
  fc.assert(
    fc.property(fc.uniqueArray(code, { maxLength: 60 }), fc.array(code, { maxLength: 20 }), (codes, probes) => {
      const sorted = [...codes].sort();
      const packed = scanArray(JSON.stringify(sorted, null, 1))!;
      assert.ok(packed);
      assert.deepEqual(packed.toArray(), sorted);
      for (const p of [...sorted, ...probes, 'A', 'ZZZZZZZZ', '']) assert.equal(packed.indexOf(p), sorted.indexOf(p), p);
    }),
    { numRuns: 300 },
  );
});

test('the source bytes are copied: changing them later changes nothing', () => {
  const b = bytes('["A000","B111"]');
  const packed = PackedCodes.scan(b, 1, b.length - 1)!;
  b.fill(0x20);
  assert.deepEqual(packed.toArray(), ['A000', 'B111']);
});

test("the importer's bytes, trusted: found by a search over the lines, the same answers, rows scanned when first wanted (property)", () => {
  const code = fc.stringMatching(/^[A-Z][0-9A-Z]{2,6}$/);
  fc.assert(
    fc.property(fc.uniqueArray(code, { minLength: 1, maxLength: 60 }), fc.array(code, { maxLength: 20 }), (codes, probes) => {
      const sorted = [...codes].sort();
      const body = bytes(columnBody(sorted));
      const trusted = PackedCodes.trusted(body, 0, body.length);
      const checked = PackedCodes.scan(body, 0, body.length)!;
      for (const p of [...sorted, ...probes, 'A', 'ZZZZZZZZ', '']) {
        const at = trusted.positionOf(p);
        assert.equal(at, checked.positionOf(p), p);
        assert.equal(at < 0 ? -1 : trusted.codeAtPosition(at), sorted.includes(p) ? p : -1, p);
      }
      // no offsets were needed so far; rows now
      assert.deepEqual(trusted.toArray(), sorted);
      for (const p of [...sorted, ...probes]) assert.equal(trusted.indexOf(p), sorted.indexOf(p), p);
      for (let i = 0; i < sorted.length; i++) assert.equal(trusted.rowOf(trusted.startOf(i)), i);
    }),
    { numRuns: 300 },
  );
});
