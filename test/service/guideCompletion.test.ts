import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { claimDocument, cursor } from './helpers';
import { codeSet, I, P } from '../unit/rules/conformance/helpers';

const service = createLanguageService({ codeSet, guides: bundledGuides() });

function labels(textWithMarker: string): string[] {
  const { text, offset } = cursor(textWithMarker);
  const doc = claimDocument(text);
  return service.complete(doc, doc.positionAt(offset)).items.map((i) => i.label);
}

test('completion offers the codes the guide allows for the element in its loop', () => {
  // SBR09 claim filing indicator in 2000B: the guide's list, Medicare Part B among them
  const sbr09 = labels(P.replace('SBR*P*18*******MB~', 'SBR*P*18*******$0MB~'));
  assert.ok(sbr09.includes('MB') && sbr09.includes('CI') && !sbr09.includes('BM'), sbr09.join(','));
  // the line's date qualifier in 2400: the segment's own (472, service date) first, then every other DTP the guide
  // allows there, since changing 472 to 471 makes it another allowed segment
  const dtp01 = labels(P.replace('DTP*472*D8*20260202~', 'DTP*$0472*D8*20260202~'));
  assert.equal(dtp01[0], '472');
  assert.ok(dtp01.includes('471') && dtp01.includes('304') && !dtp01.includes('431'), dtp01.join(','));
  // a second DTP of the line: not 472 again (one per line)
  const second = labels(P.replace('DTP*472*D8*20260202~', 'DTP*472*D8*20260202~\nDTP*$0*D8*20260203~'));
  assert.ok(second.includes('471') && !second.includes('472'), second.join(','));
  // NM101 where the subscriber's name stands: the subscriber (2010BA), or the payer's loop (2010BB) that may follow
  assert.deepEqual(labels(P.replace('NM1*IL*', 'NM1*$0IL*')), ['IL', 'PR']);
  // HI qualifiers: HI01 of the claim's first HI (principal diagnosis, or another HI the guide allows there), HI02 the other diagnosis
  assert.deepEqual(labels(P.replace('HI*ABK:C61*', 'HI*$0ABK:C61*')), ['ABK', 'BK', 'BP', 'BG']);
  assert.deepEqual(labels(P.replace('HI*ABK:C61*ABF:', 'HI*ABK:C61*$0ABF:')), ['ABF', 'BF']);
  // the procedure qualifier: the guide's (no N4 in SV101-1 of the 837P; HP, the HIPPS rate code, in SV202-1 of the 837I)
  assert.deepEqual(labels(P.replace('SV1*HC:', 'SV1*$0HC:')), ['ER', 'HC', 'IV', 'WK']);
  assert.deepEqual(labels(I.replace('SV2^0636^HC', 'SV2^0636^$0HC')), ['ER', 'HC', 'HP', 'IV', 'WK']);
  // CLM05-2: only the qualifier of the claim's guide (B on the 837P, A on the 837I)
  assert.deepEqual(labels(P.replace('*11:B:1*', '*11:$0B:1*')), ['B']);
  assert.deepEqual(labels(I.replace('^13>A>1^', '^13>$0A>1^')), ['A']);
  // the subscriber's state (2010BA): the external US state list
  assert.ok(labels(P.replace('N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*$0OR*974020000~')).includes('OR'));
});

test('without the guide tables the procedure qualifiers come from the billing dictionary, which has no N4 (the NDC qualifier of LIN02, not of SV101-1)', () => {
  const withoutGuides = createLanguageService({ codeSet: { ...codeSet, implementationGuides: undefined }, guides: bundledGuides() });
  const { text, offset } = cursor(P.replace('SV1*HC:', 'SV1*$0HC:'));
  const doc = claimDocument(text);
  const offered = withoutGuides.complete(doc, doc.positionAt(offset)).items.map((i) => i.label);
  assert.ok(offered.includes('HC') && offered.includes('ER'), offered.join(','));
  assert.ok(!offered.includes('N4'), offered.join(','));
});
