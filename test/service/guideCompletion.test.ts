import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { claimDocument, cursor } from './helpers';
import { codeSet, P } from '../unit/rules/conformance/helpers';

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
  // the line's date qualifier: only 472 (service date) in 2400
  assert.deepEqual(labels(P.replace('DTP*472*D8*20260202~', 'DTP*$0472*D8*20260202~')), ['472']);
  // the subscriber's state (2010BA): the external US state list
  assert.ok(labels(P.replace('N4*FAIRHAVEN*OR*974020000~', 'N4*FAIRHAVEN*$0OR*974020000~')).includes('OR'));
});
