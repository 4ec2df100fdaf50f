/**
 * Settings over the protocol: a client without workspace/configuration (many non-VS Code editors) passes them in
 * initializationOptions.settings; a rule switched off there stays off.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { serverBin, repoRoot } from './lspClient';

const ISA = 'ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*RECEIVER01     *260115*1200*^*00501*000000001*0*P*:~';
const CLAIM = `${ISA}\nGS*HC*S*R*20260115*1200*1*X*005010X222A1~\nST*837*0001*005010X222A1~\nSBR*P*18*******MB~\nCLM*P1*100***11:B:1*Y*A*Y*Y~\nHI*ABK:C7951~\nLX*1~\nSV1*HC:A9605:JZ*100*UN*1***1~\nDTP*472*D8*20260110~\nSE*9*0001~\nGE*1*1~\nIEA*1*000000001~\n`;

describe('settings from initializationOptions (client without workspace/configuration)', () => {
  let child: ChildProcessWithoutNullStreams;
  let connection: MessageConnection;
  const published: Diagnostic[][] = [];
  before(async () => {
    child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: repoRoot, stdio: 'pipe' });
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p.diagnostics));
    connection.onNotification(() => undefined);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { settings: { rules: { 'hcpcs/unknown-code': 'off' } } },
    });
    await connection.sendNotification('initialized', {});
  });
  after(() => {
    connection?.dispose();
    child?.kill();
  });

  test('a rule switched off in initializationOptions stays off after initialized', async () => {
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///claims/a.837', languageId: 'x12', version: 1, text: CLAIM } });
    const deadline = Date.now() + 10_000;
    while (published.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(published.length > 0, 'diagnostics were published');
    // Let any second (re-)validation arrive too.
    await new Promise((r) => setTimeout(r, 400));
    const last = published[published.length - 1];
    assert.deepEqual(last.filter((d) => d.code === 'hcpcs/unknown-code'), []);
  });
});
