/**
 * Protocol test: the built server (`hcpcs-language-server --stdio`) as a child process, driven over real
 * JSON-RPC. Run `npm run build` first (the test script does).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, positionAt, repoRoot, startServer, type TestClient } from './lspClient';

const claimPath = path.join(repoRoot, 'test', 'fixtures', 'protocol', 'claims', 'radiopharm.837');
const notePath = path.join(repoRoot, 'test', 'fixtures', 'protocol', 'notes', 'visit.note.md');
const claimText = fs.readFileSync(claimPath, 'utf8');
const noteText = fs.readFileSync(notePath, 'utf8');
const claimUri = fileUri('test', 'fixtures', 'protocol', 'claims', 'radiopharm.837');
const noteUri = fileUri('test', 'fixtures', 'protocol', 'notes', 'visit.note.md');

const STRONTIUM = 'Strontium sr-89 chloride, therapeutic, per millicurie';

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server over stdio', () => {
  let client: TestClient;
  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server', 'server.js')), 'run `npm run build` before the protocol tests');
    client = await startServer();
    client.open(claimUri, 'x12', claimText);
    client.open(noteUri, 'markdown', noteText);
  });
  after(async () => {
    await client?.stop();
  });

  test('hover over A9600 in an 837 claim shows the official CMS descriptor', async () => {
    const offset = claimText.indexOf('A9600') + 2;
    const h = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: claimUri },
      position: positionAt(claimText, offset),
    });
    const text = hoverText(h);
    assert.match(text, new RegExp(STRONTIUM));
    assert.match(text, /HCPCS Level II/);
  });

  test('hover over A9600 in a clinical note shows the official CMS descriptor', async () => {
    const offset = noteText.indexOf('A9600') + 1;
    const h = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: noteUri },
      position: positionAt(noteText, offset),
    });
    const text = hoverText(h);
    assert.match(text, new RegExp(STRONTIUM));
    assert.match(text, /read as HCPCS/);
  });

  test('"samarium" completes to A9604 in a note', async () => {
    const text = 'Plan: bill samarium';
    const uri = fileUri('test', 'fixtures', 'protocol', 'notes', 'typing.md');
    client.open(uri, 'markdown', text);
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: positionAt(text, text.length),
    });
    assert.equal(list.items[0]?.label, 'A9604');
    assert.match(String(list.items[0]?.detail), /Samarium sm-153 lexidronam/);
  });

  test('a Level II-shaped code that is in no release (A9605) gets hcpcs/unknown-code; no code is offered as a fix, a look-up is', async () => {
    const diagnostics = await client.diagnostics(claimUri, (d) => d.length > 0);
    const unknown = diagnostics.filter((d) => d.code === 'hcpcs/unknown-code');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].range.start.line, positionAt(claimText, claimText.indexOf('A9605')).line);
    assert.match(String(unknown[0].message), /Codes spelled alike are different services, not corrections: A9604 /);
    const actions = await client.connection.sendRequest<{ title: string; edit?: unknown; command?: { command: string; arguments: unknown[] } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: claimUri }, range: unknown[0].range, context: { diagnostics: unknown } },
    );
    assert.deepEqual(actions.filter((a) => a.edit), [], 'nothing rewrites the code');
    assert.deepEqual(actions[0].command, { title: 'Look up a code', command: 'hcpcs.lookupCode', arguments: [{ query: 'A9605' }] });
  });

  test('a request about a document that was never opened is an error, and the server stays up', async () => {
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.837' }, position: { line: 0, character: 0 } }),
    );
    const h = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: claimUri },
      position: positionAt(claimText, claimText.indexOf('A9600')),
    });
    assert.match(hoverText(h), new RegExp(STRONTIUM));
  });

  test('the server never logs document text', () => {
    const everything = client.logs.join('\n') + client.stderr();
    for (const secret of ['DOE', 'PCN1001', '1EG4TE5MK73', 'osteoblastic']) assert.ok(!everything.includes(secret), `log contains ${secret}`);
  });
});
