/**
 * The V8 code cache of the server bundle (server/src/node/startWithCodeCache.ts): a start without a usable cache
 * writes one beside the bundle; a start with it answers as one without; a cache of another Node or bundle, or one
 * V8 rejects, is never used and is replaced. A copy of the built server in a folder of its own, so the cache is
 * this test's. HCPCS_CODE_CACHE_AFTER_MS=0: written at once instead of after the idle warm-up. Run `npm run build`
 * first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { isAscii } from 'node:buffer';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, repoRoot, startServer } from './lspClient';

const built = path.join(repoRoot, 'dist', 'server');
const fixture = path.join(repoRoot, 'examples', 'claims', '837p-oncology-clinic.837');
const uri = fileUri('examples', 'claims', '837p-oncology-clinic.837');
const KEY = /^hcpcs-v8cache 1 (v\d+\.\d+\.\d+) (\S+) (\S+) ([0-9a-f]{64})\n/;

describe('the code cache of the server bundle', () => {
  let dir: string;
  let serverJs: string;
  let cacheFile: string;
  before(() => {
    assert.ok(fs.existsSync(path.join(built, 'serverMain.js')), 'run `npm run build` before the protocol tests');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-server-'));
    for (const name of ['server.js', 'serverMain.js']) fs.copyFileSync(path.join(built, name), path.join(dir, name));
    serverJs = path.join(dir, 'server.js');
    cacheFile = path.join(dir, 'serverMain.js.v8cache');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The diagnostics of the example claim file from a fresh server, and the server stopped. */
  async function check(): Promise<Diagnostic[]> {
    const client = await startServer({ serverJs, env: { HCPCS_DATA_DIR: path.join(repoRoot, 'data'), HCPCS_CODE_CACHE_AFTER_MS: '0' } });
    try {
      client.open(uri, 'x12', fs.readFileSync(fixture, 'utf8'));
      return await client.diagnostics(uri);
    } finally {
      await client.stop();
    }
  }
  /** The cache file once it is there and not `old` (a wait, bounded as diagnostics() is; not a speed check). */
  async function cacheOtherThan(old: Buffer | undefined): Promise<Buffer> {
    for (let i = 0; i < 300; i++) {
      const now = fs.existsSync(cacheFile) ? fs.readFileSync(cacheFile) : undefined;
      if (now && KEY.test(now.toString('latin1', 0, 200)) && !(old && now.equals(old))) return now;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no new cache file within 30 s');
  }

  test('written by a start without one, keyed to this Node and this bundle; used as it is by the next start', async () => {
    const first = await check();
    assert.ok(first.length > 0, 'the example file has findings');
    const cache = await cacheOtherThan(undefined);
    const [, node, v8, arch, sha256] = KEY.exec(cache.toString('latin1', 0, 200))!;
    assert.deepEqual([node, v8, arch], [process.version, process.versions.v8, process.arch]);
    assert.equal(sha256, createHash('sha256').update(fs.readFileSync(path.join(dir, 'serverMain.js'))).digest('hex'), 'the SHA-256 of the bundle file');

    assert.deepEqual(await check(), first, 'the same answer from the cache');
    assert.ok(fs.readFileSync(cacheFile).equals(cache), 'a cache that was used is not written again');
  });

  test('the built bundle is ASCII (read byte for byte); one that is not is read as UTF-8 and answers the same', async () => {
    const bundle = fs.readFileSync(path.join(dir, 'serverMain.js'));
    assert.ok(isAscii(bundle), 'esbuild.js refuses a bundle that is not ASCII');
    const expected = await check();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-server-utf8-'));
    try {
      fs.copyFileSync(path.join(dir, 'server.js'), path.join(other, 'server.js'));
      // read byte for byte, the dash would be three characters and the server would stop here
      fs.writeFileSync(path.join(other, 'serverMain.js'), Buffer.concat([Buffer.from('if ("\u2013".length !== 1 || "–" !== "\u2013") throw new Error("not read as UTF-8");\n'), bundle]));
      const client = await startServer({ serverJs: path.join(other, 'server.js'), env: { HCPCS_DATA_DIR: path.join(repoRoot, 'data'), HCPCS_CODE_CACHE_AFTER_MS: '60000' } });
      try {
        client.open(uri, 'x12', fs.readFileSync(fixture, 'utf8'));
        assert.deepEqual(await client.diagnostics(uri), expected);
      } finally {
        await client.stop();
      }
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  test('a cache of another Node, or one V8 refuses, is not used: the server answers and replaces it', async () => {
    const expected = await check();
    const good = await cacheOtherThan(undefined);
    const keyLine = good.toString('latin1', 0, good.indexOf(10) + 1);

    const foreign = Buffer.concat([Buffer.from(keyLine.replace(process.version, 'v0.0.1'), 'latin1'), good.subarray(keyLine.length)]);
    fs.writeFileSync(cacheFile, foreign);
    assert.deepEqual(await check(), expected);
    assert.ok((await cacheOtherThan(foreign)).toString('latin1', 0, keyLine.length) === keyLine, 'replaced by one with this Node');

    const garbage = Buffer.concat([Buffer.from(keyLine, 'latin1'), Buffer.alloc(4096, 0x5a)]);
    fs.writeFileSync(cacheFile, garbage);
    assert.deepEqual(await check(), expected);
    const replaced = await cacheOtherThan(garbage);
    assert.ok(replaced.length > 100_000, 'replaced by a real cache');
  });
});
