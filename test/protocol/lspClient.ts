/**
 * A real JSON-RPC client for protocol tests: spawns the built server (`hcpcs-language-server --stdio`) as a child
 * process and speaks LSP to it over its standard input and output.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverBin = path.join(repoRoot, 'bin', 'hcpcs-language-server.js');

export interface TestClient {
  connection: MessageConnection;
  child: ChildProcessWithoutNullStreams;
  /**
   * Resolves with the next diagnostics published for the uri (or the latest, if already published); during a
   * document's first check, those its 'checked' status confirms (a long first check publishes a partial answer first).
   */
  diagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  open(uri: string, languageId: string, text: string, version?: number): void;
  stop(): Promise<void>;
  stderr(): string;
  /** Log lines, and the messages of window/showMessage and window/showMessageRequest (notifications and warnings). */
  logs: string[];
  /** Each workspace/diagnostic/refresh request (pull clients that announce refreshSupport): how many hcpcs/status had come before it. */
  refreshes: number[];
  /** Every hcpcs/status notification received, in order. */
  statuses: { uri?: string; state?: string; problems?: number }[];
  /** Every publishDiagnostics received, in order. */
  publications: PublishDiagnosticsParams[];
}

export function fileUri(...parts: string[]): string {
  return pathToFileURL(path.join(repoRoot, ...parts)).href;
}

export async function startServer(
  options: { settings?: unknown; workspaceFolder?: string; env?: Record<string, string>; /** Another built server.js to start (default: bin/hcpcs-language-server.js). */ serverJs?: string; textDocumentCapabilities?: Record<string, unknown>; workspaceCapabilities?: Record<string, unknown>; initializationOptions?: unknown } = {},
): Promise<TestClient> {
  const child = spawn(process.execPath, [options.serverJs ?? serverBin, '--stdio'], { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, ...options.env } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  const logs: string[] = [];
  const publications: PublishDiagnosticsParams[] = [];
  // A document whose first check is under way ('checking' since its didOpen, until 'checked') may get a partial
  // publication first (a long first check): waiters get the publication its 'checked' status confirms.
  const checking = new Set<string>();
  const offer = (uri: string) => {
    const diagnostics = published.get(uri);
    if (!diagnostics || checking.has(uri)) return;
    for (const w of [...waiters]) {
      if (w.uri === uri && w.predicate(diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(diagnostics);
      }
    }
  };
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    publications.push(p);
    published.set(p.uri, p.diagnostics);
    offer(p.uri);
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => void logs.push(p.message));
  const statuses: { uri?: string; state?: string; problems?: number }[] = [];
  connection.onNotification('hcpcs/status', (p: { uri?: string; state?: string; problems?: number }) => {
    statuses.push(p);
    if (!p.uri) return;
    if (p.state === 'checking') checking.add(p.uri);
    if (p.state === 'checked') {
      checking.delete(p.uri);
      offer(p.uri);
    }
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  const refreshes: number[] = [];
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes.push(statuses.length);
    return null;
  });
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    logs.push(p.message);
    return null;
  });
  connection.onNotification('window/showMessage', (p: { message: string }) => void logs.push(p.message));
  connection.listen();

  const workspace = options.workspaceFolder ?? path.join(repoRoot, 'test', 'fixtures', 'protocol');
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'fixtures' }],
    initializationOptions: options.initializationOptions,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, ...options.workspaceCapabilities },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: false, labelDetailsSupport: true } },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...options.textDocumentCapabilities,
      },
    },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    child,
    logs,
    publications,
    statuses,
    refreshes,
    stderr: () => stderr,
    open(uri, languageId, text, version = 1) {
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    diagnostics(uri, predicate = () => true) {
      const now = published.get(uri);
      if (now && !checking.has(uri) && predicate(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        // a wait, not a speed check (npm run bench measures speed): a 10 MB file on a loaded 2-core machine needs more than 10 s
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 30 s`)), 30_000);
        waiters.push({
          uri,
          predicate,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        void connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** Offset of the `$0` cursor marker, and the text without it. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const offset = textWithMarker.indexOf('$0');
  if (offset < 0) throw new Error('fixture has no $0 cursor marker');
  return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 2), offset };
}

/** LSP position (UTF-16) of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}
