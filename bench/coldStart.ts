/**
 * The cold-start figure alone: "server start to first diagnostics of a small file" (the built server spawned over
 * stdio, initialize, initialized, didOpen of examples/claims/837p-oncology-clinic.837, until its publishDiagnostics),
 * divided by x12-parser's parse of the 10 MB realistic file measured in the same run (target <= 0.2).
 * `bench/run.ts` uses the same measurement (serverStartToFirstDiagnostics) for its table.
 *
 *   npm run build && node --expose-gc --import tsx bench/coldStart.ts [--runs N] [SERVER.js ...]
 *
 * With several server bundles (say the build of main copied aside, then dist/server/server.js) the starts are taken
 * in turn, A B A B ..., so a noisy machine moves them alike; each gets its median. Default: dist/server/server.js.
 * A build that runs its bundle from a V8 code cache (serverMain.js beside server.js) is measured both ways: first
 * without the cache (the first start after an install), then with it (every later start: what the figure is).
 * The 10 MB file is the one `npm run bench` generates into .cache/bench/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { serverEnvironment } from '../client/src/serverEnvironment';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { x12ParserMs } from './x12Parser';

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, '.cache', 'bench');

/**
 * The built server `serverJs` spawned over stdio, initialized the way an editor does, with `text` opened as
 * small.837; `onDiagnostics` sees each publishDiagnostics of it.
 */
async function startAndOpen(serverJs: string, text: string, env: Record<string, string | undefined> | undefined, onDiagnostics: () => void) {
  // the environment the extension starts the server with (client/src/serverEnvironment.ts), then the bench's own
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...serverEnvironment(), ...env } });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(path.join(cacheDir, 'small.837')).href;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
    if (p.uri === uri) onDiagnostics();
  });
  connection.onNotification(() => undefined);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'x12', version: 1, text } });
  return {
    stop: () => {
      connection.dispose();
      child.kill();
    },
  };
}

/** Milliseconds from spawning `serverJs` to the first publishDiagnostics of `text` (opened as a small.837). */
export async function serverStartToFirstDiagnostics(text: string, serverJs = path.join(root, 'dist', 'server', 'server.js'), env?: Record<string, string | undefined>): Promise<number> {
  const started = performance.now();
  let resolve: (ms: number) => void = () => undefined;
  const got = new Promise<number>((r) => (resolve = r));
  const server = await startAndOpen(serverJs, text, env, () => resolve(performance.now() - started));
  const ms = await got;
  server.stop();
  return ms;
}

/** The V8 code cache the server's start writes beside its bundle (server/src/node/startWithCodeCache.ts); undefined for a build without it. */
export function codeCacheOf(serverJs: string): string | undefined {
  const bundle = path.join(path.dirname(serverJs), 'serverMain.js');
  return fs.existsSync(bundle) ? `${bundle}.v8cache` : undefined;
}

/**
 * Every start but the first after an install or a build runs from the code cache; the starts measured are those.
 * A start is killed once its first diagnostics are out, before it would write the cache (15 s on): so one start
 * here is kept alive until it has written it (2 s on, after its first check and the idle warm-up, as in an editor).
 */
export async function primeCodeCache(serverJs: string, text: string): Promise<void> {
  const cache = codeCacheOf(serverJs);
  if (!cache) return;
  fs.rmSync(cache, { force: true });
  const server = await startAndOpen(serverJs, text, { HCPCS_CODE_CACHE_AFTER_MS: '2000' }, () => undefined);
  for (let i = 0; i < 300 && !fs.existsSync(cache); i++) await new Promise((r) => setTimeout(r, 100));
  server.stop();
  if (!fs.existsSync(cache)) throw new Error(`${serverJs} wrote no code cache within 30 s`);
}

export const smallClaimFile = () => fs.readFileSync(path.join(root, 'examples', 'claims', '837p-oncology-clinic.837'), 'utf8');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let runs = 7;
  const servers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--runs') runs = Number(args[++i]);
    else servers.push(path.resolve(args[i]));
  }
  if (servers.length === 0) servers.push(path.join(root, 'dist', 'server', 'server.js'));
  const big = path.join(cacheDir, 'synthetic-837p-10mb-realistic-v2.837');
  if (!fs.existsSync(big)) throw new Error(`${big} is missing: run npm run bench once to generate it`);
  const text10 = fs.readFileSync(big, 'utf8');
  const small = smallClaimFile();
  const before = await x12ParserMs(text10, 3);
  // first the starts without a code cache (the first after an install), then with it (every other start)
  const cold = servers.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) {
    for (let s = 0; s < servers.length; s++) {
      const cache = codeCacheOf(servers[s]);
      if (!cache) continue;
      fs.rmSync(cache, { force: true });
      cold[s].push(await serverStartToFirstDiagnostics(small, servers[s]));
    }
  }
  for (const s of servers) await primeCodeCache(s, small);
  const times = servers.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) for (let s = 0; s < servers.length; s++) times[s].push(await serverStartToFirstDiagnostics(small, servers[s]));
  const after = await x12ParserMs(text10, 3);
  const yardstick = median([before, after]);
  console.log(`x12-parser 10 MB: ${before.toFixed(0)} ms before, ${after.toFixed(0)} ms after the starts`);
  const line = (label: string, xs: number[]) => {
    const m = median(xs);
    console.log(`${label}: median ${m.toFixed(0)} ms (${(m / yardstick).toFixed(2)} of x12-parser; target <= 0.2) runs ${xs.map((t) => t.toFixed(0)).join(' ')}`);
  };
  servers.forEach((s, k) => {
    const name = path.relative(root, s) || s;
    if (cold[k].length) line(`${name}, first start after a build (no code cache)`, cold[k]);
    line(cold[k].length ? `${name}, with its code cache` : name, times[k]);
  });
}

if (require.main === module) {
  main().then(() => process.exit(0), (err) => {
    console.error(err);
    process.exit(1);
  });
}
