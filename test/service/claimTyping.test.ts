/** Completion while a coder types a new service line whose segment has no terminator yet. */
import { describe, test } from 'node:test';
import { build837, claim } from '../unit/rules/claim/harness';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { fixtureCodeSet } from '../fixtures/codeset';

const service = createLanguageService({ codeSet: fixtureCodeSet(), guides: bundledGuides() });
const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *260115*1200*^*00501*000000001*0*P*:~';

test('"SV1*HC:A96" typed on a new line before the SE segment offers A9600 and A9604, replacing only what is on that line', () => {
  const before = `${ISA}\nGS*HC*S*R*20260115*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\nCLM*P1*100***11:B:1*Y*A*Y*Y~\nLX*1~\nSV1*HC:A96`;
  const after = '\nSE*5*0001~\nGE*1*1~\nIEA*1*000000001~\n';
  const document = TextDocument.create('file:///claim.837', 'x12', 1, before + after);
  const position = document.positionAt(before.length);
  const list = service.complete(document, position);
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes('A9600') && labels.includes('A9604'), labels.join(', '));
  for (const item of list.items) {
    const edit = item.textEdit as { range: { start: { line: number }; end: { line: number; character: number } } };
    assert.equal(edit.range.start.line, position.line);
    assert.equal(edit.range.end.line, position.line, 'the edit must not reach into the next line');
    assert.equal(edit.range.end.character, position.character);
  }
});

describe('a segment typed and not yet terminated keeps its inlay hint and breadcrumb on its line (issue 14 item 6)', () => {
  const base = build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600:JZ*100*UN*4***1', 'DTP*472*D8*20260110']));
  for (const typed of ['SV1*HC:A9604', 'SV1*HC:A9604:JZ', 'SV1*HC:A9604*100']) {
    test(`"${typed}" typed before SE`, () => {
      const text = base.replace('\nSE*', `\nLX*2~\n${typed}\nSE*`);
      const doc = TextDocument.create(`file:///typing-${typed.length}.837`, 'x12', 1, text);
      const typedLine = text.split('\n').findIndex((l) => l === typed);
      const hints = service.inlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } });
      const hint = hints.find((h) => h.position.line >= typedLine - 1 && String(h.label).startsWith('Sm 153'));
      assert.ok(hint, `a hint for A9604: ${hints.map((h) => `${h.position.line}:${String(h.label)}`).join(', ')}`);
      assert.equal(hint.position.line, typedLine);
      const lineSymbols: { name: string; range: { end: { line: number } }; selectionRange: { end: { line: number } } }[] = [];
      const walk = (xs: any[]) => xs.forEach((x) => { if (/^2 A9604/.test(x.name)) lineSymbols.push(x); walk(x.children ?? []); });
      walk(service.documentSymbols(doc));
      assert.equal(lineSymbols.length, 1);
      assert.match(lineSymbols[0].name, /^2 A9604(-JZ)?$/);
      assert.equal(lineSymbols[0].range.end.line, typedLine, 'the line ends on its own line, not on SE');
      assert.equal(lineSymbols[0].selectionRange.end.line, typedLine);
    });
  }
});
