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

describe('a damaged implementation-guide table', () => {
  let client: TestClient;
  let dataDir: string;
  const conformance = (name: string) => fileUri('test', 'fixtures', 'conformance', name);
  const read = (name: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'conformance', name), 'utf8');
  const guideFindings = (d: { code?: unknown }[]) => d.filter((x) => /^x12\/(required-segment|code-value|data-type|npi-check-digit|element-not-used)$/.test(String(x.code)));
  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-data-'));
    fs.cpSync(path.join(repoRoot, 'data'), dataDir, { recursive: true });
    const table = path.join(dataDir, 'x12', '005010X223A2.json');
    const json = JSON.parse(fs.readFileSync(table, 'utf8'));
    json.root.pos = 'one';
    fs.writeFileSync(table, JSON.stringify(json));
    client = await startServer({ env: { HCPCS_DATA_DIR: dataDir } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('is named (file and field) in the log and a warning when an 837I first needs it; 837P files keep their guide checks', async () => {
    client.open(conformance('837p-guide-faults.837'), 'x12', read('837p-guide-faults.837'));
    const p = await client.diagnostics(conformance('837p-guide-faults.837'));
    assert.equal(guideFindings(p).length, 3, 'the 837P guide is sound and in use');

    client.open(conformance('837i-guide-faults.837'), 'x12', read('837i-guide-faults.837'));
    const i = await client.diagnostics(conformance('837i-guide-faults.837'));
    assert.deepEqual(guideFindings(i), [], 'no 837I guide to check against');
    const logs = client.logs.join('\n') + client.stderr();
    assert.match(logs, /^x12\/005010X223A2\.json: root\.pos: /m, 'the log names the file and the field');
    assert.ok(client.logs.some((m) => /^HCPCS: x12\/005010X223A2\.json: root\.pos: .*checked without it/.test(m)), `a warning tells the user: ${client.logs.join(' | ')}`);
    assert.equal(client.child.exitCode, null, 'still running');
  });
});
