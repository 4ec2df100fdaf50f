/**
 * Completion of the segment ids the implementation guide allows at a segment start (issue 11), over a language
 * service whose code set carries the committed guide tables of data/x12.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { build837 } from '../unit/rules/claim/harness';
import { codeSet, I } from '../unit/rules/conformance/helpers';
import { claimDocument } from './helpers';

const service = createLanguageService({ codeSet, guides: bundledGuides() });

/** Completion at `§` in a claim file's text; a `§` that stands for a segment of its own loses its terminator too (a segment being typed). */
function completeAt(t: string): CompletionItem[] {
  const offset = t.indexOf('§');
  const text = t.slice(0, offset) + t.slice(offset + (t[offset + 1] === '~' ? 2 : 1));
  const doc = claimDocument(text, 'segments.837');
  return [...service.complete(doc, doc.positionAt(offset)).items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
}

/** Completion where `§` stands in a file built by build837 from these claim segments. */
function segmentsAt(...segments: string[]): CompletionItem[] {
  return completeAt(build837(segments));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const description = (items: CompletionItem[], label: string) => items.find((i) => i.label === label)?.labelDetails?.description;

const CLM = 'CLM*P1*100***11:B:1*Y*A*Y*Y';
const HI = 'HI*ABK:C7951';
const SV1 = 'SV1*HC:J9035*100*UN*1***1';

describe('segment completion (issue 11)', () => {
  test('after CLM: the required HI and the LX of the required 2400 first, then the 2300 segments and loops in guide order', () => {
    const items = segmentsAt(CLM, '§');
    const all = labels(items);
    assert.deepEqual(items.filter((i) => String(i.sortText).startsWith('0')).map((i) => i.label), ['HI*ABK', 'HI*BK', 'LX'], all.slice(0, 6).join(' '));
    assert.match(String(items.find((i) => i.label === 'LX')!.detail), /opens 2400 Service Line Number, Required, not yet present/);
    assert.equal((items.find((i) => i.label === 'LX')!.textEdit as TextEdit).newText, 'LX*');
    // a composite qualifier goes on with the component separator
    assert.equal((items.find((i) => i.label === 'HI*ABK')!.textEdit as TextEdit).newText, 'HI*ABK:');
    for (const l of ['DTP*431', 'REF*G1', 'NTE*ADD', 'NM1*82', 'CLM', 'SE']) assert.ok(all.includes(l), `${l} offered: ${all.join(' ')}`);
    // guide order after the required ones: DTP before REF before NTE before 2310B; the next claim (CLM) and SE after
    const at = (l: string) => all.indexOf(l);
    assert.ok(at('DTP*431') < at('REF*G1') && at('REF*G1') < at('NTE*ADD') && at('NTE*ADD') < at('NM1*82') && at('NM1*82') < at('CLM') && at('CLM') < at('SE'), all.join(' '));
    assert.equal(description(items, 'NM1*82'), 'Rendering Provider Name (2310B)');
    assert.match(String(items.find((i) => i.label === 'NM1*82')!.detail), /opens 2310B Rendering Provider Name, Situational$/);
    assert.equal((items.find((i) => i.label === 'NM1*82')!.textEdit as TextEdit).newText, 'NM1*82*');
    assert.ok(!all.includes('NM1*85'), 'no 2010AA inside a claim');
  });

  test('after CLM and HI: LX first; what the guide puts before HI, and HI*ABK again, are no longer offered', () => {
    const items = segmentsAt(CLM, HI, '§');
    const all = labels(items);
    assert.equal(items[0].label, 'LX', all.slice(0, 5).join(' '));
    assert.ok(all.includes('HI*BP') && all.includes('NM1*82') && all.includes('CLM'), all.join(' '));
    assert.ok(!all.includes('DTP*431') && !all.includes('REF*G1'), 'the guide puts DTP and REF before HI in 2300');
    assert.ok(!all.includes('HI*ABK') && !all.includes('HI*BK'), 'the principal diagnosis HI is used once');
  });

  test('after SV1 in 2400: DTP*472 first (required, not yet given); nothing from 2010AA or the 2300 segments', () => {
    const items = segmentsAt(CLM, HI, 'LX*1', SV1, '§');
    assert.equal(items[0].label, 'DTP*472');
    assert.equal(description(items, 'DTP*472'), 'Date - Service Date (2400)');
    assert.equal((items[0].textEdit as TextEdit).newText, 'DTP*472*');
    assert.equal(description(items, 'NM1*82'), 'Rendering Provider Name (2420A)', 'the line-level rendering provider, not 2310B');
    assert.ok(labels(items).includes('LX'), 'the next service line');
    assert.ok(!items.some((i) => /\((2010A|2310)/.test(String(i.labelDetails?.description))), labels(items).join(' '));
    assert.ok(!labels(items).includes('HI*BP'), 'no 2300 segment once a 2400 began (a new claim, CLM, may come)');
    assert.ok(!labels(items).includes('SV1'), 'SV1 is used once a line');
  });

  test('once DTP*472 is given it is no longer offered, nor first', () => {
    const items = segmentsAt(CLM, HI, 'LX*1', SV1, 'DTP*472*D8*20260110', '§');
    assert.ok(!labels(items).includes('DTP*472'));
    assert.ok(!items.some((i) => String(i.sortText).startsWith('0')), 'nothing required is missing in this 2400');
  });

  test('a partial id filters, and a typed qualifier too; the edit replaces what was typed', () => {
    const dt = segmentsAt(CLM, HI, 'LX*1', SV1, 'DT§');
    assert.ok(dt.length > 1 && dt.every((i) => i.label.startsWith('DT')), labels(dt).join(' '));
    assert.equal(dt[0].label, 'DTP*472');
    const edit = dt[0].textEdit as TextEdit;
    assert.equal(edit.range.end.character - edit.range.start.character, 2, 'replaces "DT"');
    assert.equal(edit.range.start.character, 0);
    const nm1 = segmentsAt(CLM, HI, 'NM1*8§');
    assert.deepEqual(labels(nm1), ['NM1*82']);
  });

  test('in the header loops: the walk covers the header; REF*EI missing in 2010AA comes first', () => {
    const t = build837([CLM, HI, 'LX*1', SV1]).replace('REF*EI*123456789~\n', '§~\n');
    const items = completeAt(t);
    assert.equal(items[0].label, 'REF*EI', labels(items).slice(0, 5).join(' '));
    assert.match(String(items[0].labelDetails?.description), /\(2010AA\)/);
    assert.ok(items.some((i) => i.label === 'NM1*87'), 'the pay-to address loop 2010AB may follow');
  });

  test('a second billing provider after the claims: walked from its HL; N3 and N4 missing in its 2010AA first', () => {
    const t = build837([CLM, HI, 'LX*1', SV1, 'DTP*472*D8*20260110']).replace(/^SE\*/m, 'HL*3**20*1~\nNM1*85*2*SECOND CLINIC*****XX*1234567893~\n§~\nSE*');
    const items = completeAt(t);
    assert.deepEqual(items.slice(0, 2).map((i) => i.label), ['N3', 'N4'], labels(items).slice(0, 6).join(' '));
    assert.equal(description(items, 'N3'), 'Billing Provider Address (2010AA)');
    assert.ok(items.some((i) => i.label === 'NM1*87'), 'the pay-to address loop 2010AB may follow');
    assert.ok(!items.some((i) => i.label === 'CLM'), 'no claim directly under a billing provider');
  });

  test('837I with ^ and > (one segment a line): the guide of the 837I, its separators in labels and edits', () => {
    const lines = I.replace(/~/g, '~\n');
    const t = lines.replace('SV2^0636^HC>J1100>JZ^85.00^UN^10~\nDTP^472^D8^20260202~\n', 'SV2^0636^HC>J1100>JZ^85.00^UN^10~\nDT§~\n');
    const items = completeAt(t);
    assert.ok(items.length > 0 && items.every((i) => i.label.startsWith('DT')), labels(items).join(' '));
    const dtp = items.find((i) => i.label === 'DTP^472')!;
    assert.equal(dtp.labelDetails?.description, 'Date - Service Date (2400)');
    assert.equal((dtp.textEdit as TextEdit).newText, 'DTP^472^');
  });

  test('must not: inside an element the element completion answers; in front of an existing segment nothing is offered', () => {
    const inElement = segmentsAt(CLM, HI, 'LX*1', SV1, 'DTP*4§*D8*20260110');
    assert.ok(inElement.some((i) => i.label === '472'), labels(inElement).join(' '));
    assert.ok(!inElement.some((i) => i.label.startsWith('DTP')));
    const inId = segmentsAt(CLM, HI, 'LX*1', SV1, 'DT§P*472*D8*20260110');
    assert.ok(!inId.some((i) => i.label.startsWith('DTP')), labels(inId).join(' '));
    const modifier = segmentsAt(CLM, HI, 'LX*1', 'SV1*HC:J9035:§*100*UN*1***1');
    assert.ok(modifier.some((i) => i.label === 'JW'), 'modifiers still offered in SV101-3');
  });
});
