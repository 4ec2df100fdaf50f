/** Outline and folding by implementation-guide loop (issue 11): 2010AA, 2000B, 2310B, 2410 ... from the guide's placement. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { fixtureCodeSet } from '../fixtures/codeset';
import { claimDocument } from './helpers';
import { codeSet, P, I } from '../unit/rules/conformance/helpers';
import { LOOP_DETAIL_MAX_CLAIMS } from '../../server/src/features/guideLoops';

const service = createLanguageService({ codeSet, guides: bundledGuides() });
/** The same service without the guide tables: today's outline and folding. */
const plain = createLanguageService({ codeSet: fixtureCodeSet(), guides: bundledGuides() });

const transactionOf = (symbols: DocumentSymbol[]) => symbols[0].children![0].children![0];
const names = (symbols: DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);
const lines = (s: DocumentSymbol) => `${s.range.start.line}-${s.range.end.line}`;
const folds = (ranges: FoldingRange[]) => ranges.map((r) => `${r.startLine}-${r.endLine}`);

/** P with its claims repeated (one transaction) until it holds more than `claims` claims. */
function batchOf(claims: number): string {
  const head = P.slice(0, P.indexOf('HL*2*1*22*0~'));
  const body = P.slice(P.indexOf('HL*2*1*22*0~'), P.indexOf('SE*'));
  return head + body.repeat(Math.ceil(claims / 3) + 1) + P.slice(P.indexOf('SE*'));
}

function inside(child: DocumentSymbol, parent: DocumentSymbol): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(parent.range.start, child.range.start) && le(child.range.end, parent.range.end);
}

describe('outline by guide loop', () => {
  test('837P: header loops, HL levels with their 2010 loops beside the claims, 2300 and 2400 sub-loops under claims and lines', () => {
    const tx = transactionOf(service.documentSymbols(claimDocument(P)));
    assert.deepEqual(names(tx.children), [
      '1000A Submitter Name',
      '1000B Receiver Name',
      '2000A Billing Provider Hierarchical Level',
      '2000B Subscriber Hierarchical Level',
      'Claim SVO-24001',
      '2000B Subscriber Hierarchical Level',
      '2000C Patient Hierarchical Level',
      'Claim SVO-24002',
      '2000B Subscriber Hierarchical Level',
      'Claim SVO-24003',
    ]);
    const [submitter, , billing, subscriber, claim] = tx.children!;
    assert.equal(submitter.detail, 'SUNVALE ONCOLOGY ASSOCIATES');
    assert.deepEqual(names(billing.children), ['2010AA Billing Provider Name']);
    // the level by its own segments: HL*1 to the 2010AA's REF, not the claims after it
    assert.equal(lines(billing), '7-12');
    assert.equal(lines(billing.children![0]), '9-12');
    assert.deepEqual(names(subscriber.children), ['2010BA Subscriber Name', '2010BB Payer Name']);
    assert.equal(subscriber.children![0].detail, 'HOLLOWAY GRANT');
    assert.deepEqual(names(claim.children), ['2310B Rendering Provider Name', '1 A9600-JZ', '2 J1100-JZ', '3 78803-26']);
    assert.equal(claim.children![0].detail, 'ASHFORD JULIAN');
    // the claim and its lines say their loops
    assert.match(claim.detail!, /^2300 Claim Information · \$/);
    assert.match(claim.children![1].detail!, /^2400 Service Line Number · /);
    assert.equal(lines(claim.children![0]), '24-25');
    assert.deepEqual(names(claim.children![1].children), ['2410 Drug Identification']);
    assert.deepEqual(names(tx.children![6].children), ['2010CA Patient Name']);
  });

  test('nested sub-loops nest: 2320 Other Subscriber Information > 2330A, 2330B', () => {
    const secondary = P.replace('PRV*PE*PXC*2085N0700X~\n', 'PRV*PE*PXC*2085N0700X~\nSBR*S*18*******CI~\nOI***Y*P**Y~\nNM1*IL*1*HOLLOWAY*GRANT****MI*X1~\nN3*48 BIRCH LANE~\nNM1*PR*2*OTHER PAYER*****PI*99999~\n');
    assert.notEqual(secondary, P);
    const claim = transactionOf(service.documentSymbols(claimDocument(secondary))).children!.find((c) => c.name === 'Claim SVO-24001')!;
    assert.deepEqual(names(claim.children).slice(0, 3), ['2310B Rendering Provider Name', '2320 Other Subscriber Information', '1 A9600-JZ']);
    const other = claim.children![1];
    assert.deepEqual(names(other.children), ['2330A Other Subscriber Name', '2330B Other Payer Name']);
    assert.equal(lines(other), '26-30');
    assert.equal(lines(other.children![0]), '28-29');
    assert.ok(folds(service.foldingRanges(claimDocument(secondary))).includes('26-30'));
  });

  test('every loop symbol lies inside its parent, its selection inside itself (837P and the one-line 837I)', () => {
    for (const text of [P, I]) {
      const walk = (s: DocumentSymbol) => {
        for (const c of s.children ?? []) {
          assert.ok(inside(c, s), `${c.name} outside ${s.name}`);
          walk(c);
        }
        assert.ok(inside({ ...s, range: s.selectionRange }, s), `${s.name}: selection outside range`);
      };
      service.documentSymbols(claimDocument(text)).forEach(walk);
    }
    const tx = transactionOf(service.documentSymbols(claimDocument(I)));
    assert.deepEqual(names(tx.children!.find((c) => c.name === 'Claim NB-OP-77120')!.children).slice(0, 2), ['2310A Attending Provider Name', '1 J9035-JZ']);
  });

  test('a file whose version has no guide keeps the claim-level outline and folding', () => {
    const old = P.replaceAll('005010X222A1', '004010X098A1');
    assert.deepEqual(service.documentSymbols(claimDocument(old)), plain.documentSymbols(claimDocument(old)));
    assert.deepEqual(service.foldingRanges(claimDocument(old)), plain.foldingRanges(claimDocument(old)));
    assert.deepEqual(names(transactionOf(service.documentSymbols(claimDocument(old))).children), ['Claim SVO-24001', 'Claim SVO-24002', 'Claim SVO-24003']);
  });

  test(`above ${LOOP_DETAIL_MAX_CLAIMS} claims: the capped claim outline, no loops, and the transaction says so`, () => {
    const text = batchOf(LOOP_DETAIL_MAX_CLAIMS + 1);
    const guided = service.documentSymbols(claimDocument(text));
    assert.deepEqual(guided, plain.documentSymbols(claimDocument(text)));
    const tx = transactionOf(guided);
    assert.ok(tx.children!.every((c) => c.name.startsWith('Claim ') && c.children === undefined));
    assert.match(tx.detail!, /lines and guide loops shown up to 1,000 claims a file/);
  });
});

describe('folding by guide loop', () => {
  test('the sub-loops that span more than one line fold too (2010AA, 2010BA, 2310B, 2410); single-line ones do not', () => {
    const ranges = folds(service.foldingRanges(claimDocument(P)));
    for (const r of ['4-5', '9-12', '15-18', '24-25', '29-30', '46-49']) assert.ok(ranges.includes(r), `no fold ${r}`);
    // 1000B and 2010BB are one segment each
    assert.ok(!ranges.includes('6-6') && !ranges.includes('19-19'));
    assert.deepEqual(new Set(ranges).size, ranges.length);
  });

  test("sub-loops come last: under the client's limit the transactions, claims, HL loops and lines are kept first", () => {
    const doc = claimDocument(P);
    const base = plain.foldingRanges(doc);
    const all = service.foldingRanges(doc);
    assert.ok(all.length > base.length);
    assert.deepEqual(service.foldingRanges(doc, base.length), base);
    assert.deepEqual(service.foldingRanges(doc, base.length + 2), all.slice(0, base.length + 2));
    assert.deepEqual(folds(all.slice(base.length, base.length + 2)), ['4-5', '9-12']);
    assert.deepEqual(service.foldingRanges(doc, 3), plain.foldingRanges(doc, 3));
    // a big batch: the limit holds and no loop is walked past LOOP_DETAIL_MAX_CLAIMS claims
    const big = claimDocument(batchOf(LOOP_DETAIL_MAX_CLAIMS + 1));
    assert.equal(service.foldingRanges(big, 1000).length, 1000);
    assert.deepEqual(service.foldingRanges(big), plain.foldingRanges(big));
  });
});
