/** The "HCPCS: Look up code" command's two requests: search by code or words, and the full guide document. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideDocument, lookupDocument, ruleDocument, searchCodes } from '../../server/src/features/lookup';
import { allRules } from '../../server/src/rules/registry';
import { bundledGuides } from '../../server/src/guides/loader';
import { fixtureCodeSet } from '../fixtures/codeset';

const codeSet = fixtureCodeSet();
const guides = bundledGuides();

test('search by words and by code', () => {
  assert.equal(searchCodes(codeSet, 'samarium', 10)[0]?.code, 'A9604');
  assert.equal(searchCodes(codeSet, 'A9600', 10)[0]?.code, 'A9600');
  assert.equal(searchCodes(codeSet, 'JW', 10)[0]?.code, 'JW', 'a modifier by its code');
  assert.deepEqual(searchCodes(codeSet, '   ', 10), []);
});

test('the full guide opens with the official descriptor, then the sections', () => {
  const md = guideDocument(codeSet, guides, 'a9600');
  assert.ok(md);
  const descriptor = md.indexOf('Strontium sr-89 chloride, therapeutic, per millicurie');
  assert.ok(descriptor >= 0 && descriptor < 400, 'descriptor first');
  assert.match(md, /## /, 'sections as headings');
  assert.equal(guideDocument(codeSet, guides, 'Z9999'), null, 'unknown codes give nothing');
  const plain = guideDocument(codeSet, guides, 'A9698');
  assert.ok(plain && plain.includes('Non-radioactive contrast imaging material, not otherwise classified, per study'), 'a code without a guide still gets its descriptor');
});

test('look-up takes ICD-10-CM codes with or without the dot, modifiers by code and words, and says "No match"', () => {
  const dotted = searchCodes(codeSet, 'C79.51', 10);
  assert.equal(dotted[0]?.code, 'C79.51');
  assert.equal(dotted[0]?.kind, 'icd10');
  assert.equal(searchCodes(codeSet, 'C7951', 10)[0]?.code, 'C79.51');
  const icd = lookupDocument(codeSet, guides, 'c79.51');
  assert.equal(icd.title, 'C79.51');
  assert.match(icd.markdown, /^# C79\.51 · ICD-10-CM diagnosis/);
  assert.match(icd.markdown, /Secondary malignant neoplasm of bone/);
  const jw = lookupDocument(codeSet, guides, 'jw');
  assert.equal(jw.title, 'JW');
  assert.match(jw.markdown, /Drug amount discarded\/not administered to any patient/i);
  assert.ok(searchCodes(codeSet, 'discarded', 20).some((i) => i.kind === 'modifier' && i.code === 'JW'), 'a modifier by words of its descriptor');
  const none = lookupDocument(codeSet, guides, 'Q9Z9Z');
  assert.equal(none.found, false);
  assert.match(none.markdown, /^# No match for "Q9Z9Z"/);
  const words = lookupDocument(codeSet, guides, 'samarium');
  assert.ok(words.found);
  assert.match(words.markdown, /A9604/);
  assert.equal(lookupDocument(codeSet, guides, 'A9604').title, 'A9604', 'the view is titled by the code');
});

test('"About this rule": description, default severity and the three ways to change it', () => {
  const doc = ruleDocument(allRules, 'hcpcs/drug-waste-modifier');
  assert.ok(doc.found);
  assert.match(doc.markdown, /^# hcpcs\/drug-waste-modifier\n\nMedicare claim/);
  assert.match(doc.markdown, /\*\*Default severity:\*\* warning/);
  assert.match(doc.markdown, /hcpcs-disable hcpcs\/drug-waste-modifier/);
  assert.match(doc.markdown, /\.hcpcs\/rules-off\.json/);
  assert.equal(ruleDocument(allRules, 'hcpcs/file-too-large').found, false);
});
