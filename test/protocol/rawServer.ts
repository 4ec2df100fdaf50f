/**
 * The built server over raw stdio bytes, for traffic a well-behaved client library cannot send (bad headers,
 * cut bodies, requests out of lifecycle order). Frames from the server are parsed here.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(__dirname, '..', '..');
const serverBin = path.join(repoRoot, 'bin', 'hcpcs-language-server.js');

export interface RawServer {
  child: ChildProcessWithoutNullStreams;
  messages: { id?: unknown; method?: string; result?: unknown; error?: { code: number; message: string }; params?: { message?: string } }[];
  send(bytes: string | Buffer): void;
  request(id: number, method: string, params?: unknown): void;
  notify(method: string, params?: unknown): void;
  /** Waits (at most 15 s) for a message matching `predicate`; throws when none came. */
  waitFor(what: string, predicate: (m: RawServer['messages'][number]) => boolean): Promise<RawServer['messages'][number]>;
  exited(): Promise<number | null>;
  kill(): void;
}

export function frame(message: unknown): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

export function initializeParams(): unknown {
  const folder = path.join(repoRoot, 'test', 'fixtures', 'protocol');
  return { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, initializationOptions: {} };
}

export function startRawServer(): RawServer {
  const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: repoRoot, stdio: 'pipe' });
  const messages: RawServer['messages'] = [];
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('latin1'))?.[1]);
      if (buffer.length < end + 4 + length) return;
      messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
      buffer = buffer.subarray(end + 4 + length);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.stdin.on('error', () => undefined);
  return {
    child,
    messages,
    send: (bytes) => void child.stdin.write(bytes),
    request: (id, method, params) => void child.stdin.write(frame({ jsonrpc: '2.0', id, method, params })),
    notify: (method, params) => void child.stdin.write(frame({ jsonrpc: '2.0', method, params })),
    async waitFor(what, predicate) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${what} from the server (${messages.length} messages: ${JSON.stringify(messages.map((m) => m.method ?? m.id))})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    exited: () => exit,
    kill: () => void child.kill('SIGKILL'),
  };
}
