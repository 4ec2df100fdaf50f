import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseX12 } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { build999 } from '../../../server/src/conformance/ack999';
import { allIssues, checkTransactionsAgainst } from '../../../server/src/conformance/check';
import { edit, I, implementationGuides as guides, P } from '../rules/conformance/helpers';

function ack(text: string): string {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  return build999(doc, file, allIssues(guides, doc, file), { date: '20260210', time: '0930', controlNumber: 7 });
}

function selfCheck(ack999: string): string[] {
  const doc = parseX12(ack999);
  const file = buildClaimModel(doc);
  return checkTransactionsAgainst(guides, doc, file, guides.guide('005010X231A1')!).map((i) => i.message);
}

test('a clean 837P is accepted: AK2 ... IK5*A, AK9*A', () => {
  const out = ack(P);
  assert.match(out, /^AK1\*HC\*4711\*005010X222A1~$/m);
  assert.match(out, /^AK2\*837\*0001\*005010X222A1~\nIK5\*A~\nAK9\*A\*1\*1\*1~$/m);
  assert.deepEqual(selfCheck(out), []);
});

test('guide faults become IK3 / IK4 with the guide error codes (IK303 the loop id cut to the 4 characters element 447 holds); the transaction set is rejected (IK5 R, AK9 R)', () => {
  let broken = edit(P, 'SBR*P*18*******MB~', 'SBR*P*18*******BM~'); // invalid code value: IK4 7
  broken = edit(broken, 'DTP*472*D8*20260202~', 'DTP*472*D8*20261302~'); // invalid date: IK4 8
  broken = edit(broken, 'N3*220 ORCHARD AVENUE~\n', ''); // required segment missing: IK3 3 (2010AA)
  broken = edit(broken, 'XX*1234567893~', 'XX*1234567890~'); // bad NPI: not a 999 error (277CA)
  broken = edit(broken, 'SE*75*0001~', 'SE*74*0001~'); // the count of the segments left: the envelope is right
  const out = ack(broken);
  assert.match(out, /^IK3\*SBR\*\d+\*2000\*8~\nIK4\*9\*1032\*7\*BM~$/m);
  assert.match(out, /^IK3\*DTP\*\d+\*2400\*8~\nIK4\*3\*1251\*8\*20261302~$/m);
  assert.match(out, /^IK3\*N3\*\d+\*2010\*3~$/m);
  assert.doesNotMatch(out, /1234567890/);
  assert.match(out, /^IK5\*R\*I5~\nAK9\*R\*1\*1\*0~$/m);
  assert.deepEqual(selfCheck(out), []);
});

test('the 837I: a Not Used composite is IK4 I10 without a copy of the value', () => {
  const out = ack(edit(I, 'HI^ABK>C61~HI^ABF>C7951~', 'HI^ABK>C61^ABF>C7951~'));
  assert.match(out, /^IK3\*HI\*\d+\*2300\*8~\nIK4\*2\*\*I10~$/m);
  assert.deepEqual(selfCheck(out), []);
});

test('the 999 check itself catches a broken 999 (AK9 without its counts)', () => {
  const out = ack(P).replace('AK9*A*1*1*1~', 'AK9*A~');
  assert.ok(selfCheck(out).some((m) => /AK902 .* is required/.test(m)));
});

test('a subscriber HL04 0 with a patient level under it: IK3 on the subscriber HL (loop 2000), IK4 its HL04 with the value 0', () => {
  const broken = edit(P, 'HL*3*1*22*1~', 'HL*3*1*22*0~');
  const out = ack(broken);
  // the subscriber HL is the transaction's 3rd HL: its IK302 is its position in the set, counted from ST
  const lines = broken.slice(broken.indexOf('ST*837')).split('~\n');
  const position = lines.findIndex((s) => s.startsWith('HL*3*1*22*0')) + 1;
  assert.match(out, new RegExp(`^IK3\\*HL\\*${position}\\*2000\\*8~\\nIK4\\*4\\*736\\*7\\*0~$`, 'm'));
  assert.deepEqual(selfCheck(out), []);
});

test('the envelope faults of a transaction set are IK5 codes: 4 (SE01 not the segment count), 3 (SE02 not ST02), 2 (SE missing), beside I5', () => {
  const count = ack(edit(P, 'SE*75*0001~', 'SE*74*0001~'));
  assert.match(count, /^IK5\*R\*4~\nAK9\*R\*1\*1\*0~$/m);
  assert.deepEqual(selfCheck(count), []);
  const both = ack(edit(P, 'SE*75*0001~', 'SE*74*0002~'));
  assert.match(both, /^IK5\*R\*3\*4~$/m);
  // without SE the guide's walk also finds the segment missing (IK3 code 3): IK5 says both
  const noSe = ack(edit(P, 'SE*75*0001~\n', ''));
  assert.match(noSe, /^IK3\*SE\*\d+\*\*3~$/m);
  assert.match(noSe, /^IK5\*R\*2\*I5~$/m);
  assert.deepEqual(selfCheck(noSe), []);
});

test('the envelope faults of a functional group are AK9 codes and reject the group: 5 (GE01 not the count), 4 (GE02 not GS06), 3 (GE missing)', () => {
  const count = ack(edit(P, 'GE*1*4711~', 'GE*2*4711~'));
  assert.match(count, /^IK5\*A~\nAK9\*R\*1\*1\*0\*5~$/m);
  assert.deepEqual(selfCheck(count), []);
  assert.match(ack(edit(P, 'GE*1*4711~', 'GE*1*4712~')), /^AK9\*R\*1\*1\*0\*4~$/m);
  const noGe = ack(edit(P, 'GE*1*4711~\n', ''));
  assert.match(noGe, /^AK9\*R\*1\*1\*0\*3~$/m);
  assert.deepEqual(selfCheck(noGe), []);
});
