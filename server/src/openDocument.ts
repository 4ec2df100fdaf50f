/**
 * An open document's version: its text and the line index the analysis uses (core/text.ts `LineIndex`), behind the
 * `TextDocument` interface the language service takes. One line table per version instead of two:
 * vscode-languageserver-textdocument's document keeps a line table of its own (a JS array, built character by
 * character the first time a position is asked: about 75 ms for a 10 MB file, again after every full text), while
 * the analysis builds a `LineIndex` for the same text. Here the analysis takes the document's index
 * (`lineIndex()`, see analysis.ts `EditedDocument`), and an edit derives the next version's index from this one
 * (`LineIndex.update`: starts before the edit kept, after it shifted).
 *
 * Speed trick. Protects: protocol "1,000 changes at once, then a hover" and the first inlay hints of a big file (the
 * line table built on their first position), and the memory of a 50 MB file (2 million line starts once, not twice).
 *
 * Positions follow LSP: a line break is \n, \r\n or a lone \r; a position past its line's end is the line's end.
 */
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from './core/text';
import type { DocumentEdits } from './analysis';

/** One change's replacement in offsets of the text before it. */
export interface OffsetEdit {
  offset: number;
  removed: number;
  inserted: string;
}

export class OpenDocument implements TextDocument {
  private lines: LineIndex | undefined;
  /**
   * The incremental changes that made this version from an earlier one, as offset edits (set by coalescedDocuments.ts
   * when it knows them; undefined after a full text or a batch joined from pieces).
   */
  edits: DocumentEdits | undefined = undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    lines?: LineIndex,
  ) {
    this.lines = lines;
  }

  /**
   * The line index of this version's text, made on first use (by `make` when given: the analysis derives it from
   * the previous version's), then shared with the analysis.
   */
  lineIndex(make?: () => LineIndex): LineIndex {
    return (this.lines ??= make ? make() : new LineIndex(this.text));
  }

  get lineCount(): number {
    return this.lineIndex().lineCount;
  }

  getText(range?: Range): string {
    if (!range) return this.text;
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.text.substring(Math.min(a, b), Math.max(a, b));
  }

  positionAt(offset: number): Position {
    return this.lineIndex().positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.lineIndex().offsetAt(position);
  }

  /** Line `line` without its break; past the last line: what follows the last line start; before the first: empty. */
  getLineRange(line: number): Range {
    const lines = this.lineIndex();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const last = lines.lineCount - 1;
    if (line > last) return { start: { line: last, character: 0 }, end: { line: last, character: this.text.length - lines.lineStarts[last] } };
    const end = this.contentEnd(line);
    return { start: { line, character: 0 }, end: { line, character: end - lines.lineStarts[line] } };
  }

  /** The break that ends line `line` ('' for the last line or a line out of range). */
  getEOLCharacters(line: number): string {
    const lines = this.lineIndex();
    if (line < 0 || line >= lines.lineCount) return '';
    const next = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : this.text.length;
    return this.text.substring(this.contentEnd(line), next);
  }

  /** Where line `line`'s characters end (before its break). */
  private contentEnd(line: number): number {
    const lines = this.lineIndex();
    const start = lines.lineStarts[line];
    let end = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  /** The same text as a new version (a change event without changes). */
  withVersion(version: number): OpenDocument {
    return new OpenDocument(this.uri, this.languageId, version, this.text, this.lines);
  }

  /** The version that `change` makes (a reversed range is read start-first), and the change in offsets. */
  applied(change: { range: Range; text: string }, version: number): { document: OpenDocument; edit: OffsetEdit } {
    const a = this.offsetAt(change.range.start);
    const b = this.offsetAt(change.range.end);
    const edit = { offset: Math.min(a, b), removed: Math.abs(b - a), inserted: change.text };
    const text = this.text.slice(0, edit.offset) + change.text + this.text.slice(edit.offset + edit.removed);
    return { document: new OpenDocument(this.uri, this.languageId, version, text, LineIndex.update(this.lineIndex(), text, edit)), edit };
  }
}
