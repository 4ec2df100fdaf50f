/**
 * Entry point of the language server. The only file that knows the transport: `--stdio` for any LSP client
 * (Neovim, Emacs, Helix, ...), Node IPC when VS Code starts it (`--node-ipc`).
 *
 * Both transports get: the lifecycle gate (requests before initialize, after shutdown: protocolGate.ts), the
 * console that never logs message content (privateConsole.ts), and an exit when the client goes away. Over stdio
 * the reader is this project's own (stdioReader.ts): a bad frame is reported and reading resynchronises, a body
 * that is not JSON gets the JSON-RPC Parse error response (id null), and the end of stdin ends the server.
 */
// first: before any module makes a zod schema
import './node/zodWithoutCodeGeneration';
import * as path from 'node:path';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';
import { cancelQueuedRequests, countIncomingChanges, type IncomingChanges } from './node/incomingChanges';
import { FramingError, StdioMessageReader } from './node/stdioReader';
import { ProtocolGate } from './node/protocolGate';
import { privateConsole } from './node/privateConsole';

if (process.argv.includes('--version')) {
  process.stdout.write('hcpcs-language-server\n');
  process.exit(0);
}

const features = { ...ProposedFeatures.all, console: privateConsole } as typeof ProposedFeatures.all;
let incoming: IncomingChanges | undefined;
let gate: ProtocolGate | undefined;
/** Problems of the transport, logged once the connection exists (kind and size only). */
let logTransport: (message: string) => void = () => undefined;

function connect(reader: MessageReader, writer: MessageWriter) {
  gate = new ProtocolGate(reader, writer);
  incoming = countIncomingChanges(gate);
  return createConnection(features, incoming.reader, writer, cancelQueuedRequests);
}

/** Exit when the client is gone: 0 after shutdown, 1 otherwise (as the specification says for exit). */
function exitWhenGone(): void {
  process.exit(gate?.shutdownReceived ? 0 : 1);
}

function stdioConnection() {
  const reader = new StdioMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    if (error instanceof SyntaxError || (error instanceof FramingError && error.respond)) {
      void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: `Parse error: ${error.message}` } } as never);
    }
    if (error instanceof FramingError) logTransport(`message framing: ${error.message}; reading resumes at the next header`);
  });
  reader.onClose(exitWhenGone);
  return connect(reader, writer);
}

function ipcConnection() {
  process.on('disconnect', exitWhenGone);
  return connect(new IPCMessageReader(process), new IPCMessageWriter(process));
}

const connection = process.argv.includes('--stdio')
  ? stdioConnection()
  : process.argv.includes('--node-ipc')
    ? ipcConnection()
    : createConnection(features, cancelQueuedRequests);
logTransport = (message) => connection.console.error(message);
// The bundle sits in dist/server/; the data tables in data/ at the package root.
const dataDir = process.env.HCPCS_DATA_DIR ?? path.resolve(__dirname, '..', '..', 'data');
// Over stdio an answer bigger than the pipe's buffer leaves in pieces, as the client reads: "written" waits for that.
const written = process.argv.includes('--stdio')
  ? () => (process.stdout.writableLength === 0 ? Promise.resolve() : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())))
  : undefined;
startServer(connection, { dataDir, receivedChanges: incoming?.received, receivedRequests: incoming?.receivedRequests, written });

// One request's exception must never end the server: log the kind of error, never document text.
process.on('uncaughtException', (err) => connection.console.error(`unexpected error: ${err?.name}: ${err?.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unexpected rejection: ${String((err as Error)?.message ?? err)}`));
