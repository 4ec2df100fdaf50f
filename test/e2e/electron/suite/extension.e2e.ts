/**
 * The extension under @vscode/test-electron, through the `vscode` API: the same scenarios as the web test
 * (test/e2e/web), asked of the providers directly. The workspace is a copy of test/fixtures/e2e-workspace.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { test } from './runner';

const STRONTIUM = 'Strontium sr-89 chloride, therapeutic, per millicurie';
const MADE_UP_CODE = 'A9998'; // HCPCS-shaped, in no CMS release (A9999 is a real code)

function fixture(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

/** Resolves with the document's hcpcs diagnostics once there are some: waits on the event, never sleeps. */
function hcpcsDiagnostics(uri: vscode.Uri, timeoutMs = 60_000): Promise<vscode.Diagnostic[]> {
  // the rule id is the code (no source beside it): hcpcs/..., icd10/..., notes/..., x12/...
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => /^(hcpcs|icd10|notes|x12)\//.test(String(typeof d.code === 'object' ? d.code.value : d.code)));
  return new Promise((resolve, reject) => {
    const now = current();
    if (now.length) return resolve(now);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no hcpcs diagnostics for ${uri.path} within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = current();
      if (d.length) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

function positionOf(doc: vscode.TextDocument, text: string, delta = 1): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" is in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

let claim: vscode.TextDocument;
let diagnostics: vscode.Diagnostic[];

test('opening the claim file activates the extension and publishes diagnostics', async () => {
  claim = await vscode.workspace.openTextDocument(fixture('claims/sample.837'));
  await vscode.window.showTextDocument(claim);
  assert.equal(claim.languageId, 'x12');
  diagnostics = await hcpcsDiagnostics(claim.uri, 90_000);
  assert.ok(diagnostics.length > 0);
}, 120_000);

test('diagnostics carry rule ids as their code', () => {
  const codes = [...new Set(diagnostics.map(codeOf))].sort();
  console.log(`    rule ids: ${codes.join(', ')}`);
  assert.ok(codes.every((c) => /^[a-z0-9]+\/[a-z0-9-]+$/.test(c)), `rule ids look like "hcpcs/unknown-code": ${codes.join(', ')}`);
  const unknown = diagnostics.find((d) => codeOf(d) === 'hcpcs/unknown-code');
  assert.ok(unknown, 'the made-up code is reported as hcpcs/unknown-code');
  assert.equal(claim.getText(unknown.range), MADE_UP_CODE);
});

test('hover over A9600 shows the official CMS descriptor', async () => {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    claim.uri,
    positionOf(claim, 'A9600'),
  );
  assert.ok(hoverText(hovers).includes(STRONTIUM), hoverText(hovers));
});

test('completion after HC:A96 offers A9600 and A9604', async () => {
  const editor = await vscode.window.showTextDocument(claim);
  const anchor = claim.getText().indexOf('SE*');
  const insertAt = claim.positionAt(anchor);
  const line = 'LX*4~\nSV1*HC:A96';
  assert.ok(await editor.edit((b) => b.insert(insertAt, `${line}*100*UN*1***1~\n`)));
  try {
    const pos = claim.positionAt(anchor + line.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      claim.uri,
      pos,
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.includes('A9604')), labels.slice(0, 20).join(', '));
    assert.ok(labels.some((l) => l.includes('A9600')), labels.slice(0, 20).join(', '));
  } finally {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});

test('a quick fix for a flagged code changes the text', async () => {
  const current = await hcpcsDiagnostics(claim.uri);
  const before = claim.getText();
  let applied = false;
  for (const d of current) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      claim.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.edit && a.edit.size > 0 && !/disable|turn off/i.test(a.title));
    if (!fix?.edit) continue;
    assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}"`);
    console.log(`    applied "${fix.title}" for ${codeOf(d)}`);
    applied = true;
    break;
  }
  assert.ok(applied, 'some diagnostic offers a quick fix with an edit');
  assert.notEqual(claim.getText(), before);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('hover over a code in a clinical note', async () => {
  const note = await vscode.workspace.openTextDocument(fixture('notes/visit.note.md'));
  await vscode.window.showTextDocument(note);
  // The language client sends didOpen before the hover request, so the first answer is the real one.
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    note.uri,
    positionOf(note, 'A9600'),
  );
  assert.ok(hoverText(hovers).includes(STRONTIUM), hoverText(hovers));
});
