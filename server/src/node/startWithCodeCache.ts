/**
 * The file editors start (dist/server/server.js): it runs the language server's bundle (serverMain.js, beside it)
 * from a V8 code cache when there is a sound one, so the engine neither parses the 1.2 MB bundle again nor compiles
 * again the functions a start and a first check run. Node 22 has this built in (module.enableCompileCache); the
 * Node 20 the server also runs on does not, so this is the same thing by hand.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark).
 *
 * The cache (serverMain.js.v8cache, beside the bundle: whoever can write there can change the bundle itself, so
 * it is trusted as the bundle is; never a shared folder such as /tmp) starts with a key line: the Node and V8
 * versions, the architecture and the SHA-256 of the bundle's text. It is used only when that line is exactly the
 * one this process computes; V8 then checks the data itself (its own version, flags and a checksum) and, when it
 * rejects them, compiles as without a cache. The cache holds compiled code only, no data of the product, which is
 * why it is compared byte for byte instead of going through a zod schema as every data file does.
 * It is written once, WRITE_AFTER_MS after a start without a usable one (the warm-up check has run by then),
 * to a temporary file renamed into place; a folder that cannot be written (a read-only install) just means no
 * cache. Never anything about a document: compiled code of the bundle only.
 */
import { isAscii } from 'node:buffer';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const bundle = path.join(__dirname, 'serverMain.js');
const cacheFile = `${bundle}.v8cache`;
/** After the server's idle warm-up (warmUpByChecking.ts), so the cache holds what a first check compiles. */
const WRITE_AFTER_MS = Number(process.env.HCPCS_CODE_CACHE_AFTER_MS ?? 15_000);

/** `bytes`: the bundle's file (the SHA-256 of its text as UTF-8, as the key always was). */
function cacheKey(bytes: Buffer): string {
  return `hcpcs-v8cache 1 ${process.version} ${process.versions.v8} ${process.arch} ${crypto.createHash('sha256').update(bytes).digest('hex')}\n`;
}

/** The cached data after the key line, when the file is there and its key is `key`. */
function readCache(key: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const keyBytes = Buffer.from(key, 'latin1');
  if (bytes.length <= keyBytes.length || !bytes.subarray(0, keyBytes.length).equals(keyBytes)) return undefined;
  return bytes.subarray(keyBytes.length);
}

function writeCache(key: string, script: vm.Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up
    }
  }
}

function start(): void {
  // read as bytes and hashed as they are; an ASCII bundle (esbuild.js sees to it) is decoded byte for byte into a
  // one-byte string: decoding it as UTF-8 and hashing that string again as UTF-8 cost 6 to 10 ms of each start
  const bytes = fs.readFileSync(bundle);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const key = cacheKey(bytes);
  const cachedData = readCache(key);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
  // the bundle requires Node's own modules only: this file's require serves them
  run.call(module.exports, module.exports, require, module, bundle, __dirname);
  if (!cachedData || script.cachedDataRejected) setTimeout(() => writeCache(key, script), WRITE_AFTER_MS).unref();
}

start();
