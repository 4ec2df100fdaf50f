/** Outline, folding and formatting of the project's 837P and 837I fixtures, with readable snapshots. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { applyEdits, claimDocument, languageService, matchSnapshot, readClaim, serviceFixtures } from './helpers';
import { FULL_OUTLINE_MAX_CLAIMS, OUTLINE_MAX_CLAIMS } from '../../server/src/features/symbols';

/** The 837P fixture with its claims repeated until the file holds at least `claims` claims (one transaction). */
function batchOf(claims: number): { text: string; claims: number } {
  const p = readClaim('837p-oncology.837');
  const head = p.slice(0, p.indexOf('HL*1**20*1~'));
  const body = p.slice(p.indexOf('HL*1**20*1~'), p.indexOf('SE*'));
  const repeats = Math.ceil(claims / 3);
  return { text: head + body.repeat(repeats) + p.slice(p.indexOf('SE*')), claims: repeats * 3 };
}

const service = languageService();
const snapshots = path.join(serviceFixtures, 'structure');

function renderSymbols(symbols: DocumentSymbol[], depth = 0): string {
  return symbols
    .map((s) => {
      const r = s.range;
      const own = `${'  '.repeat(depth)}${s.name} — ${s.detail ?? ''}  [${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}]`;
      return s.children?.length ? `${own}\n${renderSymbols(s.children, depth + 1)}` : own;
    })
    .join('\n');
}

function flat(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);
}

describe('outline', () => {
  test('837P: interchange > group > transaction > claims (PCN, total) > lines (code, modifiers, units)', () => {
    const doc = claimDocument(readClaim('837p-oncology.837'));
    const symbols = service.documentSymbols(doc);
    matchSnapshot(path.join(snapshots, '837p-oncology.outline.txt'), renderSymbols(symbols));
    const [interchange] = symbols;
    const tx = interchange.children![0].children![0];
    assert.equal(tx.name, '837P 0001');
    assert.deepEqual(tx.children!.map((c) => c.name), ['Claim SVO-24001', 'Claim SVO-24002', 'Claim SVO-24003']);
    assert.match(tx.children![1].detail!, /^\$4825\.50 · 2 lines/);
    assert.deepEqual(tx.children!.map((c) => c.children!.length), [3, 2, 2]);
    assert.equal(tx.children![0].children![2].name, '3 78803-26');
    assert.match(tx.children![0].children![1].detail!, /^10 UN/);
  });

  test('837I on a single line: every claim and line, selection ranges inside ranges', () => {
    const doc = claimDocument(readClaim('837i-outpatient.837'));
    const symbols = service.documentSymbols(doc);
    matchSnapshot(path.join(snapshots, '837i-outpatient.outline.txt'), renderSymbols(symbols));
    const all = flat(symbols);
    assert.deepEqual(all.filter((s) => s.name.startsWith('Claim')).map((s) => s.name), ['Claim NB-OP-77120', 'Claim NB-OP-77121']);
    assert.equal(all.filter((s) => /^\d+ /.test(s.name)).length, 5);
    for (const s of all) {
      const inside = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(inside(s.range.start, s.selectionRange.start) && inside(s.selectionRange.end, s.range.end), `${s.name}: selection outside range`);
    }
  });
});

describe('outline of a big batch', () => {
  test('claim level from the index: the same names and line counts as the full outline, no service lines', () => {
    const { text, claims } = batchOf(FULL_OUTLINE_MAX_CLAIMS + 3);
    const big = service.documentSymbols(claimDocument(text))[0].children![0].children![0].children!;
    assert.equal(big.length, claims);
    // the first claims of the small fixture, outlined in full
    const small = service.documentSymbols(claimDocument(readClaim('837p-oncology.837')))[0].children![0].children![0].children!;
    for (let i = 0; i < 3; i++) {
      assert.equal(big[i].name, small[i].name);
      assert.deepEqual(big[i].range, small[i].range);
      assert.deepEqual(big[i].selectionRange, small[i].selectionRange);
      const lines = small[i].children!.length;
      assert.equal(big[i].detail, `${small[i].detail!.split(' · ')[0]} · ${lines} line${lines === 1 ? '' : 's'}`);
      assert.equal(big[i].children, undefined);
    }
  });

  test(`at most ${OUTLINE_MAX_CLAIMS} claims, then one entry that says how many more`, () => {
    const { text, claims } = batchOf(OUTLINE_MAX_CLAIMS + 10);
    const listed = service.documentSymbols(claimDocument(text))[0].children![0].children![0].children!;
    assert.equal(listed.length, OUTLINE_MAX_CLAIMS + 1);
    const more = listed[OUTLINE_MAX_CLAIMS];
    assert.equal(more.name, `… ${claims - OUTLINE_MAX_CLAIMS} more claims`);
    assert.match(more.detail!, /first 5,000 claims/);
    // it covers the claims not listed: from the first one not listed to the end of the last
    assert.ok(more.range.start.line > listed[OUTLINE_MAX_CLAIMS - 1].range.end.line);
  });
});

describe('folding', () => {
  test("never more ranges than the client's limit: transactions and claims before HL loops and lines", () => {
    const text = readClaim('837p-oncology.837');
    const lines = text.split('\n');
    const all = service.foldingRanges(claimDocument(text));
    assert.ok(all.length > 6);
    const kinds = (rs: typeof all) => rs.map((r) => lines[r.startLine].slice(0, 3));
    assert.deepEqual(kinds(service.foldingRanges(claimDocument(text), 4)), ['ST*', 'CLM', 'CLM', 'CLM']);
    const six = service.foldingRanges(claimDocument(text), 6);
    assert.equal(six.length, 6);
    assert.deepEqual(kinds(six).sort(), ['CLM', 'CLM', 'CLM', 'HL*', 'HL*', 'ST*']);
    assert.deepEqual(service.foldingRanges(claimDocument(text), 0), []);
    // a big batch under VS Code's limit
    const big = batchOf(3000).text;
    const limited = service.foldingRanges(claimDocument(big), 5000);
    assert.equal(limited.length, 5000);
    assert.ok(service.foldingRanges(claimDocument(big)).length > 5000);
  });

  test('by transaction, HL loop, claim and service line', () => {
    const text = readClaim('837p-oncology.837');
    const ranges = service.foldingRanges(claimDocument(text));
    const lines = text.split('\n');
    const render = ranges.map((r) => `${r.startLine}-${r.endLine}\t${lines[r.startLine].slice(0, 24)}`).join('\n');
    matchSnapshot(path.join(snapshots, '837p-oncology.folding.txt'), render);
    const startsWith = (id: string) => ranges.filter((r) => lines[r.startLine].startsWith(id)).length;
    assert.equal(startsWith('CLM*'), 3);
    assert.equal(startsWith('LX*'), 7);
    assert.equal(startsWith('HL*'), 5);
    assert.equal(startsWith('ST*'), 1);
  });

  test('a single-line file has nothing to fold', () => {
    assert.deepEqual(service.foldingRanges(claimDocument(readClaim('837i-outpatient.837'))), []);
  });
});

describe('formatting', () => {
  const p = readClaim('837p-oncology.837');
  const i = readClaim('837i-outpatient.837');

  test('one segment per line keeps the delimiters (837I: ^ > { ~)', () => {
    const doc = claimDocument(i);
    const formatted = applyEdits(doc, service.format(doc, { tabSize: 2, insertSpaces: true }));
    matchSnapshot(path.join(snapshots, '837i-outpatient.formatted.837'), formatted);
    assert.equal(formatted.split('\n').length - 1, 58);
    assert.equal(formatted.replace(/\n/g, ''), i);
  });

  test('single line and back', () => {
    const doc = claimDocument(p);
    const single = applyEdits(doc, service.format(doc, { tabSize: 2, insertSpaces: true, singleLine: true }));
    assert.equal(single, p.replace(/\n/g, ''));
    const back = claimDocument(single);
    assert.equal(applyEdits(back, service.format(back, { tabSize: 2, insertSpaces: true })), p);
  });

  test('an already formatted file gives no edit; CRLF files stay CRLF; indentation goes', () => {
    assert.deepEqual(service.format(claimDocument(p), { tabSize: 2, insertSpaces: true }), []);
    const crlf = p.replace(/\n/g, '\r\n');
    assert.deepEqual(service.format(claimDocument(crlf), { tabSize: 2, insertSpaces: true }), []);
    const indented = p.replace(/\n(?!$)/g, '\n    ');
    const doc = claimDocument(indented);
    assert.equal(applyEdits(doc, service.format(doc, { tabSize: 2, insertSpaces: true })), p);
  });
});
