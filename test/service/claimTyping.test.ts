/** Completion while a coder types a new service line whose segment has no terminator yet. */
import { test } from 'node:test';
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
