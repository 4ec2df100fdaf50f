/**
 * Issue 15, item 14: lists in messages are capped. One medical-necessity message on a claim with 100,000
 * diagnoses was 1.79 MB long; now the first ten, then "... and 99,990 more".
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cappedList } from '../../server/src/core/capList';
import { newService } from './helpers';

function claimWithDiagnoses(count: number): string {
  const hi = ['HI', ...Array.from({ length: count }, (_, i) => `${i === 0 ? 'ABK' : 'ABF'}:E119`)].join('*');
  return [
    'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250310*0915*^*00501*000000101*0*T*:~',
    'GS*HC*SENDER*RECEIVER*20250310*0915*101*X*005010X222A1~',
    'ST*837*0001*005010X222A1~',
    'BHT*0019*00*B1*20250310*0915*CH~',
    'NM1*41*2*CLINIC*****46*X1~',
    'NM1*40*2*PAYER*****46*P1~',
    'HL*1**20*1~',
    'NM1*85*2*CLINIC*****XX*1234567893~',
    'HL*2*1*22*0~',
    'SBR*P*18*******MB~',
    'NM1*IL*1*PATIENT*TEST****MI*M1~',
    'NM1*PR*2*PAYER*****PI*P1~',
    'CLM*C1*100***11:B:1*Y*A*Y*Y~',
    `${hi}~`,
    'LX*1~',
    'SV1*HC:A9600:JZ*100*UN*1***1~',
    'DTP*472*D8*20250305~',
    'SE*16*0001~',
    'GE*1*101~',
    'IEA*1*000000101~',
  ].join('\n');
}

test('cappedList: the first ten, then "... and N more"', () => {
  assert.equal(cappedList(['a', 'b']), 'a, b');
  const many = Array.from({ length: 100_000 }, (_, i) => String(i));
  assert.equal(cappedList(many), '0, 1, 2, 3, 4, 5, 6, 7, 8, 9 ... and 99,990 more');
});

test('a medical-necessity message on a claim with 100,000 diagnoses stays short', () => {
  const service = newService();
  const doc = TextDocument.create('file:///capped/many.837', 'x12', 1, claimWithDiagnoses(100_000));
  const found = service.validate(doc, undefined, { today: '2025-03-15' });
  const necessity = found.find((d) => d.code === 'hcpcs/medical-necessity');
  assert.ok(necessity, found.map((d) => d.code).join(', '));
  const message = typeof necessity.message === 'string' ? necessity.message : necessity.message.value;
  assert.ok(message.length < 1_000, `${message.length} characters`);
  assert.match(message, /\.\.\. and 99,990 more/);
  for (const d of found) {
    const text = typeof d.message === 'string' ? d.message : d.message.value;
    assert.ok(text.length < 4_000, `${d.code}: ${text.length} characters`);
    assert.ok((d.relatedInformation?.length ?? 0) <= 10, `${d.code}: ${d.relatedInformation?.length} related`);
  }
});
