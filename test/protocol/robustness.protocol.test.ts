/**
 * Malformed LSP traffic against the built server over stdio: bad JSON, unknown methods and notifications,
 * requests about documents that were never opened, garbage parameters. Each request gets an error response (or,
 * for garbage inside a request about an open document, the guard's empty answer); notifications are ignored; and
 * the server keeps answering hovers afterwards. Needs `npm run build`.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ResponseError } from 'vscode-jsonrpc/node';
import { fileUri, repoRoot, startServer, type TestClient } from './lspClient';

const built = fs.existsSync(path.join(repoRoot, 'dist', 'server', 'server.js'));
const skip = built ? false : 'run `npm run build` first';
const claimText = fs.readFileSync(path.join(repoRoot, 'examples', 'claims', '837p-oncology-clinic.837'), 'utf8');
const uri = fileUri('examples', 'claims', '837p-oncology-clinic.837');
// "J9035" on the first SV1 line
const codeLine = claimText.split('\n').findIndex((l) => l.startsWith('SV1*HC:J9035'));
const hoverParams = { textDocument: { uri }, position: { line: codeLine, character: 9 } };

async function expectError(client: TestClient, method: string, params: unknown): Promise<ResponseError<unknown>> {
  try {
    await client.connection.sendRequest(method, params);
  } catch (e) {
    assert.ok(e instanceof ResponseError, `${method}: ${String(e)}`);
    return e;
  }
  assert.fail(`${method} answered without an error`);
}

async function hoverStillWorks(client: TestClient): Promise<void> {
  const hover = (await client.connection.sendRequest('textDocument/hover', hoverParams)) as { contents: { value: string } } | null;
  assert.ok(hover && /J9035/.test(JSON.stringify(hover.contents)), 'the server answers hovers');
}

test('malformed traffic gets errors and the server keeps answering', { skip }, async () => {
  const client = await startServer();
  try {
    client.open(uri, 'x12', claimText);
    await client.diagnostics(uri);
    await hoverStillWorks(client);

    // Unknown request method: MethodNotFound.
    const unknown = await expectError(client, 'hcpcs/noSuchMethod', { x: 1 });
    assert.equal(unknown.code, -32601);
    // Unknown notification: ignored.
    await client.connection.sendNotification('hcpcs/noSuchNotification', { x: 1 });
    await hoverStillWorks(client);

    // A request about a document the client never opened: InvalidParams.
    const unopened = await expectError(client, 'textDocument/hover', { textDocument: { uri: fileUri('never-opened.837') }, position: { line: 0, character: 0 } });
    assert.equal(unopened.code, -32602);
    await expectError(client, 'textDocument/completion', { textDocument: { uri: fileUri('never-opened.837') }, position: { line: 0, character: 0 } });
    await expectError(client, 'textDocument/documentSymbol', { textDocument: { uri: fileUri('never-opened.837') } });

    // Garbage parameters: an error response (the handler's exception never ends the server).
    await expectError(client, 'textDocument/hover', null);
    await expectError(client, 'textDocument/hover', { textDocument: 42 });
    // On an open document the handler's guard logs the exception and gives the empty answer (DESIGN: guard).
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null, context: null }).catch((e) => e);
    assert.ok(actions instanceof ResponseError || (Array.isArray(actions) && actions.length === 0), JSON.stringify(actions));
    // A position that makes no sense on an open document: answered (empty or clamped), not fatal.
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: -3, character: 1e9 } }).catch(() => undefined);
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 'x', character: {} } }).catch(() => undefined);
    await hoverStillWorks(client);

    // Bad JSON on the wire: a well-framed message whose body is not JSON, then one with a bad header.
    // The server answers it with the JSON-RPC Parse error (-32700, id null) and keeps reading.
    let raw = '';
    const onData = (chunk: Buffer) => void (raw += chunk.toString('utf8'));
    client.child.stdout.on('data', onData);
    const body = '{"jsonrpc":"2.0","id":999,"method":"textDocument/hover","params":{';
    client.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const deadline = Date.now() + 5000;
    while (!raw.includes('-32700') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    client.child.stdout.off('data', onData);
    assert.match(raw, /"id":null,"error":\{"code":-32700/);
    await hoverStillWorks(client);
    assert.equal(client.child.exitCode, null, 'the server is still running');

    // Notifications with garbage: ignored.
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: fileUri('never-opened.837'), version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: null });
    await hoverStillWorks(client);
    assert.equal(client.child.exitCode, null, 'the server is still running');
  } finally {
    await client.stop();
  }
});
