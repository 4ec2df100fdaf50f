import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseX12 } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { findAt, referenceDesignator } from '../../../server/src/model/query';
import { describeElement, describeComponent, describeValue, describeCode, describeSegment } from '../../../server/src/model/x12Dictionary';
import { fixture } from '../parse/helpers';

const P = fixture('837p-radiopharm.x12');
const I = fixture('837i-outpatient-pipe.x12');
const pDoc = parseX12(P);
const pModel = buildClaimModel(pDoc);

/** Location of the text marked with $0 inside `needle`, searched in P. */
function at(needle: string, text = P, doc = pDoc, model = pModel) {
  const plain = needle.replace('$0', '');
  const i = text.indexOf(plain);
  assert.ok(i >= 0, needle);
  return findAt(doc, model, i + needle.indexOf('$0'))!;
}

test('procedure code, modifier, units and pointers on an SV1 line', () => {
  const code = at('SV1*HC:A9$0600:JW');
  assert.equal(code.kind, 'procedureCode');
  assert.equal(code.value, 'A9600');
  assert.equal(code.reference, 'SV101-2');
  assert.equal(code.elementIndex, 1);
  assert.equal(code.componentIndex, 2);
  assert.equal(P.slice(code.span.offset, code.span.offset + code.span.length), 'A9600');
  assert.equal(code.claim?.patientControlNumber?.value, 'PCN1001');
  assert.equal(code.serviceLine?.lineNumber?.value, 1);

  const end = at('SV1*HC:A9600$0:JW');
  assert.equal(end.value, 'A9600', 'the end of a token counts as the token');
  const mod = at('SV1*HC:A9600:J$0W');
  assert.equal(mod.kind, 'modifier');
  assert.equal(mod.reference, 'SV101-3');
  const units = at('*750*UN*$02***1:2~');
  assert.equal(units.kind, 'units');
  assert.equal(units.reference, 'SV104');
  assert.equal(units.value, '2');
  const ptr = at('*UN*4***1:$02:3~');
  assert.equal(ptr.kind, 'diagnosisPointer');
  assert.equal(ptr.reference, 'SV107-2');
  assert.equal(ptr.diagnosis?.code.value, 'C61');
  assert.equal(ptr.serviceLine?.lineNumber?.value, 2);
});

test('diagnoses, dates, NDC, prior authorization, filing indicator, segment id', () => {
  const dx = at('HI*ABK:C7951*ABF:C$061');
  assert.equal(dx.kind, 'diagnosisCode');
  assert.equal(dx.reference, 'HI02-2');
  assert.equal(dx.diagnosis?.position, 2);
  assert.equal(at('HI*AB$0K:C7951').kind, 'diagnosisQualifier');
  assert.equal(at('DTP*472*D8*2025$00305').kind, 'date');
  assert.equal(at('LIN**N4*1234$05678901').kind, 'ndc');
  assert.equal(at('REF*G1*PA77$08899~').kind, 'priorAuthorization');
  assert.equal(at('SBR*P*18*******M$0B~').kind, 'claimFilingIndicator');
  const seg = at('C$0LM*PCN1001');
  assert.equal(seg.kind, 'segmentId');
  assert.equal(seg.elementIndex, 0);
  assert.equal(seg.claim?.patientControlNumber?.value, 'PCN1001');
  assert.equal(at('CLM*PCN1001*24$050').kind, 'totalCharge');
  assert.equal(at('CLM*PCN1001*2450***1$01:B:1').kind, 'placeOfService');
  // and the 837P's a place of service, even with the 837I's qualifier A
  const a = P.replace('*11:B:1*', '*11:A:1*');
  assert.notEqual(a, P);
  const aDoc = parseX12(a);
  assert.equal(at('CLM*PCN1001*2450***1$01:A:1', a, aDoc, buildClaimModel(aDoc)).kind, 'placeOfService');
  assert.equal(at('NM1*41*2*RIVER$0SIDE').claim, null);
});

test('institutional line with other delimiters', () => {
  const doc = parseX12(I);
  const model = buildClaimModel(doc);
  const q = (n: string) => at(n, I, doc, model);
  const code = q('SV2|0343|HC^A95$013^JZ');
  assert.equal(code.kind, 'procedureCode');
  assert.equal(code.reference, 'SV202-2');
  assert.equal(q('SV2|03$043|').kind, 'revenueCode');
  assert.equal(q('SV2|0343|HC^A9513^JZ|48000|UN|2$000~').kind, 'units');
  assert.equal(q('CLM|HOSP-OP-5521|48250.00|||1$03^A^1').kind, 'facilityCode');
  // the 837I's CLM05-1 is a facility type whatever CLM05-2 says (B, the 837P's qualifier, is x12/code-value's error)
  const wrong = I.replace('|13^A^1|', '|13^B^1|');
  assert.notEqual(wrong, I);
  const wrongDoc = parseX12(wrong);
  assert.equal(at('CLM|HOSP-OP-5521|48250.00|||1$03^B^1', wrong, wrongDoc, buildClaimModel(wrongDoc)).kind, 'facilityCode');
  assert.equal(buildClaimModel(wrongDoc).claims.get(0).placeOfService, null);
});

test('whitespace between segments and offsets outside the text give null', () => {
  const pretty = parseX12(P.replace(/\n/g, '\n   '));
  const i = pretty.text.indexOf('   GS');
  assert.equal(findAt(pretty, null, i + 1), null);
  assert.equal(findAt(pDoc, pModel, -1), null);
  assert.equal(findAt(pDoc, pModel, P.length + 10), null);
});

test('reference designators and dictionary', () => {
  assert.equal(referenceDesignator('SV1', 1, 2), 'SV101-2');
  assert.equal(referenceDesignator('HI', 12), 'HI12');
  assert.equal(describeElement('SV1', 4)?.name, 'Service unit count');
  assert.equal(describeComponent('SV1', 1, 3), 'Modifier 1');
  assert.equal(describeValue('SBR', 9, 1, 'MB'), 'Medicare Part B');
  assert.equal(describeValue('HI', 1, 1, 'ABK'), 'ICD-10-CM principal diagnosis');
  assert.equal(describeValue('SV1', 1, 1, 'HC'), 'HCPCS / CPT procedure code');
  assert.equal(describeValue('DTP', 1, 1, '472'), 'Service date');
  assert.equal(describeValue('NM1', 1, 1, 'QC'), 'Patient');
  assert.equal(describeValue('REF', 1, 1, 'G1'), 'Prior authorization number');
  assert.equal(describeValue('HL', 3, 1, '22'), 'Subscriber');
  assert.equal(describeValue('LIN', 2, 1, 'N4')?.startsWith('National Drug Code'), true);
  assert.equal(describeCode('unitBasis', 'MJ'), 'Minutes (anesthesia time)');
  assert.equal(describeCode('unitBasis', 'constructor'), undefined);
  assert.equal(describeSegment('toString'), undefined);
  for (const id of ['ISA', 'GS', 'ST', 'BHT', 'NM1', 'N3', 'N4', 'REF', 'HL', 'SBR', 'PAT', 'CLM', 'DTP', 'HI', 'LX', 'SV1', 'SV2', 'LIN', 'CTP', 'NTE', 'SE', 'GE', 'IEA', 'PRV', 'PER', 'DMG', 'CL1', 'AMT', 'HCP', 'K3', 'PWK'])
    assert.ok(describeSegment(id), id);
  for (let i = 1; i <= 16; i++) assert.ok(describeElement('ISA', i), `ISA${i}`);
});
