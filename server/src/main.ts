/**
 * Entry point of the language server. The only file that knows the transport: `--stdio` for any LSP client
 * (Neovim, Emacs, Helix, ...), Node IPC when VS Code starts it (`--node-ipc`), chosen by vscode-languageserver.
 */
import * as path from 'node:path';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from './server';
import { cancelQueuedRequests, countIncomingChanges, type IncomingChanges } from './node/incomingChanges';

if (process.argv.includes('--version')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.stdout.write('hcpcs-language-server\n');
  process.exit(0);
}

/**
 * Over stdio the reader and writer are made here so that a message whose body is not JSON gets the JSON-RPC
 * "Parse error" response (id null) the specification asks for, instead of silence; reading goes on either way.
 */
let incoming: IncomingChanges | undefined;

function stdioConnection() {
  incoming = countIncomingChanges(new StreamMessageReader(process.stdin));
  const reader = incoming.reader;
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      void writer.write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error: the message body is not valid JSON' } } as never);
    }
  });
  return createConnection(ProposedFeatures.all, reader, writer, cancelQueuedRequests);
}

/** Node IPC (how VS Code starts the server), with the same change counting. */
function ipcConnection() {
  incoming = countIncomingChanges(new IPCMessageReader(process));
  return createConnection(ProposedFeatures.all, incoming.reader, new IPCMessageWriter(process), cancelQueuedRequests);
}

const connection = process.argv.includes('--stdio')
  ? stdioConnection()
  : process.argv.includes('--node-ipc')
    ? ipcConnection()
    : createConnection(ProposedFeatures.all, cancelQueuedRequests);
// The bundle sits in dist/server/; the data tables in data/ at the package root.
const dataDir = process.env.HCPCS_DATA_DIR ?? path.resolve(__dirname, '..', '..', 'data');
startServer(connection, { dataDir, receivedChanges: incoming?.received });

// One request's exception must never end the server: log the kind of error, never document text.
process.on('uncaughtException', (err) => connection.console.error(`unexpected error: ${err?.name}: ${err?.message}`));
process.on('unhandledRejection', (err) => connection.console.error(`unexpected rejection: ${String((err as Error)?.message ?? err)}`));
