import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseX12, reparseX12, applyEdit, allSegments, type X12Document } from '../../../server/src/parse/x12';
import { fixture, redelimit } from './helpers';

const P = fixture('837p-radiopharm.x12');
const I = fixture('837i-outpatient-pipe.x12');

/** Every segment/element/repetition/component span slices back to its value. */
function assertRoundTrip(doc: X12Document): void {
  for (const s of allSegments(doc)) {
    assert.equal(doc.text.slice(s.idSpan.offset, s.idSpan.offset + s.idSpan.length), s.id);
    for (const e of s.elements) {
      assert.equal(doc.text.slice(e.offset, e.offset + e.length), e.value);
      for (const r of e.repetitions) {
        assert.equal(doc.text.slice(r.offset, r.offset + r.length), r.value);
        for (const c of r.components) assert.equal(doc.text.slice(c.offset, c.offset + c.length), c.value);
      }
    }
  }
}

function ids(doc: X12Document): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.segments.count; i++) out.push(doc.segments.id(i));
  return out;
}

test('standard delimiters: * : ^ ~ with LF', () => {
  const doc = parseX12(P);
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(doc.delimiters, { element: '*', repetition: '^', component: ':', declaredComponent: ':', segment: '~' });
  assert.equal(doc.segments.count, 67);
  assert.equal(doc.segments.id(0), 'ISA');
  assert.equal(doc.segments.id(66), 'IEA');
  const sv1 = allSegments(doc).find((s) => s.id === 'SV1')!;
  assert.equal(sv1.elements[0].value, 'HC:A9600:JW::::Strontium sr-89 discarded');
  assert.deepEqual(sv1.elements[0].repetitions[0].components.map((c) => c.value), ['HC', 'A9600', 'JW', '', '', '', 'Strontium sr-89 discarded']);
  assert.equal(sv1.elements[3].value, '2');
  assertRoundTrip(doc);
});

test('pipe element separator, ^ component, { repetition', () => {
  const doc = parseX12(I);
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(doc.delimiters, { element: '|', repetition: '{', component: '^', declaredComponent: '^', segment: '~' });
  const sv2 = allSegments(doc).find((s) => s.id === 'SV2')!;
  assert.deepEqual(sv2.elements[1].repetitions[0].components.map((c) => c.value), ['HC', 'A9513', 'JZ']);
  assertRoundTrip(doc);
});

test('repetitions are split on ISA11', () => {
  const doc = parseX12(I.replace('HI|ABF^C787|ABF^E1165~', 'HI|ABF^C787{ABF^E1165~'));
  const hi = allSegments(doc).filter((s) => s.id === 'HI')[2];
  assert.deepEqual(hi.elements[0].repetitions.map((r) => r.value), ['ABF^C787', 'ABF^E1165']);
  assert.deepEqual(hi.elements[0].repetitions[1].components.map((c) => c.value), ['ABF', 'E1165']);
  assertRoundTrip(doc);
});

test('ISA elements are never split on the repetition or component separator', () => {
  const doc = parseX12(P);
  const isa = doc.segments.segment(0);
  assert.equal(isa.elements.length, 16);
  assert.equal(isa.elements[10].value, '^');
  assert.equal(isa.elements[15].value, ':');
  assert.equal(isa.elements[15].repetitions[0].components.length, 1);
});

test('BOM, CRLF, indentation, blank lines and trailing whitespace are tolerated', () => {
  const pretty = '\ufeff' + P.split('\n').map((l, i) => (i === 0 ? l : '    '.repeat(i % 3) + l)).join('\r\n\r\n') + '\r\n   \r\n';
  const doc = parseX12(pretty);
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(ids(doc), ids(parseX12(P)));
  assertRoundTrip(doc);
});

test('no line breaks at all, other delimiters', () => {
  const text = redelimit(P, '|', '>', '!', '\\');
  const doc = parseX12(text);
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(doc.delimiters, { element: '|', repetition: '!', component: '>', declaredComponent: '>', segment: '\\' });
  assert.equal(doc.segments.count, 67);
  assertRoundTrip(doc);
});

test('newline as segment terminator', () => {
  const text = P.replace(/~\n/g, '\n');
  const doc = parseX12(text);
  assert.equal(doc.delimiters?.segment, '\n');
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.segments.count, 67);
  assertRoundTrip(doc);
});

test('missing final terminator: warning, last segment kept', () => {
  const text = P.replace(/~\n$/, '\n\n');
  const doc = parseX12(text);
  assert.deepEqual(doc.errors.map((e) => e.code), ['missing-terminator']);
  assert.equal(doc.segments.count, 67);
  assert.equal(doc.segments.segment(66).elements[1].value, '000000101');
  assert.equal(doc.segments.terminatorOffset(66), -1);
});

test('error cases never throw and carry spans', () => {
  const cases: [string, string][] = [
    ['', 'no-isa'],
    ['hello world\nthis is not x12', 'no-isa'],
    ['ISA', 'short-isa'],
    ['ISA*00*          *00', 'short-isa'],
    [P.slice(0, 60), 'short-isa'],
    ['ISA100*', 'bad-delimiters'],
    [P.slice(0, 105), 'short-isa'],
  ];
  for (const [text, code] of cases) {
    const doc = parseX12(text);
    assert.ok(doc.errors.some((e) => e.code === code), `${JSON.stringify(text.slice(0, 30))}: ${JSON.stringify(doc.errors)}`);
    for (const e of doc.errors) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length);
  }
});

test('ISA only (terminated) parses as one segment', () => {
  const doc = parseX12(P.slice(0, 106));
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.segments.count, 1);
});

test('text before the ISA is reported, the rest is parsed', () => {
  const doc = parseX12('garbage line\n' + P);
  assert.deepEqual(doc.errors.map((e) => e.code), ['text-before-isa']);
  assert.equal(doc.segments.count, 67);
});

test('garbage bytes, empty segments and bad ids are reported, not thrown', () => {
  const text = P.replace('BHT*', '\u0000\u00ff@#*').replace('NM1*40', '~~nm1*40');
  const doc = parseX12(text);
  const codes = doc.errors.map((e) => e.code);
  assert.ok(codes.includes('bad-segment-id'));
  assert.ok(codes.includes('empty-segment'));
  const bad = doc.errors.find((e) => e.code === 'bad-segment-id')!;
  assert.equal(text.slice(bad.offset, bad.offset + bad.length), '\u0000\u00ff@#');
  assertRoundTrip(doc);
});

test('a segment with 500 elements', () => {
  const big = 'REF' + '*X:Y'.repeat(500) + '~';
  const text = P.replace('REF*EI*371234567~', big);
  const doc = parseX12(text);
  assert.deepEqual(doc.errors, []);
  const s = allSegments(doc).find((x) => x.elements.length === 500)!;
  assert.equal(s.elements[499].repetitions[0].components[1].value, 'Y');
  assertRoundTrip(doc);
});

test('truncated file: every prefix parses without throwing', () => {
  for (let n = 0; n <= P.length; n += 7) {
    const doc = parseX12(P.slice(0, n));
    for (const e of doc.errors) assert.ok(e.offset >= 0 && e.offset + e.length <= n);
    assertRoundTrip(doc);
  }
});

test('non-106 ISA is tolerated with a warning', () => {
  const text = P.replace('*ZZ*HCPCSLSPTEST   *', '*ZZ*HCPCSLSPTEST*');
  const doc = parseX12(text);
  assert.deepEqual(doc.errors.map((e) => e.code), ['isa-length']);
  assert.equal(doc.segments.count, 67);
});

test('declared ISA16 never used in composites: the used separator is detected, with a warning', () => {
  const text = P.replace('*T*:~', '*T*>~');
  const doc = parseX12(text);
  assert.equal(doc.delimiters?.component, ':');
  assert.equal(doc.delimiters?.declaredComponent, '>');
  const w = doc.errors.find((e) => e.code === 'component-separator-mismatch')!;
  assert.equal(w.severity, 'warning');
  assert.equal(text[w.offset], '>');
});

test('indexAt: extent of a segment includes leading whitespace and its terminator', () => {
  const doc = parseX12(P);
  const i = P.indexOf('CLM*PCN1001');
  const k = doc.segments.indexAt(i);
  assert.equal(doc.segments.id(k), 'CLM');
  assert.equal(doc.segments.indexAt(i - 1), k); // the newline before it
  assert.equal(doc.segments.indexAt(doc.segments.terms[k]), k);
  assert.equal(doc.segments.indexAt(P.length + 5), -1);
});

function sameSegments(a: X12Document, b: X12Document): void {
  assert.equal(a.segments.count, b.segments.count);
  for (let i = 0; i < a.segments.count; i++) {
    assert.equal(a.segments.starts[i], b.segments.starts[i], `start ${i}`);
    assert.equal(a.segments.terms[i], b.segments.terms[i], `term ${i}`);
    assert.equal(a.segments.id(i), b.segments.id(i));
  }
  assert.deepEqual(
    a.errors.map((e) => [e.code, e.offset, e.length]),
    b.errors.map((e) => [e.code, e.offset, e.length]),
  );
}

test('incremental re-parse equals a full parse', () => {
  const old = parseX12(P);
  const edits = [
    { offset: P.indexOf('A9600'), removed: 5, inserted: 'A9604' },
    { offset: P.indexOf('*2***1:2~'), removed: 2, inserted: '*12' },
    { offset: P.indexOf('LX*2~'), removed: 0, inserted: 'NTE*ADD*NEW NOTE~\n' },
    { offset: P.indexOf('LX*2~'), removed: 5, inserted: '' },
    { offset: P.indexOf('~', P.indexOf('LX*2')), removed: 1, inserted: '' }, // merge two segments
    { offset: P.indexOf('IEA'), removed: 0, inserted: '~~' },
    { offset: P.length - 2, removed: 2, inserted: '' }, // drop the last terminator
    { offset: 10, removed: 1, inserted: 'X' }, // in the ISA: full parse
  ];
  for (const edit of edits) {
    const { document, splice } = reparseX12(old, edit);
    const full = parseX12(applyEdit(P, edit));
    sameSegments(document, full);
    if (edit.offset > 106) {
      assert.ok(splice, `splice for ${JSON.stringify(edit)}`);
      assert.ok(splice.removedCount <= 3, JSON.stringify(splice));
    } else assert.equal(splice, null);
  }
});
