/**
 * Workspace guides over the protocol: a team's `.hcpcs/guides/*.json` extends the bundled guide (its payer
 * policy shows in the hover), and a file that fails the schema gets a diagnostic at the bad field while the rest
 * keeps working.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionAt, repoRoot, startServer, type TestClient } from './lspClient';

const workspace = path.join(repoRoot, 'test', 'fixtures', 'protocol-guides');
const brokenPath = path.join(workspace, '.hcpcs', 'guides', 'broken.json');
const brokenUri = pathToFileURL(brokenPath).href;
const notePath = path.join(workspace, 'notes', 'plan.note.md');
const noteUri = pathToFileURL(notePath).href;

describe('workspace guides', () => {
  let client: TestClient;
  before(async () => {
    client = await startServer({ workspaceFolder: workspace });
  });
  after(async () => {
    await client?.stop();
  });

  test('a guide file that fails the schema gets a diagnostic at the bad field', async () => {
    const diagnostics = await client.diagnostics(brokenUri, (d) => d.length > 0);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'guides/schema');
    assert.match(String(d.message), /^priorAuthorization: /);
    const text = fs.readFileSync(brokenPath, 'utf8');
    const start = positionAt(text, text.indexOf('"yes"'));
    assert.equal(d.range.start.line, start.line, 'on the line of the bad value');
  });

  test('a workspace guide extends the bundled one: its payer policy shows in the hover after the official descriptor', async () => {
    const text = fs.readFileSync(notePath, 'utf8');
    client.open(noteUri, 'markdown', text);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: noteUri },
      position: positionAt(text, text.indexOf('A9604') + 2),
    });
    assert.ok(hover);
    const md = (hover.contents as MarkupContent).value;
    const descriptor = md.indexOf('Samarium sm-153 lexidronam');
    const policy = md.indexOf('Acme Health');
    assert.ok(descriptor > 0 && policy > descriptor, md);
    assert.match(md, /guide from bundled \+ \.hcpcs\/guides\/acme-payer\.json/);
    assert.ok(!md.includes(repoRoot), 'no machine path in the hover');
  });
});
