/** The "HCPCS: Look up code" command's two requests: search by code or words, and the full guide document. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideDocument, searchCodes } from '../../server/src/features/lookup';
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
