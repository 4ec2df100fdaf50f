/**
 * The LSP base protocol over stdin: `Content-Length: N\r\n\r\n` + N bytes of JSON. Made here rather than taken
 * from vscode-jsonrpc because a bad frame left that reader alive but deaf (issue 15 item 8: `abc`, `-5`,
 * 20 digits or no Content-Length, LF-only separators, a truncated body; shutdown and exit were then ignored).
 *
 * - A header block that is not valid (no or bad Content-Length, over 8 KB without an end) is reported and the
 *   reader resynchronises: it skips to the next `Content-Length:` in the stream.
 * - `\n\n` is accepted as the end of the headers, as many clients and test tools write it.
 * - A body cut short is found because the next frame shows up inside it: `Content-Length: <digits>` followed
 *   by a raw line break can never occur in a JSON text (a raw CR or LF is invalid inside a JSON string, and the
 *   header is not JSON outside one). The broken body gets a Parse error and reading goes on at that header.
 * - A body that is not JSON gets a Parse error (JSON-RPC -32700, id null) from the caller; reading goes on.
 * - When stdin ends the reader closes (issue 15 item 9: the caller exits; the server used to stay alive as
 *   long as the client process named in `processId` did).
 * Problems are told by kind and size, never with the bytes (they can hold claim text).
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-jsonrpc';
import type { Readable } from 'node:stream';

/** Longest header block accepted (real ones are about 40 bytes). */
const MAX_HEADER_BYTES = 8 * 1024;
/** Largest body accepted: about the longest string V8 can hold (a 512 MB document is not one). */
export const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

export class FramingError extends Error {
  constructor(
    message: string,
    /** Whether a Parse error response is due (a body was there but unusable). */
    readonly respond: boolean,
  ) {
    super(message);
    this.name = 'FramingError';
  }
}

const SPELLINGS = ['Content-Length:', 'content-length:', 'CONTENT-LENGTH:'].map((x) => Buffer.from(x));
const CONTENT_LENGTH = SPELLINGS[0];

/** Offset of the next `Content-Length:` (as clients spell it) at or after `from`, or -1. Native search. */
function findContentLength(buffer: Buffer, from: number): number {
  let best = -1;
  for (const spelling of SPELLINGS) {
    const at = buffer.indexOf(spelling, from);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** Header names: letters, digits, dashes. */
function isNameByte(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/** Whether a complete next-frame header starts at `at`: `Content-Length:`, blanks, digits, then a raw CR or LF. */
function isFrameStart(buffer: Buffer, at: number): boolean | undefined {
  let i = at + CONTENT_LENGTH.length;
  while (i < buffer.length && (buffer[i] === 32 || buffer[i] === 9)) i++;
  const digits = i;
  while (i < buffer.length && buffer[i] >= 48 && buffer[i] <= 57) i++;
  if (i === buffer.length) return undefined; // not known yet
  return i > digits && (buffer[i] === 13 || buffer[i] === 10);
}

export class StdioMessageReader extends AbstractMessageReader implements MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  /** Length of the body being read, once its headers were read; -1 while reading headers. */
  private bodyLength = -1;
  /** Body bytes already searched for a next-frame header. */
  private searched = 0;
  private callback: DataCallback | undefined;

  constructor(private readonly readable: Readable) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer) => this.onData(chunk);
    const onEnd = () => this.fireClose();
    const onError = (error: Error) => this.fireError(error);
    this.readable.on('data', onData);
    this.readable.on('end', onEnd);
    this.readable.on('close', onEnd);
    this.readable.on('error', onError);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('end', onEnd);
        this.readable.off('close', onEnd);
        this.readable.off('error', onError);
      },
    };
  }

  /** Chunks of a body still incomplete, joined once it is (joining per chunk made a 100 MB message quadratic). */
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** The last bytes before the pending chunk, so a header split between two chunks is still found. */
  private tail: Buffer = Buffer.alloc(0);

  private onData(chunk: Buffer): void {
    if (this.bodyLength >= 0) {
      const have = this.buffer.length + this.pendingLength;
      if (have + chunk.length < this.bodyLength) {
        const window = Buffer.concat([this.tail, chunk]);
        if (findContentLength(window, 0) < 0) {
          this.pending.push(chunk);
          this.pendingLength += chunk.length;
          this.tail = Buffer.from(window.subarray(Math.max(0, window.length - 40)));
          this.searched = Math.max(0, have + chunk.length - 40);
          return;
        }
      }
    }
    this.buffer = this.pending.length === 0 && this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, ...this.pending, chunk]);
    this.pending = [];
    this.pendingLength = 0;
    this.tail = Buffer.alloc(0);
    for (;;) {
      if (this.bodyLength < 0) {
        if (!this.readHeaders()) return;
      } else if (!this.readBody()) {
        return;
      }
    }
  }

  /** Set while skipping bytes after a bad frame, so one run of garbage is reported once. */
  private skipping = false;

  /** Skips to the next `Content-Length:` after a bad frame (keeps what may be the start of one at the end). */
  private resync(from: number): void {
    const at = findContentLength(this.buffer, from);
    this.buffer = at >= 0 ? this.buffer.subarray(at) : this.buffer.subarray(Math.max(from, this.buffer.length - CONTENT_LENGTH.length + 1));
    this.bodyLength = -1;
    this.searched = 0;
    this.skipping = true;
  }

  private report(error: Error): void {
    if (!this.skipping || error instanceof SyntaxError) this.fireError(error);
  }

  /** Reads one header block; false when more bytes are needed. */
  private readHeaders(): boolean {
    let buffer = this.buffer;
    // Line breaks between messages are tolerated.
    let skip = 0;
    while (skip < buffer.length && (buffer[skip] === 13 || buffer[skip] === 10)) skip++;
    if (skip > 0) this.buffer = buffer = buffer.subarray(skip);
    if (buffer.length === 0) return false;
    // A header block starts with a header name and a colon; anything else is skipped to the next header.
    let name = 0;
    while (name < buffer.length && name < 64 && isNameByte(buffer[name])) name++;
    if (name === buffer.length && name < 64) return false;
    if (name === 0 || buffer[name] !== 58 /* : */) {
      this.report(new FramingError('bytes that are not a message header were skipped', false));
      this.resync(1);
      return true;
    }
    let end = -1;
    let sepLength = 0;
    for (let i = 0; i < buffer.length && i < MAX_HEADER_BYTES; i++) {
      if (buffer[i] !== 10) continue;
      if (buffer[i + 1] === 10) {
        end = i;
        sepLength = 2;
        break;
      }
      if (buffer[i + 1] === 13 && buffer[i + 2] === 10) {
        end = i;
        sepLength = 3;
        break;
      }
    }
    if (end < 0) {
      if (buffer.length < MAX_HEADER_BYTES) return false;
      this.report(new FramingError(`a message header of over ${MAX_HEADER_BYTES} bytes without an end`, false));
      this.resync(1);
      return true;
    }
    const headers = buffer.subarray(0, end).toString('latin1').split(/\r?\n/);
    let length: number | undefined;
    let problem: string | undefined;
    for (const line of headers) {
      const m = /^([^:]+):[ \t]*(.*?)[ \t\r]*$/.exec(line);
      if (!m) {
        problem = 'a header line without a colon';
        break;
      }
      if (m[1].toLowerCase() !== 'content-length') continue;
      if (!/^\d{1,10}$/.test(m[2])) {
        problem = `a Content-Length that is not a number of bytes (${m[2].length} characters)`;
        break;
      }
      length = Number(m[2]);
      if (length > MAX_MESSAGE_BYTES) {
        problem = `a Content-Length of ${length} bytes, over the ${MAX_MESSAGE_BYTES} byte limit`;
        length = undefined;
        break;
      }
    }
    if (!problem && length === undefined) problem = 'a message header without Content-Length';
    if (problem !== undefined || length === undefined) {
      this.report(new FramingError(problem ?? 'a bad message header', false));
      this.resync(end + sepLength);
      return true;
    }
    this.skipping = false;
    this.buffer = buffer.subarray(end + sepLength);
    this.bodyLength = length;
    this.searched = 0;
    return true;
  }

  /** Reads the body once complete; false when more bytes are needed. */
  private readBody(): boolean {
    const buffer = this.buffer;
    const available = Math.min(buffer.length, this.bodyLength);
    // A next frame inside this body means the body was cut short: give up on it there.
    for (let at = findContentLength(buffer, Math.max(0, this.searched)); at >= 0 && at < available; at = findContentLength(buffer, at + 1)) {
      const frame = isFrameStart(buffer, at);
      if (frame === undefined) break; // decide when more bytes are in
      if (frame) {
        this.fireError(new FramingError(`a message body cut short after ${at} of ${this.bodyLength} bytes`, true));
        this.buffer = buffer.subarray(at);
        this.bodyLength = -1;
        this.searched = 0;
        return true;
      }
    }
    this.searched = Math.max(0, available - 40);
    if (buffer.length < this.bodyLength) return false;
    const body = buffer.subarray(0, this.bodyLength);
    this.buffer = buffer.subarray(this.bodyLength);
    this.bodyLength = -1;
    this.searched = 0;
    let message: Message;
    try {
      message = JSON.parse(body.toString('utf8')) as Message;
    } catch {
      this.fireError(new SyntaxError(`a message body of ${body.length} bytes that is not JSON`));
      return true;
    }
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      this.fireError(new SyntaxError(`a message body of ${body.length} bytes that is not a JSON object`));
      return true;
    }
    this.callback?.(message);
    return true;
  }
}
