/**
 * A user's licensed CPT file feeds hover and completion; without one, CPT codes say their descriptor is not
 * bundled. (The descriptors below are made up for the test: no AMA text is in this repository.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { parseCptCsv } from '../../server/src/codeset/cpt';
import { fixtureCodeSet } from '../fixtures/codeset';

const licensed = parseCptCsv('code,descriptor\n99999,Made-up office consultation for testing\n"99998","Made-up follow-up, for testing"\n', 'my-cpt.csv');
const withCpt = createLanguageService({ codeSet: fixtureCodeSet({ cpt: licensed.records }) });
const without = createLanguageService({ codeSet: fixtureCodeSet() });
const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *260115*1200*^*00501*000000001*0*P*:~';

function claim(line: string) {
  return `${ISA}\nGS*HC*S*R*20260115*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\nCLM*P1*100***11:B:1*Y*A*Y*Y~\nLX*1~\n${line}\nSE*5*0001~\nGE*1*1~\nIEA*1*000000001~\n`;
}

test('the CSV parses, quoted fields included', () => {
  assert.deepEqual(licensed.errors, []);
  assert.deepEqual(licensed.records.map((r) => r.code), ['99999', '99998']);
});

test('hover on a CPT code in a claim: the licensed descriptor, or a clear "not bundled"', () => {
  const text = claim('SV1*HC:99999*100*UN*1***1~');
  const doc = TextDocument.create('file:///c.837', 'x12', 1, text);
  const position = doc.positionAt(text.indexOf('99999') + 2);
  assert.match((withCpt.hover(doc, position)?.contents as MarkupContent).value, /Made-up office consultation for testing/);
  assert.match((without.hover(doc, position)?.contents as MarkupContent).value, /descriptor not bundled, AMA licence/);
});

test('completion offers licensed CPT codes by code and by words, in claims and notes', () => {
  const text = claim('SV1*HC:9999');
  const doc = TextDocument.create('file:///c.837', 'x12', 1, text);
  const items = withCpt.complete(doc, doc.positionAt(text.indexOf('9999') + 4)).items.map((i) => i.label);
  assert.ok(items.includes('99999') && items.includes('99998'), items.join(', '));
  assert.deepEqual(without.complete(doc, doc.positionAt(text.indexOf('9999') + 4)).items.filter((i) => /^\d/.test(String(i.label))), []);
  const note = TextDocument.create('file:///n.md', 'markdown', 1, 'Billed consultation');
  assert.ok(withCpt.complete(note, note.positionAt(note.getText().length)).items.some((i) => i.label === '99999'));
});
