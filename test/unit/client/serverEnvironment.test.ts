// The environment the extension starts the language server with (client/src/serverEnvironment.ts), laid over the
// extension host's as vscode-languageclient does, reaches a child process without NODE_EXTRA_CA_CERTS and with the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { serverEnvironment } from '../../../client/src/serverEnvironment';

test('the server starts without NODE_EXTRA_CA_CERTS; every other variable of the extension host reaches it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-env-'));
  const child = path.join(dir, 'child.js');
  fs.writeFileSync(child, "process.send({ certs: process.env.NODE_EXTRA_CA_CERTS ?? null, other: process.env.HCPCS_ENV_TEST ?? null }, () => process.exit(0));\n");
  // what vscode-languageclient does with options.env: the host's environment, then these laid over it
  const host = { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, 'no-such-bundle.pem'), HCPCS_ENV_TEST: 'kept' };
  const env = { ...host, ...serverEnvironment() };
  const seen = await new Promise<{ certs: string | null; other: string | null }>((resolve, reject) => {
    const p = fork(child, [], { env, silent: true });
    p.once('message', (m) => resolve(m as { certs: string | null; other: string | null }));
    p.once('error', reject);
  });
  assert.deepEqual(seen, { certs: null, other: 'kept' });
  // and without it the variable would have reached the server
  const plain = await new Promise<{ certs: string | null }>((resolve, reject) => {
    const p = fork(child, [], { env: host, silent: true });
    p.once('message', (m) => resolve(m as { certs: string | null }));
    p.once('error', reject);
  });
  assert.equal(plain.certs, host.NODE_EXTRA_CA_CERTS);
});
