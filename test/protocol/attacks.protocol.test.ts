/**
 * Issue 15, items 6, 8, 9 and 10 against the built server over raw stdio. Needs `npm run build`.
 *  8. A bad Content-Length (abc, -5, 20 digits, missing), LF-only separators or a cut body left the server alive
 *     but deaf (shutdown and exit ignored): now each is reported and the next message is read.
 *  9. After stdin closed, the server lived on as long as the client process named in processId: now it exits.
 * 10. Requests before initialize get -32002, a second initialize and requests after shutdown InvalidRequest.
 *  6. A malformed client message was logged whole, claim text included: now kind and size only.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { frame, initializeParams, repoRoot, startRawServer, type RawServer } from './rawServer';

const skip = fs.existsSync(path.join(repoRoot, 'dist', 'server', 'server.js')) ? false : 'run `npm run build` first';

async function initialized(): Promise<RawServer> {
  const server = startRawServer();
  server.request(1, 'initialize', initializeParams());
  await server.waitFor('initialize result', (m) => m.id === 1);
  server.notify('initialized', {});
  return server;
}

/** Shutdown answered and exit taken (exit code 0): the server is not deaf. */
async function stillListens(server: RawServer): Promise<void> {
  server.request(900, 'hcpcs/status', {});
  await server.waitFor('status answer after the bad frame', (m) => m.id === 900 && m.result !== undefined);
  server.request(901, 'shutdown');
  await server.waitFor('shutdown answer', (m) => m.id === 901);
  server.notify('exit');
  assert.equal(await server.exited(), 0);
}

const BAD_FRAMES: [string, string][] = [
  ['Content-Length: abc', 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":50,"method":"hcpcs/status"}'],
  ['Content-Length: -5', 'Content-Length: -5\r\n\r\n{"jsonrpc":"2.0","id":50,"method":"hcpcs/status"}'],
  ['a 20-digit Content-Length', 'Content-Length: 12345678901234567890\r\n\r\n{"jsonrpc":"2.0","id":50,"method":"hcpcs/status"}'],
  ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":50,"method":"hcpcs/status"}'],
  ['a body cut short', 'Content-Length: 400\r\n\r\n{"jsonrpc":"2.0","id":50,"meth'],
  ['bytes that are not a header', 'hello server\r\n\r\n'],
];

for (const [what, bytes] of BAD_FRAMES) {
  test(`after ${what}, the server reads the next message (never deaf)`, { skip, timeout: 40_000 }, async () => {
    const server = await initialized();
    try {
      server.send(bytes);
      await stillListens(server);
      const logs = server.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params?.message ?? '');
      assert.ok(logs.some((l) => /message framing/.test(l)), `the problem is logged: ${logs.join(' | ')}`);
      if (what === 'a body cut short') assert.ok(server.messages.some((m) => m.id === null && m.error?.code === -32700), 'Parse error for the cut body');
    } finally {
      server.kill();
    }
  });
}

test('LF-only header separators are read as a message', { skip, timeout: 40_000 }, async () => {
  const server = await initialized();
  try {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 60, method: 'hcpcs/status' });
    server.send(`Content-Length: ${Buffer.byteLength(body)}\n\n${body}`);
    await server.waitFor('the answer to the LF-framed request', (m) => m.id === 60);
    await stillListens(server);
  } finally {
    server.kill();
  }
});

test('a header split across writes and a 20 MB message in many chunks are read (no resync, no quadratic join)', { skip, timeout: 60_000 }, async () => {
  const server = await initialized();
  try {
    const text = `ISA*${'x'.repeat(20 * 1024 * 1024)}`;
    const bytes = Buffer.from(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///big.837', languageId: 'x12', version: 1, text } } }));
    for (let at = 0; at < bytes.length; at += 65536) server.send(bytes.subarray(at, at + 65536));
    const status = frame({ jsonrpc: '2.0', id: 70, method: 'hcpcs/status' });
    server.send(status.slice(0, 7));
    await new Promise((r) => setTimeout(r, 50));
    server.send(status.slice(7));
    await server.waitFor('the answer after the split header', (m) => m.id === 70);
    const logs = server.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params?.message ?? '');
    assert.ok(!logs.some((l) => /message framing/.test(l)), logs.join(' | '));
    await stillListens(server);
  } finally {
    server.kill();
  }
});

test('the server exits when stdin ends (no orphan while the client process lives on)', { skip, timeout: 40_000 }, async () => {
  const server = await initialized();
  try {
    server.child.stdin.end();
    assert.equal(await server.exited(), 1, 'exit code 1: the client went away without shutdown');
  } finally {
    server.kill();
  }
});

test('lifecycle: -32002 before initialize, a second initialize refused, InvalidRequest after shutdown', { skip, timeout: 40_000 }, async () => {
  const server = startRawServer();
  try {
    server.request(1, 'textDocument/hover', { textDocument: { uri: 'file:///a.837' }, position: { line: 0, character: 0 } });
    assert.equal((await server.waitFor('error before initialize', (m) => m.id === 1)).error?.code, -32002);
    server.request(2, 'initialize', initializeParams());
    assert.ok((await server.waitFor('initialize result', (m) => m.id === 2)).result);
    server.notify('initialized', {});
    server.request(3, 'initialize', initializeParams());
    assert.equal((await server.waitFor('second initialize refused', (m) => m.id === 3)).error?.code, -32600);
    server.request(4, 'shutdown');
    assert.equal((await server.waitFor('shutdown result', (m) => m.id === 4)).result, null);
    server.request(5, 'hcpcs/status', {});
    assert.equal((await server.waitFor('request after shutdown refused', (m) => m.id === 5)).error?.code, -32600);
    server.notify('exit');
    assert.equal(await server.exited(), 0);
  } finally {
    server.kill();
  }
});

test('malformed messages are logged by kind and size, never with their content', { skip, timeout: 40_000 }, async () => {
  const server = await initialized();
  try {
    const claim = 'NM1*IL*1*DOE*JANE****MI*PATIENT0001~';
    server.send(frame({ jsonrpc: '2.0', params: { text: claim } }));
    server.send(frame({ jsonrpc: '2.0', id: null, error: { code: 1, message: claim } }));
    server.send(frame({ jsonrpc: '2.0', id: 777, result: { text: claim } })); // a response to nothing
    server.request(80, 'hcpcs/status', {});
    await server.waitFor('status', (m) => m.id === 80);
    await new Promise((r) => setTimeout(r, 200));
    const logs = server.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params?.message ?? '');
    assert.ok(logs.some((l) => /neither a response nor a notification/.test(l) && /characters of message content not logged/.test(l)), logs.join(' | '));
    for (const l of logs) assert.doesNotMatch(l, /JANE|PATIENT0001|NM1/);
  } finally {
    server.kill();
  }
});

test('hcpcs/importRelease writes only into the extension storage, never a folder the request names', { skip, timeout: 40_000 }, async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-target-'));
  const server = startRawServer();
  try {
    const elsewhere = path.join(work, 'elsewhere');
    const release = path.join(work, 'HCPC2026_APR_ANWEB_test.txt');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'hcpcs-mini.txt'), release);
    server.request(1, 'initialize', { ...(initializeParams() as object), initializationOptions: {} });
    await server.waitFor('initialize', (m) => m.id === 1);
    server.notify('initialized', {});
    server.request(2, 'hcpcs/importRelease', { file: release, targetDir: elsewhere });
    const answer = (await server.waitFor('import answer', (m) => m.id === 2)).result as { ok: boolean; message: string };
    assert.equal(answer.ok, false);
    assert.match(answer.message, /no storage folder/);
    assert.equal(fs.existsSync(elsewhere), false, 'nothing written where the request said');
  } finally {
    server.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
