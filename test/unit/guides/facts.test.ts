/**
 * The guides against the official CMS release: the descriptor is the truth. Runs on the fixture code set
 * (always) and on the full generated tables in data/ (when present).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureCodeSet } from '../../fixtures/codeset';
import { loadCodeSetFromJson } from '../../../server/src/codeset/codeset';
import { icd10Columns, icd10TableSchema } from '../../../server/src/codeset/schema';
import type { CodeSet } from '../../../server/src/codeset/types';
import { bundledGuides } from '../../../server/src/guides/loader';

const guides = bundledGuides();
const root = join(__dirname, '..', '..', '..');

// What each code is, per the January 2026 release (data README section 6); guides must agree.
const AGENT: Record<string, { descriptor: string; words: RegExp }> = {
  A9600: { descriptor: 'Strontium sr-89 chloride, therapeutic, per millicurie', words: /strontium-89/i },
  A9604: { descriptor: 'Samarium sm-153 lexidronam, therapeutic, per treatment dose, up to 150 millicuries', words: /samarium-153/i },
  A9606: { descriptor: 'Radium ra-223 dichloride, therapeutic, per microcurie', words: /radium-223/i },
  A9513: { descriptor: 'Lutetium lu 177, dotatate, therapeutic, 1 millicurie', words: /lutetium-177 dotatate/i },
  A9698: { descriptor: 'Non-radioactive contrast imaging material, not otherwise classified, per study', words: /non-radioactive contrast/i },
  A9699: { descriptor: 'Radiopharmaceutical, therapeutic, not otherwise classified', words: /not otherwise classified/i },
};
const MODIFIERS: Record<string, string> = {
  JW: 'Drug amount discarded/not administered to any patient',
  JZ: 'Zero drug amount discarded/not administered to any patient',
  KX: 'Requirements specified in the medical policy have been met',
  XE: 'Separate encounter, a service that is distinct because it occurred during a separate encounter',
  XS: 'Separate structure, a service that is distinct because it was performed on a separate organ/structure',
  XP: 'Separate practitioner, a service that is distinct because it was performed by a different practitioner',
  XU: 'Unusual non-overlapping service, the use of a service that is distinct because it does not overlap usual components of the main service',
};

function checkAgainst(codeSet: CodeSet, label: string): void {
  for (const [code, fact] of Object.entries(AGENT)) {
    assert.equal(codeSet.procedure(code)?.longDescription, fact.descriptor, `${label}: ${code} descriptor`);
    assert.equal(codeSet.procedure(code)?.terminated, '', `${label}: ${code} active`);
  }
  for (const [code, descriptor] of Object.entries(MODIFIERS)) {
    assert.equal(codeSet.modifier(code)?.longDescription, descriptor, `${label}: modifier ${code}`);
  }
  assert.equal(codeSet.modifier('59'), undefined, '59 is Level I: not in the CMS file');
  for (const guide of guides.all()) {
    if (guide.code !== '59') {
      const rec = /^[A-Z]\d{4}$/.test(guide.code) ? codeSet.procedure(guide.code) : codeSet.modifier(guide.code);
      assert.ok(rec, `${label}: guide ${guide.code} is in the release`);
    }
    for (const s of guide.similarCodes ?? []) {
      if (/^\d{2}$/.test(s.code)) continue;
      const rec = /^[A-Z]\d{4}$/.test(s.code) ? codeSet.procedure(s.code) : codeSet.modifier(s.code);
      assert.ok(rec, `${label}: ${guide.code} similar code ${s.code} is in the release`);
      if (AGENT[s.code]) assert.match(s.note, AGENT[s.code].words, `${guide.code}: the note on ${s.code} names the right agent`);
    }
  }
}

test('guide titles name the agent of the official descriptor (samarium is A9604, never A9600)', () => {
  for (const [code, fact] of Object.entries(AGENT)) {
    const guide = guides.get(code);
    if (guide) assert.match(guide.title, fact.words, code);
  }
  const a9600 = guides.get('A9600')!;
  for (const text of [a9600.title, a9600.purpose ?? '', ...(a9600.indications ?? []), a9600.unitOfBilling ?? '']) {
    assert.doesNotMatch(text, /samarium|lexidronam/i, 'A9600 is strontium-89');
  }
  assert.equal(guides.get('A9698'), undefined, 'A9698 is contrast: no therapeutic guide under it');
  // A9699, not A9698, is the therapeutic NOC everywhere a guide says "therapeutic ... not otherwise classified".
  for (const guide of guides.all()) {
    for (const s of guide.similarCodes ?? []) {
      if (s.code === 'A9698') assert.match(s.note, /contrast/i);
      if (s.code === 'A9699') assert.match(s.note, /therapeutic radiopharmaceutical not otherwise classified/i);
    }
  }
});

test('units in the guides follow the descriptors', () => {
  assert.match(guides.get('A9600')!.unitOfBilling!, /per millicurie/);
  assert.match(guides.get('A9604')!.unitOfBilling!, /per treatment dose.*1 unit/);
  assert.deepEqual(guides.get('A9604')!.expectedUnits, { min: 1, max: 1 });
  assert.match(guides.get('A9606')!.unitOfBilling!, /per microcurie/);
  assert.match(guides.get('A9513')!.unitOfBilling!, /per millicurie/);
  for (const code of ['A9600', 'A9604', 'A9606', 'A9513']) {
    const g = guides.get(code)!;
    assert.equal(g.priorAuthorization, true, code);
    assert.equal(g.drugWasteModifiers, true, code);
    assert.equal(g.marrowToxic, true, code);
  }
  assert.deepEqual(guides.get('A9600')!.requiredDiagnoses!.map((g) => g.anyOf), [['C7951']]);
  assert.deepEqual(guides.get('A9604')!.requiredDiagnoses!.map((g) => g.anyOf), [['C7951']]);
  assert.deepEqual(guides.get('A9606')!.requiredDiagnoses!.map((g) => g.anyOf), [['C61'], ['C7951']]);
  assert.ok(guides.get('A9513')!.requiredDiagnoses![0].anyOf.includes('C7A'));
});

test('facts against the fixture code set', () => {
  checkAgainst(fixtureCodeSet(), 'fixture');
});

const hcpcsPath = join(root, 'data', 'hcpcs', '2026-01.json');
const icdPath = join(root, 'data', 'icd10cm', 'FY2026.json');
test('facts against the full 2026-01 HCPCS and FY2026 ICD-10-CM tables', { skip: !existsSync(hcpcsPath) || !existsSync(icdPath) }, () => {
  const raw = { hcpcs: JSON.parse(readFileSync(hcpcsPath, 'utf8')), icd10: JSON.parse(readFileSync(icdPath, 'utf8')) };
  const r = loadCodeSetFromJson(raw, { hcpcs: 'data/hcpcs/2026-01.json', icd10: 'data/icd10cm/FY2026.json' });
  assert.ok(r.ok, r.ok ? '' : r.error);
  if (!r.ok) return;
  checkAgainst(r.codeSet, 'full');
  const { codes: icdCodes, descriptions: icdDescriptions } = icd10Columns(icd10TableSchema.parse(raw.icd10));
  for (const guide of guides.all()) {
    const prefixes = [
      ...(guide.requiredDiagnoses ?? []).flatMap((g) => g.anyOf),
      ...(guide.supportingDiagnoses ?? []),
      ...(guide.documentation ?? []).flatMap((d) => d.diagnoses ?? []),
    ];
    for (const p of prefixes) assert.ok(icdCodes.some((c) => c.startsWith(p)), `${guide.code}: ICD-10-CM prefix ${p} names real codes`);
  }
  const icd = new Map(icdCodes.map((c, i) => [c, icdDescriptions[i]]));
  const expand = (prefixes: readonly string[]) => [...icd.keys()].filter((c) => prefixes.some((p) => c.startsWith(p))).sort();
  for (const guide of guides.all()) {
    // the documentation check accepts no code of a required category that medical necessity would refuse
    const requiredPrefixes = (guide.requiredDiagnoses ?? []).flatMap((g) => g.anyOf);
    const required = new Set(expand(requiredPrefixes));
    const categories = requiredPrefixes.map((p) => p.slice(0, 3));
    const documented = expand((guide.documentation ?? []).flatMap((d) => d.diagnoses ?? [])).filter((c) => categories.some((k) => c.startsWith(k)));
    for (const c of documented) assert.ok(required.has(c), `${guide.code}: documentation accepts ${c}, medical necessity does not`);
    // a group called bone metastases takes only codes the release calls secondary neoplasm of bone (not marrow)
    for (const group of guide.requiredDiagnoses ?? []) {
      if (!/bone metasta/i.test(group.label)) continue;
      for (const c of expand(group.anyOf)) assert.equal(icd.get(c), 'Secondary malignant neoplasm of bone', `${guide.code}: ${c}`);
    }
    // every dotted ICD-10-CM code a guide's text names is in the release
    const texts = JSON.stringify(guide);
    for (const m of texts.matchAll(/\b([A-Z]\d[0-9A-Z])\.([0-9A-Z]{1,4})\b/g)) {
      const code = m[1] + m[2];
      assert.ok([...icd.keys()].some((c) => c.startsWith(code)), `${guide.code}: ${m[0]} is an ICD-10-CM code`);
    }
  }
  // the texts about C79.52 and C7B.1 say what the release says they are
  assert.equal(icd.get('C7952'), 'Secondary malignant neoplasm of bone marrow');
  assert.equal(icd.get('C7B1'), 'Secondary Merkel cell carcinoma');
  for (const code of ['A9600', 'A9604', 'A9606']) {
    for (const text of guides.get(code)!.denialReasons ?? []) if (/C79\.52/.test(text)) assert.match(text, /marrow/, code);
  }
  assert.ok(guides.get('A9513')!.denialReasons!.some((t) => /C7B\.1\)? is not one|Merkel/.test(t)));
});
