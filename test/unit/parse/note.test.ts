import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureCodeSet } from '../../fixtures/codeset';
import { scanNote, mentionAt, type CodeMention } from '../../../server/src/parse/note';
import type { CodeSet, HcpcsRecord } from '../../../server/src/codeset/types';

const fixture = fixtureCodeSet();

/** The fixture plus E1100, a real code in both sets (a wheelchair in HCPCS, E11.00 diabetes in ICD-10-CM). */
const codeSet: CodeSet = Object.create(fixture, {
  procedure: {
    value: (code: string) =>
      code === 'E1100'
        ? ({ ...fixture.procedure('E0100')!, code: 'E1100', longDescription: 'Semi-reclining wheelchair, fixed full length arms, swing away detachable elevating leg rests' } as HcpcsRecord)
        : fixture.procedure(code),
  },
  icd10: {
    value: (code: string) =>
      code === 'E1100' ? { code, description: 'Type 2 diabetes mellitus with hyperosmolarity without nonketotic hyperglycemic-hyperosmolar coma (NKHHC)' } : fixture.icd10(code),
  },
});

function read(text: string): { token: string; system: string; reason: string; confidence: string; alsoIn?: string; modifiers: string; units?: number }[] {
  return scanNote(text, codeSet).mentions.map((m: CodeMention) => ({
    token: text.slice(m.span.offset, m.span.offset + m.span.length),
    system: m.system,
    reason: m.reason,
    confidence: m.confidence,
    ...(m.alsoIn ? { alsoIn: m.alsoIn } : {}),
    modifiers: m.modifiers.map((x) => x.code).join(','),
    ...(m.units ? { units: m.units.value } : {}),
  }));
}

test('written form: dotted ICD, modifier suffix, units', () => {
  const r = read('Gave A9604-JW; billed J9035 x 2. Dx C79.51 and C7A.010.');
  assert.deepEqual(
    r.map((m) => [m.token, m.system, m.reason, m.modifiers, m.units]),
    [
      ['A9604', 'hcpcs', 'modifier suffix -JW', 'JW', undefined],
      ['J9035', 'hcpcs', "after 'billed'", '', 2],
      ['C79.51', 'icd10', 'dotted ICD-10-CM form', '', undefined],
      ['C7A.010', 'icd10', 'dotted ICD-10-CM form', '', undefined],
    ],
  );
});

test('a code in both sets is read from its context, and says it is also in the other set', () => {
  const cases: [string, string, RegExp][] = [
    ['Dx: E1100, poorly controlled.', 'icd10', /after 'Dx'/],
    ['HCPCS E1100 delivered to the home.', 'hcpcs', /after 'HCPCS'/],
    ['Diagnoses: M5416, E1100', 'icd10', /listed under 'Diagnoses'/],
    ['## Charges\n\nE1100, one unit.', 'hcpcs', /in the section 'Charges'/],
    ['Assessment today E1100 stable.', 'icd10', /'Assessment' on the same line/],
    ['Follow-up: E1100, M5416.', 'icd10', /listed with ICD-10-CM codes/],
    ['E1100', 'hcpcs', /no diagnosis words nearby/],
  ];
  for (const [text, system, reason] of cases) {
    const m = read(text).find((x) => x.token === 'E1100')!;
    assert.equal(m.system, system, text);
    assert.match(m.reason, reason, text);
    assert.equal(m.alsoIn, system === 'hcpcs' ? 'icd10' : 'hcpcs', text);
  }
});

test('few false positives: IDs, lot numbers, dates, numbers and words stay quiet', () => {
  const text = [
    'Visit ID A1234, MRN 55512, lot B4471, batch #C9150.',
    'Seen 2026-02-10 at 10:30; weight 72.5 kg; platelets 210,000; zip 12345.',
    'CPU A1B2C; H2O2 rinse; a9604 lower-case.',
    'Reference Q9999 on the referral form.',
  ].join('\n');
  assert.deepEqual(read(text), []);
});

test('Level I codes only with a modifier or "CPT" right before', () => {
  assert.deepEqual(read('CPT 77778 and 96372-59; phone 55512.').map((m) => [m.token, m.system, m.modifiers]), [
    ['77778', 'cpt', ''],
    ['96372', 'cpt', '59'],
  ]);
});

test('unknown HCPCS-shaped tokens are reported only when plainly billed', () => {
  assert.deepEqual(read('HCPCS Q9999 on the superbill.').map((m) => [m.token, m.confidence]), [['Q9999', 'explicit']]);
  assert.deepEqual(read('Billing: Q9999').map((m) => m.reason), ["listed under 'Billing'"]);
  assert.deepEqual(read('Q9999 was mentioned.'), []);
});

test('an unknown suffix is not a modifier', () => {
  const r = read('Billed A9600-ZZ x 4.');
  assert.equal(r.length, 1);
  assert.equal(r[0].modifiers, '');
});

test('mentionAt finds the code, a modifier and the units', () => {
  const text = 'Gave A9604-JW x 1 today.';
  const scan = scanNote(text, codeSet);
  assert.equal(mentionAt(scan, text.indexOf('A9604') + 2)?.part, 'code');
  const mod = mentionAt(scan, text.indexOf('JW') + 1);
  assert.equal(mod?.part, 'modifier');
  assert.equal(mod?.modifier?.code, 'JW');
  assert.equal(mentionAt(scan, text.indexOf('1 today'))?.part, 'units');
  assert.equal(mentionAt(scan, text.indexOf('today')), undefined);
});

test('the scanner never throws and its spans stay inside the text (random notes)', async () => {
  const fc = await import('fast-check');
  const pieces = ['A9604', '-JW', '-59', ' x 2', 'C79.51', 'E1100', 'Dx: ', 'HCPCS ', 'Billing:', '\n## Charges\n', 'lot ', '45,000', ' ', '.', ';', '-', '\n'];
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      for (const m of scanNote(text, codeSet).mentions) {
        for (const s of [m.span, ...m.modifiers.map((x) => x.span), ...(m.units ? [m.units.span] : [])]) {
          assert.ok(s.offset >= 0 && s.offset + s.length <= text.length);
        }
      }
    }),
    { numRuns: 300 },
  );
});

describe('three-character ICD-10-CM codes', () => {
  test('C61 after "Dx:" or listed with other diagnoses is read as ICD-10-CM', () => {
    for (const text of ['Dx: C61, bone metastases C79.51', 'Assessment: C79.51 and C61']) {
      const c61 = scanNote(text, fixture).mentions.find((m) => m.code === 'C61');
      assert.ok(c61, text);
      assert.equal(c61.system, 'icd10');
      assert.equal(text.slice(c61.span.offset, c61.span.offset + c61.span.length), 'C61');
    }
  });
  test('without diagnosis evidence, or as an ID, a three-character token is not a code', () => {
    assert.equal(scanNote('Room C61 is ready.', fixture).mentions.length, 0);
    assert.equal(scanNote('Lot C61 used for the dose', fixture).mentions.length, 0);
  });
});
