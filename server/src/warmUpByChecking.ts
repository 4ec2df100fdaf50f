/**
 * Warm-up by checking: while the server is idle after start, it checks two small claim files of its own (an 837P
 * and an 837I, made up here, no patient's), so that what a first check reads or builds on first use is ready
 * before a real file arrives: the implementation guides of both kinds, the ICD-10-CM table of the earlier fiscal
 * year, the ASP crosswalk, the code facts, and the rule code compiled by the JavaScript engine.
 *
 * Speed trick. Protects: "didOpen -> first diagnostics" on a 10 MB file (protocol table in the README's benchmark):
 * about 100 ms of first-use work left the first answer. A file opened before the server is idle pays that work in
 * its own first check, as it did before.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Settings } from './core/settings';
import type { LanguageService } from './service';

/** Two claims: one dated in FY2025 with a drug line and its NDC, one dated in FY2026. */
const PROFESSIONAL = [
  'ISA*00*          *00*          *ZZ*WARMUP         *ZZ*WARMUP         *260101*0000*^*00501*000000001*0*T*:',
  'GS*HC*WARMUP*WARMUP*20260101*0000*1*X*005010X222A1',
  'ST*837*0001*005010X222A1',
  'BHT*0019*00*WARMUP1*20260101*0000*CH',
  'NM1*41*2*WARM UP SUBMITTER*****46*WU1',
  'PER*IC*WARM UP*TE*5555550100',
  'NM1*40*2*WARM UP RECEIVER*****46*WU2',
  'HL*1**20*1',
  'PRV*BI*PXC*207RX0202X',
  'NM1*85*2*WARM UP CLINIC*****XX*1234567893',
  'N3*1 MAIN STREET',
  'N4*ANYTOWN*OR*974010000',
  'REF*EI*930000000',
  'HL*2*1*22*0',
  'SBR*P*18*******MB',
  'NM1*IL*1*PATIENT*ONE****MI*1EG4TE5MK72',
  'N3*1 MAIN STREET',
  'N4*ANYTOWN*OR*974010000',
  'DMG*D8*19500101*F',
  'NM1*PR*2*MEDICARE PART B*****PI*02402',
  'CLM*WU-1*1700***11:B:1*Y*A*Y*Y',
  'HI*ABK:C61*ABF:C7951',
  'LX*1',
  'SV1*HC:J9035:JZ*1600*UN*10***1:2',
  'DTP*472*D8*20250115',
  'LIN**N4*50242006001',
  'CTP****4*ML',
  'LX*2',
  'SV1*HC:96413*100*UN*1***1',
  'DTP*472*D8*20250115',
  'CLM*WU-2*60***11:B:1*Y*A*Y*Y',
  'HI*ABK:I10',
  'LX*1',
  'SV1*HC:G0008*60*UN*1***1',
  'DTP*472*D8*20260105',
  'SE*34*0001',
  'GE*1*1',
  'IEA*1*000000001',
].join('~\n');

const INSTITUTIONAL = [
  'ISA*00*          *00*          *ZZ*WARMUP         *ZZ*WARMUP         *260101*0000*^*00501*000000002*0*T*:',
  'GS*HC*WARMUP*WARMUP*20260101*0000*2*X*005010X223A2',
  'ST*837*0002*005010X223A2',
  'BHT*0019*00*WARMUP2*20260101*0000*CH',
  'NM1*41*2*WARM UP SUBMITTER*****46*WU1',
  'PER*IC*WARM UP*TE*5555550100',
  'NM1*40*2*WARM UP RECEIVER*****46*WU2',
  'HL*1**20*1',
  'NM1*85*2*WARM UP HOSPITAL*****XX*1234567893',
  'N3*1 MAIN STREET',
  'N4*ANYTOWN*OR*974010000',
  'REF*EI*930000000',
  'HL*2*1*22*0',
  'SBR*P*18*******MA',
  'NM1*IL*1*PATIENT*TWO****MI*1EG4TE5MK73',
  'DMG*D8*19450101*M',
  'NM1*PR*2*MEDICARE PART A*****PI*04412',
  'CLM*WU-3*500***13:A:1**A*Y*Y',
  'DTP*434*RD8*20260105-20260105',
  'CL1*2*1*01',
  'HI*ABK:C50911',
  'LX*1',
  'SV2*0636*HC:J9035:JZ*500*UN*10',
  'DTP*472*D8*20260105',
  'SE*23*0002',
  'GE*1*2',
  'IEA*1*000000002',
].join('~\n');

/** Checks the two files once and forgets them (nothing is published: the results are thrown away). */
export function warmUpByChecking(service: LanguageService, settings: Settings): void {
  let n = 0;
  for (const text of [PROFESSIONAL, INSTITUTIONAL]) {
    const document = TextDocument.create(`hcpcs-warm-up:///claims-${++n}.837`, 'x12', 1, `${text}~\n`);
    service.validate(document, settings);
    service.forget(document.uri);
  }
}
