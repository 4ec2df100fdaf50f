/**
 * A missing or corrupt code table: the server says which file and field is wrong in its log, keeps running, and
 * answers requests (with what it could load).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { fileUri, repoRoot, startServer, type TestClient } from './lspClient';

describe('corrupt code tables', () => {
  let client: TestClient;
  let dataDir: string;
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-data-'));
    fs.cpSync(path.join(repoRoot, 'data'), dataDir, { recursive: true });
    const table = path.join(dataDir, 'hcpcs', '2026-01.json');
    const json = JSON.parse(fs.readFileSync(table, 'utf8'));
    json.procedures[3][0] = 'not a code!';
    fs.writeFileSync(table, JSON.stringify(json));
    client = await startServer({ env: { HCPCS_DATA_DIR: dataDir } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the log names the file and the field, and the server still answers', async () => {
    const text = 'Administered A9600-JZ';
    const uri = fileUri('test', 'fixtures', 'protocol', 'notes', 'corrupt.md');
    client.open(uri, 'markdown', text);
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 15 } });
    assert.match(String((hover?.contents as { value: string }).value), /no code set is loaded/);
    const log = client.logs.join('\n') + client.stderr();
    assert.match(log, /hcpcs\/2026-01\.json: procedures\.3\.0: /);
    assert.equal(client.child.exitCode, null, 'still running');
  });
});
