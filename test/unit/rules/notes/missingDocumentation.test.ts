import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingDocumentation } from '../../../../server/src/rules/notes/missingDocumentation';
import { noteRules } from '../../../../server/src/rules/notes';
import { loadGuides } from '../../../../server/src/guides/loader';
import { at, noteFixture, run } from './helpers';

test('A9604 note without lot number and prior therapy: exactly those two findings, at the mention', () => {
  const text = noteFixture('a9604-incomplete.note.md');
  const findings = run(missingDocumentation, text);
  assert.deepEqual(
    findings.map((f) => f.message.split(' — ')[0]),
    ['A9604: no lot number recorded', 'A9604: no prior pain management that failed'],
  );
  for (const f of findings) {
    assert.equal(f.ruleId, 'notes/missing-documentation');
    assert.equal(at(text, f), 'A9604');
    assert.match(f.message, / — .+; add .+\.$/);
  }
});

test('the complete A9604 note gets no finding from any note rule', () => {
  const text = noteFixture('a9604-complete.note.md');
  for (const rule of noteRules) assert.deepEqual(run(rule, text), [], rule.id);
});

test('negated or empty evidence does not count', () => {
  const base = noteFixture('a9604-complete.note.md').replace('Lot number SM153-2026-0147, from the radiopharmacy label.', 'LOT');
  for (const variant of ['Lot number: not recorded.', 'No lot number on the label.', 'Lot: pending.']) {
    const findings = run(missingDocumentation, base.replace('LOT', variant));
    assert.deepEqual(findings.map((f) => f.message.split(' — ')[0]), ['A9604: no lot number recorded'], variant);
  }
});

test('a diagnosis code in the note covers the bone metastases requirement', () => {
  const text = 'Strontium-89 chloride 4 mCi, HCPCS A9600 x 4, lot 4471-B. Dx C79.51. Platelets 190, WBC 6.1. Bone pain refractory to opioids.';
  assert.deepEqual(run(missingDocumentation, text), []);
  const without = run(missingDocumentation, text.replace('Dx C79.51. ', ''));
  assert.deepEqual(without.map((f) => f.message.split(' — ')[0]), ['A9600: no bone metastases diagnosis or imaging recorded']);
});

test('a modifier with a guide adds its own requirement, at the modifier', () => {
  const text = noteFixture('a9604-complete.note.md').replace('HCPCS A9604, 1 unit, with JZ: the whole dose was given.', 'A9604-JW for the part of the vial left over.');
  const findings = run(missingDocumentation, text);
  assert.equal(findings.length, 1);
  assert.equal(at(text, findings[0]), 'JW');
  assert.match(findings[0].message, /^JW: no discarded amount recorded/);
});

test('must not fire: codes without guides, diagnoses, and mentions read as ICD-10-CM', () => {
  assert.deepEqual(run(missingDocumentation, 'Billed J9035 x 2 today. Dx M54.16.'), []);
  assert.deepEqual(run(missingDocumentation, noteFixture('ambiguous-codes.note.md')), []);
});

test('workspace guides add requirements the rule then checks', () => {
  const { guides } = loadGuides([
    {
      fileName: '.hcpcs/guides/consent.json',
      text: JSON.stringify({
        code: 'A9604',
        documentation: [{ id: 'consent', label: 'signed consent', missing: 'no signed consent recorded', why: 'our payer asks for it', add: 'add the consent date', patterns: ['consent signed'] }],
      }),
    },
  ]);
  const findings = run(missingDocumentation, noteFixture('a9604-complete.note.md'), guides);
  assert.deepEqual(findings.map((f) => f.message.split(' — ')[0]), ['A9604: no signed consent recorded']);
});

test('JZ evidence that nothing was discarded: a set of phrasings counts, waste and negations do not (issue 14 item 5)', () => {
  const note = (statement: string) => `Strontium-89 chloride 4 mCi given, HCPCS A9600-JZ x 4, lot 4471-B. Dx C79.51. Platelets 190, WBC 6.1. Bone pain refractory to opioids. ${statement}`;
  const jzMissing = (statement: string) => run(missingDocumentation, note(statement)).some((f) => f.message.startsWith('JZ: no statement that nothing was discarded'));
  const counts = [
    'The full vial was used.',
    'Full vial used.',
    'The entire dose was administered.',
    'Whole vial given.',
    'Complete contents of the vial were injected.',
    'Administered the entire vial.',
    'Gave the full dose.',
    'All of the dose was administered.',
    '100% of the vial was given.',
    'Vial fully administered.',
    'The dose was completely used.',
    'Single-dose vial used in full.',
    'Dose given in its entirety.',
    'No waste.',
    'Zero wastage.',
    'None of the drug was discarded.',
    'Nothing was discarded.',
    'Nothing left over.',
    'Wasted: 0.',
    'Waste: none.',
    'Discarded 0 mCi.',
    '0 mCi wasted.',
  ];
  for (const s of counts) assert.equal(jzMissing(s), false, `counts as JZ evidence: "${s}"`);
  const doesNot = [
    '',
    'The full vial was not used.',
    'Part of the vial was discarded.',
    '1 mCi discarded.',
    'Wasted: 0.5 mCi.',
    'The vial was used.',
    'Not all of the dose was administered.',
  ];
  for (const s of doesNot) assert.equal(jzMissing(s), true, `is no JZ evidence: "${s}"`);
});
