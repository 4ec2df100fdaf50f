/** Inlay hints: the short CMS descriptor after each service line's procedure composite, only in the range asked. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service';
import { fixtureCodeSet } from '../fixtures/codeset';

const service = createLanguageService({ codeSet: fixtureCodeSet() });
const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'protocol', 'claims', 'radiopharm.837'), 'utf8');
const document = TextDocument.create('file:///radiopharm.837', 'x12', 1, text);
const all = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };

test('each service line gets its short descriptor right after the code and modifiers; unknown codes say so', () => {
  const hints = service.inlayHints(document, all);
  const labels = hints.map((h) => `${document.offsetAt(h.position)}:${h.label}`);
  const afterA9600 = text.indexOf('HC:A9600:JZ') + 'HC:A9600:JZ'.length;
  assert.deepEqual(labels, [`${afterA9600}:Sr89 strontium`, `${text.indexOf('HC:A9605') + 'HC:A9605'.length}:not in the code set`]);
  assert.equal(hints[0].tooltip, 'Strontium sr-89 chloride, therapeutic, per millicurie');
});

test('only the lines inside the requested range', () => {
  const secondClaim = document.positionAt(text.indexOf('CLM*PCN1002'));
  const hints = service.inlayHints(document, { start: secondClaim, end: all.end });
  assert.deepEqual(hints.map((h) => h.label), ['not in the code set']);
});

test('notes get no inlay hints', () => {
  const note = TextDocument.create('file:///n.md', 'markdown', 1, 'Administered A9600-JZ');
  assert.deepEqual(service.inlayHints(note, { start: { line: 0, character: 0 }, end: { line: 0, character: 21 } }), []);
});
