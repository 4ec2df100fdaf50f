/**
 * Issue 14 item 1: quick fixes a coder can trust. No code is offered because it is spelled alike; the drug-waste
 * split has tab stops where the client takes snippets; every finding can be switched off in its file and explained.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-types';
import { parseSettings } from '../../server/src/core/settings';
import { disableComment, disabledByComments } from '../../server/src/features/ruleDirectives';
import { parseRulesOff, rulesOffFor } from '../../server/src/guides/rulesOff';
import { loadEnvironment } from '../../server/src/node/environment';
import { claimDocument, languageService } from './helpers';
import { build837, claim } from '../unit/rules/claim/harness';

const service = languageService();
const settings = parseSettings({}).settings;
const DOS = 'DTP*472*D8*20260110';

function actionsAt(doc: TextDocument, diagnostics: Diagnostic[], snippets = false): CodeAction[] {
  return service.codeActions(doc, diagnostics[0].range, diagnostics, undefined, { snippets });
}

test('an unknown code (J9998) gets no code as a fix: a look-up of the code, disable and about; the message names the neighbours as other services', () => {
  const doc = claimDocument(build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9998*100*UN*1***1', DOS])));
  const unknown = service.validate(doc, settings, { today: '2026-01-15' }).filter((d) => d.code === 'hcpcs/unknown-code');
  assert.equal(unknown.length, 1);
  const actions = actionsAt(doc, unknown);
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Look up a code (search starts from J9998)', 'Disable hcpcs/unknown-code in this file', 'About hcpcs/unknown-code'],
  );
  assert.ok(actions.every((a) => !a.edit), 'no action edits the claim');
  assert.deepEqual(actions[0].command, { title: 'Look up a code', command: 'hcpcs.lookupCode', arguments: [{ query: 'J9998' }] });
  assert.deepEqual(actions[1].command?.arguments, [{ uri: doc.uri, ruleId: 'hcpcs/unknown-code' }]);
  assert.equal(actions[1].command?.command, 'hcpcs.disableRuleInFile');
  assert.deepEqual(actions[2].command?.arguments, [{ ruleId: 'hcpcs/unknown-code' }]);
});

test('the rule id shows once: the diagnostic code is the rule id and there is no separate source', () => {
  const doc = claimDocument(build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9998*100*UN*1***1', DOS])));
  for (const d of service.validate(doc, settings, { today: '2026-01-15' })) {
    assert.equal(d.source, undefined);
    assert.match(String(d.code), /^[a-z0-9]+\/[a-z0-9-]+$/);
  }
});

test('the drug-waste split: a snippet edit (tab stops on units and charge) for clients that take them, plain text for the others', () => {
  const doc = claimDocument(build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*100*UN*4***1', DOS])));
  const waste = service.validate(doc, settings, { today: '2026-01-15' }).filter((d) => d.code === 'hcpcs/drug-waste-modifier');
  const withSnippets = actionsAt(doc, waste, true).find((a) => a.title.startsWith('Split'))!;
  const change = withSnippets.edit!.documentChanges![0] as TextDocumentEdit;
  assert.equal(change.textDocument.uri, doc.uri);
  const snippet = change.edits.find((e) => 'snippet' in e) as unknown as { snippet: { kind: string; value: string } };
  assert.equal(snippet.snippet.kind, 'snippet');
  assert.match(snippet.snippet.value, /SV1\*HC:A9600:JW\*\$\{2:0\}\*UN\*\$\{1:1\}/);
  const plain = actionsAt(doc, waste, false).find((a) => a.title.startsWith('Split'))!;
  assert.ok(plain.edit?.changes?.[doc.uri]?.some((e) => e.newText.includes('SV1*HC:A9600:JW*0*UN*1***1')));
  assert.equal(plain.edit?.documentChanges, undefined);
  // the rule's own fixes come before "Disable" and "About"
  assert.deepEqual(actionsAt(doc, waste).slice(-2).map((a) => a.title), ['Disable hcpcs/drug-waste-modifier in this file', 'About hcpcs/drug-waste-modifier']);
});

test('a note: "Disable" writes a comment line the checker honours (markdown: an HTML comment)', () => {
  const text = 'Administered A9604 today, 1 mCi.\n';
  const doc = TextDocument.create('file:///ws/notes/visit.note.md', 'markdown', 1, text);
  const before = service.validate(doc, settings, { isNote: true, today: '2026-01-15' });
  assert.ok(before.length > 0, 'the note has findings');
  const rule = String(before[0].code);
  const disable = actionsAt(doc, [before[0]]).find((a) => a.title === `Disable ${rule} in this file`)!;
  const edit = disable.edit!.changes![doc.uri][0];
  assert.equal(edit.newText, `<!-- hcpcs-disable ${rule} -->\n`);
  const after = TextDocument.create(doc.uri, 'markdown', 2, edit.newText + text);
  const left = service.validate(after, settings, { isNote: true, today: '2026-01-15' });
  assert.ok(!left.some((d) => d.code === rule), `${rule} is off`);
  assert.equal(left.length, before.filter((d) => d.code !== rule).length, 'other rules still run');
});

test('comment syntax: plain-text and markdown lines, several ids, prose mentioning the marker does not count', () => {
  assert.equal(disableComment(['hcpcs/kx-attestation'], 'plaintext'), 'hcpcs-disable hcpcs/kx-attestation');
  assert.deepEqual(disabledByComments('hcpcs-disable hcpcs/kx-attestation, notes/missing-documentation\nText'), ['hcpcs/kx-attestation', 'notes/missing-documentation']);
  assert.deepEqual(disabledByComments('x\n  <!-- hcpcs-disable: notes/contraindication -->\n'), ['notes/contraindication']);
  assert.deepEqual(disabledByComments('We never hcpcs-disable hcpcs/kx-attestation in prose.'), []);
  assert.deepEqual(disabledByComments('hcpcs-disabled hcpcs/kx-attestation'), []);
});

test('a claim file: .hcpcs/rules-off.json switches a rule off for that file only (zod-checked; a bad file is named)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-rules-off-'));
  fs.mkdirSync(path.join(dir, '.hcpcs'));
  fs.writeFileSync(path.join(dir, '.hcpcs', 'rules-off.json'), JSON.stringify({ 'claims/a.837': ['hcpcs/unknown-code'] }));
  const env = loadEnvironment({ dataDir: path.join(__dirname, '..', '..', 'data'), workspaceFolders: [dir] });
  assert.deepEqual(rulesOffFor(path.join(dir, 'claims', 'a.837'), env.rulesOff), ['hcpcs/unknown-code']);
  assert.deepEqual(rulesOffFor(path.join(dir, 'claims', 'b.837'), env.rulesOff), []);
  const doc = claimDocument(build837(claim('P1', 'ABK:C7951', ['SV1*HC:J9998*100*UN*1***1', DOS])));
  const all = service.validate(doc, settings, { today: '2026-01-15' });
  const off = service.validate(doc, settings, { today: '2026-01-15', disabledRules: ['hcpcs/unknown-code'] });
  assert.ok(all.some((d) => d.code === 'hcpcs/unknown-code'));
  assert.ok(!off.some((d) => d.code === 'hcpcs/unknown-code'));
  const bad = parseRulesOff(dir, '{"claims/a.837": "hcpcs/unknown-code"}');
  assert.equal(bad.rulesOff, undefined);
  assert.match(bad.problems[0], /rules-off\.json: claims\/a\.837: .*the file is ignored/);
});
