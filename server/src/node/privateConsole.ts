/**
 * The output channel never receives a message's content (issue 15 item 6): vscode-jsonrpc logs a malformed
 * message whole ("Received message which is neither a response nor a notification message:" and the message as
 * JSON, claim text included). Every line logged through the connection goes through here: its first line is
 * kept (what kind of problem), anything after it is replaced by its size.
 */
import type { RemoteConsole } from 'vscode-languageserver/node';

export function withoutContent(message: string): string {
  const text = String(message);
  const newline = text.indexOf('\n');
  if (newline < 0) return text;
  const rest = text.length - newline - 1;
  return `${text.slice(0, newline).replace(/:\s*$/, '')} (${rest.toLocaleString('en-US')} characters of message content not logged)`;
}

type ConsoleClass = new () => RemoteConsole;

/** A console feature for createConnection: the library's own console, with every line passed through withoutContent. */
export function privateConsole(Base: ConsoleClass): ConsoleClass {
  return class PrivateConsole extends Base {
    override error(message: string): void {
      super.error(withoutContent(message));
    }
    override warn(message: string): void {
      super.warn(withoutContent(message));
    }
    override info(message: string): void {
      super.info(withoutContent(message));
    }
    override log(message: string): void {
      super.log(withoutContent(message));
    }
    override debug(message: string): void {
      super.debug(withoutContent(message));
    }
  };
}
