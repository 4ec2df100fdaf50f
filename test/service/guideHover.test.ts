import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { claimDocument, cursor } from './helpers';
import { codeSet, P, I } from '../unit/rules/conformance/helpers';

const service = createLanguageService({ codeSet, guides: bundledGuides() });

function hoverAt(textWithMarker: string): string {
  const { text, offset } = cursor(textWithMarker);
  const doc = claimDocument(text);
  const h = service.hover(doc, doc.positionAt(offset));
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

test('hover on an element names its loop, its name there, usage, type and length (the dictionary text stays)', () => {
  const text = hoverAt(P.replace('NM1*85*2*SUNVALE ONCOLOGY ASSOCIATES*****XX*1234567893~', 'NM1*85*2*SUNVALE ONCOLOGY ASSOCIATES*****XX*123456$07893~'));
  assert.match(text, /\*Loop 2010AA Billing Provider Name\* · NM109 Billing Provider Identifier: situational \(when the situation the guide describes applies\), text, 2 to 80 characters \(837P guide 005010X222A1\)/);
});

test('hover on a code element says whether the value is one of the loop\'s codes', () => {
  assert.match(hoverAt(P.replace('SBR*P*18*******MB~', 'SBR*P*18*******M$0B~')), /Loop 2000B Subscriber Hierarchical Level\* · SBR09 Claim Filing Indicator Code[\s\S]*`MB` is one of the codes the guide allows here/);
  assert.match(hoverAt(P.replace('SBR*P*18*******MB~', 'SBR*P*18*******B$0M~')), /`BM` is \*\*not\*\* one of the codes/);
});

test('hover on a segment id names the loop; on a taxonomy code its NUCC name; on the 837I its own guide', () => {
  assert.match(hoverAt(P.replace('\nLX*2~', '\nL$0X*2~')), /\*Loop 2400 Service Line Number\* · LX Service Line Number · required/);
  assert.match(hoverAt(P.replace('PRV*BI*PXC*207RX0202X~', 'PRV*BI*PXC*207RX$00202X~')), /Medical Oncology Physician \(NUCC taxonomy 25\.1/);
  assert.match(hoverAt(I.replace('CL1^2^1^01~', 'CL1^2^$01^01~')), /Loop 2300 Claim Information\* · CL102 .*\(837I guide 005010X223A2\)/);
});
