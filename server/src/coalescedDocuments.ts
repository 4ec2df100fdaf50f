/**
 * Open documents whose changes are queued, not applied: a didChange only records its content changes, and the
 * text of the newest version is made when something asks for it (a request, a validation). Changes that arrive
 * together are applied in one pass, so the server checks only the latest version and never makes a 10 MB string
 * per keystroke.
 *
 * Figure protected: 1,000 changes at once on a 10 MB file, then a hover (`npm run bench`, protocol figure
 * `hoverAfter1000ChangesMs` and the server's peak memory; issue 15 item 4: it was 16.6 s and 897 MB when every
 * change made a new text and line table). A few changes are applied one by one (`OpenDocument.applied`: the line
 * index shifted, what one keystroke costs least with); more go through a piece list and one join.
 *
 * Each version made from a few incremental changes carries them as offset edits (`OpenDocument.edits`): the analysis takes
 * the edited stretch from them instead of comparing two 10 MB texts. Figure protected: protocol "one-character edit ->
 * its diagnostics", 10 MB (`bench/protocol.ts`).
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { OpenDocument, type OffsetEdit } from './openDocument';

/** Up to this many queued changes are applied one by one (each copies the text once). */
const ONE_BY_ONE_MAX = 4;

interface Entry {
  document: OpenDocument;
  /** Changes not yet applied, in order, and the version they lead to. */
  queued: TextDocumentContentChangeEvent[];
  version: number;
}

export class CoalescedDocuments {
  private readonly entries = new Map<string, Entry>();

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const document = new OpenDocument(uri, languageId, version, text);
    this.entries.set(uri, { document, queued: [], version });
    return document;
  }

  /** Records the changes (cheap); false when the document is not open. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    const entry = this.entries.get(uri);
    if (!entry) return false;
    for (const c of changes) entry.queued.push(c);
    entry.version = version;
    return true;
  }

  close(uri: string): boolean {
    return this.entries.delete(uri);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** The newest version number (changes may still be queued). */
  version(uri: string): number | undefined {
    return this.entries.get(uri)?.version;
  }

  /** Changes received but not yet applied. */
  queuedChanges(uri: string): number {
    return this.entries.get(uri)?.queued.length ?? 0;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** The document at its newest version: the queued changes are applied now, in one pass. */
  get(uri: string): OpenDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    if (entry.queued.length === 0) {
      if (entry.document.version !== entry.version) {
        entry.document = entry.document.withVersion(entry.version);
      }
      return entry.document;
    }
    const changes = entry.queued;
    entry.queued = [];
    // a full-text change makes everything before it irrelevant
    let from = 0;
    for (let i = changes.length - 1; i >= 0; i--) {
      if (isFull(changes[i])) {
        from = i;
        break;
      }
    }
    const rest = from > 0 || isFull(changes[0]) ? changes.slice(from) : changes;
    if (rest.length <= ONE_BY_ONE_MAX) {
      const fromVersion = entry.document.version;
      const edits: OffsetEdit[] = [];
      let document = entry.document;
      // one change at a time: each one's offsets in the text the ones before made
      for (const c of rest) {
        if (hasRange(c)) {
          const next = document.applied(c, entry.version);
          edits.push(next.edit);
          document = next.document;
        } else {
          document = new OpenDocument(uri, document.languageId, entry.version, c.text);
        }
      }
      document.edits = edits.length === rest.length ? { fromVersion, toVersion: entry.version, edits } : undefined;
      entry.document = document;
    } else {
      const base = isFull(rest[0]) ? rest[0].text : entry.document.getText();
      const text = applyAll(base, isFull(rest[0]) ? rest.slice(1) : rest);
      entry.document = new OpenDocument(uri, entry.document.languageId, entry.version, text);
    }
    return entry.document;
  }
}

function isFull(c: TextDocumentContentChangeEvent): c is { text: string } {
  return !hasRange(c);
}

function hasRange(c: TextDocumentContentChangeEvent): c is { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  return 'range' in c && !!(c as { range?: unknown }).range;
}

// ---------------------------------------------------------------------------------------------
// Many changes, one text: a piece list over the base text (whose line starts are found once) and the inserted
// strings; positions are resolved against the pieces as each change comes, and the result is joined once.

interface Piece {
  s: string;
  from: number;
  to: number;
  /**
   * Line breaks inside s[from, to) as if the piece stood alone (a CR LF pair counts once, a CR at the piece's end
   * counts); a trailing CR followed by a piece starting with LF is one break with it (see `lineStart`).
   */
  breaks: number;
  /** Whether s is the base text (its breaks are looked up in baseStarts). */
  base: boolean;
}

/** Pieces beyond this are joined back into one base text (keeps each lookup short when changes are scattered). */
const MAX_PIECES = 400;

/** Offsets just after each line break of `text` (\n, \r\n, \r), ascending. */
function lineStartsOf(text: string): Int32Array {
  const hasCr = text.indexOf('\r') >= 0;
  const out: number[] = [];
  if (!hasCr) {
    let i = -1;
    while ((i = text.indexOf('\n', i + 1)) >= 0) out.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        out.push(i + 1);
      } else if (ch === 10) out.push(i + 1);
    }
  }
  return Int32Array.from(out);
}

/** Whether s[to - 1] is a CR that, in s, is followed by an LF (a CR LF pair the piece boundary cuts). */
function endsWithCrBeforeLf(s: string, to: number): boolean {
  return to > 0 && to < s.length && s.charCodeAt(to - 1) === 13 && s.charCodeAt(to) === 10;
}

/** Number of values in `sorted` that are > lo and <= hi. */
function countIn(sorted: Int32Array, lo: number, hi: number): number {
  return upperBound(sorted, hi) - upperBound(sorted, lo);
}

/** Index of the first value > x. */
function upperBound(sorted: Int32Array, x: number): number {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (sorted[m] <= x) a = m + 1;
    else b = m;
  }
  return a;
}

/** Line-start positions (relative to `from`) inside s[from, to), for small strings. */
function smallBreaks(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 13) {
      if (i + 1 < to && s.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1 - from);
    } else if (ch === 10) out.push(i + 1 - from);
  }
  return out;
}

class Pieces {
  private pieces: Piece[] = [];
  private baseStarts: Int32Array = new Int32Array(0);
  private length = 0;

  constructor(text: string) {
    this.reset(text);
  }

  private reset(text: string): void {
    this.baseStarts = lineStartsOf(text);
    this.pieces = text.length ? [{ s: text, from: 0, to: text.length, breaks: this.baseStarts.length, base: true }] : [];
    this.length = text.length;
  }

  text(): string {
    return this.pieces.map((p) => (p.from === 0 && p.to === p.s.length ? p.s : p.s.slice(p.from, p.to))).join('');
  }

  private make(s: string, from: number, to: number, base: boolean): Piece {
    const breaks = base ? countIn(this.baseStarts, from, to) + (endsWithCrBeforeLf(s, to) ? 1 : 0) : smallBreaks(s, from, to).length;
    return { s, from, to, breaks, base };
  }

  /** Offset where line `line` starts (after its break), or -1 past the last line. */
  private lineStart(line: number): number {
    if (line <= 0) return 0;
    let seen = 0;
    let pos = 0;
    const pieces = this.pieces;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      // a CR ending this piece and an LF starting the next are one break, counted with the LF
      const next = pieces[i + 1];
      const breaks = next && p.s.charCodeAt(p.to - 1) === 13 && next.s.charCodeAt(next.from) === 10 ? p.breaks - 1 : p.breaks;
      if (seen + breaks >= line) {
        const k = line - seen; // the k-th break inside this piece (1-based)
        if (p.base) {
          const first = upperBound(this.baseStarts, p.from);
          const at = first + k - 1;
          // past the base's own starts in this piece: the piece's trailing CR (whose LF is elsewhere now)
          return pos + (at < this.baseStarts.length && this.baseStarts[at] <= p.to ? this.baseStarts[at] : p.to) - p.from;
        }
        return pos + smallBreaks(p.s, p.from, p.to)[k - 1];
      }
      seen += breaks;
      pos += p.to - p.from;
    }
    return -1;
  }

  private charAt(offset: number): number {
    let pos = 0;
    for (const p of this.pieces) {
      const len = p.to - p.from;
      if (offset < pos + len) return p.s.charCodeAt(p.from + offset - pos);
      pos += len;
    }
    return -1;
  }

  /** The offset of an LSP position, clamped to its line (as TextDocument does). */
  offsetAt(position: { line: number; character: number }): number {
    const start = this.lineStart(position.line);
    if (start < 0) return this.length;
    const next = this.lineStart(position.line + 1);
    let end = next < 0 ? this.length : next;
    // the line's end excludes its break
    if (next >= 0) {
      end--;
      if (this.charAt(end) === 10 && end > start && this.charAt(end - 1) === 13) end--;
    }
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** Splits so that a piece boundary falls at `offset`; returns the index of the piece starting there. */
  private split(offset: number): number {
    let pos = 0;
    for (let i = 0; i < this.pieces.length; i++) {
      const p = this.pieces[i];
      const len = p.to - p.from;
      if (offset === pos) return i;
      if (offset < pos + len) {
        const cut = p.from + offset - pos;
        this.pieces.splice(i, 1, this.make(p.s, p.from, cut, p.base), this.make(p.s, cut, p.to, p.base));
        return i + 1;
      }
      pos += len;
    }
    return this.pieces.length;
  }

  replace(start: number, end: number, inserted: string): void {
    end = Math.min(end, this.length);
    const a = this.split(start);
    const b = this.split(end);
    const add = inserted.length ? [this.make(inserted, 0, inserted.length, false)] : [];
    this.pieces.splice(a, b - a, ...add);
    this.length += inserted.length - (end - start);
    if (this.pieces.length > MAX_PIECES) this.reset(this.text());
  }
}

/** `text` with the incremental changes applied in order (positions of each in the text the previous ones made). */
export function applyAll(text: string, changes: readonly TextDocumentContentChangeEvent[]): string {
  const pieces = new Pieces(text);
  for (const c of changes) {
    if (!hasRange(c)) {
      // (rare here: CoalescedDocuments starts after the last full-text change)
      pieces.replace(0, Number.MAX_SAFE_INTEGER, c.text);
      continue;
    }
    const { start, end } = c.range;
    // a reversed range is read start-first, as TextDocument does
    const reversed = start.line > end.line || (start.line === end.line && start.character > end.character);
    const a = pieces.offsetAt(reversed ? end : start);
    const b = pieces.offsetAt(reversed ? start : end);
    pieces.replace(a, b, c.text);
  }
  return pieces.text();
}
