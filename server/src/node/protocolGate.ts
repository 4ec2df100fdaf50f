/**
 * The order of the LSP lifecycle, enforced before a message reaches the connection (issue 15 item 10):
 * a request before `initialize` gets -32002 (ServerNotInitialized) and a notification is dropped, as the
 * specification says; a second `initialize` is refused (InvalidRequest); after `shutdown` every request gets
 * InvalidRequest and only `exit` is taken. vscode-languageserver does none of this itself.
 */
import type { DataCallback, Disposable, Message, MessageReader, MessageWriter } from 'vscode-languageserver/node';

type State = 'new' | 'running' | 'shutdown';

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;

export class ProtocolGate implements MessageReader {
  private state: State = 'new';

  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  /** Whether `shutdown` was received (the exit code when the client goes away: 0 after it, 1 before). */
  get shutdownReceived(): boolean {
    return this.state === 'shutdown';
  }

  get onError() {
    return this.reader.onError;
  }
  get onClose() {
    return this.reader.onClose;
  }
  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.reader.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.reader.dispose();
  }

  private refuse(id: unknown, code: number, text: string): void {
    void this.writer.write({ jsonrpc: '2.0', id, error: { code, message: text } } as unknown as Message);
  }

  private admit(message: Message): boolean {
    const m = message as { id?: unknown; method?: unknown };
    if (typeof m.method !== 'string') return true; // a response to one of our requests
    const isRequest = m.id !== undefined && m.id !== null;
    if (m.method === 'exit' && !isRequest) return true;
    switch (this.state) {
      case 'new':
        if (isRequest && m.method === 'initialize') {
          this.state = 'running';
          return true;
        }
        if (isRequest) this.refuse(m.id, SERVER_NOT_INITIALIZED, `the server is not initialized: send "initialize" before "${m.method}"`);
        return false;
      case 'running':
        if (isRequest && m.method === 'initialize') {
          this.refuse(m.id, INVALID_REQUEST, '"initialize" was already received');
          return false;
        }
        if (isRequest && m.method === 'shutdown') this.state = 'shutdown';
        return true;
      case 'shutdown':
        if (isRequest) this.refuse(m.id, INVALID_REQUEST, `the server is shutting down: "${m.method}" is not taken after "shutdown", only "exit"`);
        return false;
    }
  }
}
