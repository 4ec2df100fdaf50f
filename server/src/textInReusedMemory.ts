/**
 * A new version's text joined from pieces of the old one and the inserted text, made in memory that is used again
 * from version to version rather than on fresh pages.
 *
 * A JS concatenation is flattened by V8 the first time a character is read, into a new string of the whole length
 * in its large-object space, which takes fresh pages from the kernel each time: for a 10 MB claim file that is
 * about 2,450 page faults, 6 to 8 ms per version on this machine kind, while the copy itself is about 1 ms. A text
 * of Latin-1 characters only (every claim file we have seen: X12 is ASCII) is instead written into a byte buffer and
 * decoded with Node's Latin-1 decoder, which for a string over about 1 MB makes an external string in malloc'd
 * memory (Node's `EXTERN_APEX`); malloc reuses the blocks the previous versions freed, so there are no new page
 * faults. Reading an external string is as fast as reading a heap string (parse and line index of the 10 MB
 * file measured side by side). A text with other characters, or a small one, is joined as before.
 *
 * Speed trick. Protects: protocol "one-character edit -> diagnostics" and "hover during a typing burst" on the
 * 10 MB file (`npm run bench`): each makes one new version's text before anything else.
 */

/** Below this many characters the pieces are joined as JS strings (Node itself makes a heap string then). */
export const REUSED_MEMORY_MIN_LENGTH = 1 << 20;

/** Any character that Latin-1 cannot hold. V8 answers at once for a string it holds one byte a character. */
const NOT_LATIN1 = /[^\x00-\xff]/;

/** Whether every character of `s` is Latin-1 (U+0000 to U+00FF). */
export function isLatin1(s: string): boolean {
  return !NOT_LATIN1.test(s);
}

/** A stretch of a string: `s.slice(from, to)` without making it. */
export interface TextPiece {
  s: string;
  from: number;
  to: number;
}

/**
 * The pieces joined. `latin1`: the caller knows every piece is Latin-1 (else it is checked here, which costs a scan of
 * a piece held two bytes a character). `minLength`: below it, a plain join (tests pass 0 to exercise the buffer).
 */
export function joinedText(pieces: readonly TextPiece[], latin1?: boolean, minLength = REUSED_MEMORY_MIN_LENGTH): string {
  let length = 0;
  for (const p of pieces) length += p.to - p.from;
  if (length < minLength || !(latin1 ?? pieces.every((p) => isLatin1(p.from === 0 && p.to === p.s.length ? p.s : p.s.slice(p.from, p.to))))) {
    let out = '';
    for (const p of pieces) out += p.from === 0 && p.to === p.s.length ? p.s : p.s.slice(p.from, p.to);
    return out;
  }
  // allocUnsafe of this size is malloc'd outside the JS heap, and freed (for reuse) when the buffer is collected
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const p of pieces) {
    if (p.to > p.from) at += bytes.write(p.from === 0 && p.to === p.s.length ? p.s : p.s.slice(p.from, p.to), at, 'latin1');
  }
  return bytes.toString('latin1', 0, at);
}

/** `text` with `removed` characters at `offset` replaced by `inserted` (`latin1`: as for joinedText). */
export function splicedText(text: string, offset: number, removed: number, inserted: string, latin1?: boolean, minLength = REUSED_MEMORY_MIN_LENGTH): string {
  return joinedText(
    [
      { s: text, from: 0, to: offset },
      { s: inserted, from: 0, to: inserted.length },
      { s: text, from: offset + removed, to: text.length },
    ],
    latin1,
    minLength,
  );
}
