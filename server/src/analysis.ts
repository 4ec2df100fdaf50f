/**
 * One analysis per document version: the text parsed once (claim tree and model, or note mentions) and shared
 * by every feature that asks for it until the document changes.
 *
 * Incremental: when a claim file changes, the cache takes the one edited stretch from the document's own change
 * events when it carries them (`DocumentEdits`, set by coalescedDocuments.ts: no pass over the text), else finds it
 * (common prefix and suffix of the old and new text, compared in chunks), re-tokenizes only the segments around it (`reparseX12`), shifts the
 * claim index (`updateClaimModelAt`: claims are built from the text when read), updates the line index by
 * shifting, and tells its listener which claim the edit touched (`ClaimFileChange`): the service carries the
 * claim results of the untouched claims over (validation/incremental.ts), so `validate` re-checks only the edited
 * claim. The result is always the same as a full analysis (a property test compares them on random edits).
 *
 * An analysis is a discriminated union (`kind`: claim file or note); it holds no LSP object.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeSet } from './codeset/types';
import { LineIndex } from './core/text';
import { isClaimText } from './core/claimFiles';
import { parseX12, reparseX12, type SegmentSplice, type X12Document, type X12Edit } from './parse/x12';
import { buildClaimModel, updateClaimModelAt, type ClaimFile } from './model/claim';
import { HIDDEN_CLASS_ANCHORS } from './model/hiddenClassAnchors';
import { scanNote, type NoteScan } from './parse/note';

export type DocumentKind = 'claim' | 'note';

/** What every analysis has: the text, its version and lines, and the code mentions in prose (computed on first use). */
interface AnalysisBase {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  /** Code mentions in prose; computed on first use (for notes, and for claim files read as text). */
  readonly note: NoteScan;
}

/** A claim file: the segment table and the claim model. */
export interface ClaimFileAnalysis extends AnalysisBase {
  kind: 'claim';
  x12: X12Document;
  claimFile: ClaimFile;
}

/** Anything else is read as a clinical note (or plain text with code mentions). */
export interface NoteAnalysis extends AnalysisBase {
  kind: 'note';
  x12?: undefined;
  claimFile?: undefined;
}

/** One analysis per document version; `kind` tells which fields a feature can read. */
export type DocumentAnalysis = ClaimFileAnalysis | NoteAnalysis;

/**
 * What an edit did to a claim file's model, for the claim results kept across edits (validation/incremental.ts):
 * the one claim the edit was inside (-1 after a full rebuild: numbering may have changed) and whether the number of
 * segments changed (SE01 and counts move).
 */
export interface ClaimFileChange {
  touchedClaim: number;
  segmentCountChanged: boolean;
  /** The segments the re-parse replaced and how offsets moved. */
  splice: SegmentSplice;
}

/** Told when an edit turned one claim-file analysis into the next (the service carries its claim results over). */
export type ClaimFileChangeListener = (previous: DocumentAnalysis, next: ClaimFileAnalysis, change: ClaimFileChange) => void;

export { isClaimText } from './core/claimFiles';

/**
 * How a document version was made from an earlier one: its incremental changes as offset edits, in order (each in
 * the text the ones before it made). A document may carry them (`EditedDocument`); the analysis then takes the
 * edited stretch from them instead of comparing the two texts.
 */
export interface DocumentEdits {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly edits: readonly X12Edit[];
}

/**
 * What a document may know of itself (openDocument.ts: every version coalescedDocuments.ts makes): which edits made
 * it from an earlier version, and the line index of its text. The analysis then takes the edited stretch from the
 * edits instead of comparing the two texts, and the document's line index instead of building its own, so a version
 * has one line table.
 */
export type EditedDocument = TextDocument & { readonly edits?: DocumentEdits; lineIndex?: (make?: () => LineIndex) => LineIndex };

/** The line index of `text`: the document's own when it keeps one (made by `make` when it has none yet). */
function linesOf(document: TextDocument, text: string, make: () => LineIndex): LineIndex {
  const own = (document as EditedDocument).lineIndex?.(make);
  return own && own.text === text ? own : make();
}

function lazyNote(text: string, codeSet: CodeSet): () => NoteScan {
  let note: NoteScan | undefined;
  return () => (note ??= scanNote(text, codeSet));
}

function claimFileAnalysis(uri: string, version: number, text: string, lines: LineIndex, codeSet: CodeSet, x12: X12Document, claimFile: ClaimFile): ClaimFileAnalysis {
  const note = lazyNote(text, codeSet);
  return {
    kind: 'claim',
    uri,
    version,
    text,
    lines,
    x12,
    claimFile,
    get note() {
      return note();
    },
  };
}

function noteAnalysis(uri: string, version: number, text: string, lines: LineIndex, codeSet: CodeSet): NoteAnalysis {
  const note = lazyNote(text, codeSet);
  return {
    kind: 'note',
    uri,
    version,
    text,
    lines,
    get note() {
      return note();
    },
  };
}

export function analyzeText(uri: string, version: number, languageId: string, text: string, codeSet: CodeSet, lines = new LineIndex(text)): DocumentAnalysis {
  if (languageId === 'x12' || isClaimText(text)) {
    const x12 = parseX12(text);
    return claimFileAnalysis(uri, version, text, lines, codeSet, x12, buildClaimModel(x12));
  }
  return noteAnalysis(uri, version, text, lines, codeSet);
}

// ---------------------------------------------------------------------------------------------
// The single edited stretch between two texts

const CHUNK = 4096;

/**
 * The one replacement that turns `a` into `b`: the longest common prefix and (not overlapping it) suffix.
 * Compares 4 KB slices first (a V8 string compare is a memcmp; slices of a flat string are O(1)), then narrows
 * down character by character. About 1 ms for 10 MB.
 */
export function diffTexts(a: string, b: string): X12Edit {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= max && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const maxSuffix = max - p;
  while (s + CHUNK <= maxSuffix && a.slice(a.length - s - CHUNK, a.length - s) === b.slice(b.length - s - CHUNK, b.length - s)) s += CHUNK;
  while (s < maxSuffix && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { offset: p, removed: a.length - p - s, inserted: b.slice(p, b.length - s) };
}

/**
 * The one replacement that the edits make together, or null when they do not fit the texts' lengths. Each edit is
 * in the text the ones before it made; the stretch covering them all is cut from the new text only when there is
 * more than one (one edit's inserted text is its own: the new text is not read).
 */
export function composeEdits(edits: readonly X12Edit[], oldLength: number, text: string): X12Edit | null {
  if (edits.length === 0) return null;
  // the composed stretch: old [start, start + removed) became [start, start + insertedLength)
  let start = edits[0].offset;
  let removed = edits[0].removed;
  let insertedLength = edits[0].inserted.length;
  let length = oldLength;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    if (e.offset < 0 || e.removed < 0 || e.offset + e.removed > length) return null;
    length += e.inserted.length - e.removed;
    if (i === 0) continue;
    // the end of both stretches in the text between them, then in the old and the new text
    const between = Math.max(start + insertedLength, e.offset + e.removed);
    const oldEnd = between - (insertedLength - removed);
    const newEnd = between + (e.inserted.length - e.removed);
    start = Math.min(start, e.offset);
    removed = oldEnd - start;
    insertedLength = newEnd - start;
  }
  if (length !== text.length || start + removed > oldLength) return null;
  return { offset: start, removed, inserted: edits.length === 1 ? edits[0].inserted : text.slice(start, start + insertedLength) };
}

/** The line index of the edited text, from the old one (see `LineIndex.update`). */
export function updateLineIndex(old: LineIndex, text: string, edit: X12Edit): LineIndex {
  return LineIndex.update(old, text, edit);
}

/** Below this size a full analysis is cheap enough (and always right): no diffing. */
const INCREMENTAL_MIN_LENGTH = 64 * 1024;

export class AnalysisCache {
  private readonly byUri = new Map<string, DocumentAnalysis>();
  /** Held for the life of the service: keeps the per-document classes' hidden classes alive (see hiddenClassAnchors.ts). */
  readonly hiddenClassAnchors = HIDDEN_CLASS_ANCHORS;

  constructor(
    private readonly codeSet: CodeSet,
    private readonly onClaimFileChange?: ClaimFileChangeListener,
  ) {}

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.byUri.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text.length === text.length) return cached;
    const analysis = (cached && this.update(cached, document, text)) ?? analyzeText(document.uri, document.version, document.languageId, text, this.codeSet, linesOf(document, text, () => new LineIndex(text)));
    this.byUri.set(document.uri, analysis);
    return analysis;
  }

  /** The analysis of the new version derived from the previous one, or undefined when a full analysis is due. */
  private update(old: DocumentAnalysis, document: TextDocument, text: string): DocumentAnalysis | undefined {
    if (old.kind !== 'claim' || !old.x12.delimiters) return undefined;
    if (text.length < INCREMENTAL_MIN_LENGTH || old.text.length < INCREMENTAL_MIN_LENGTH) return undefined;
    if (document.languageId !== 'x12' && !isClaimText(text)) return undefined;
    // the document's own edits when they lead from this analysis's version to the document's (no pass over the text)
    const told = (document as EditedDocument).edits;
    const edit = (told && told.fromVersion === old.version && told.toVersion === document.version && composeEdits(told.edits, old.text.length, text)) || diffTexts(old.text, text);
    if (edit.removed === 0 && edit.inserted.length === 0) {
      old.version = document.version;
      return old;
    }
    const { document: x12, splice } = reparseX12(old.x12, edit, text);
    const { model: claimFile, touchedClaim } = updateClaimModelAt(old.claimFile, x12, old.x12, splice);
    const analysis = claimFileAnalysis(document.uri, document.version, text, linesOf(document, text, () => LineIndex.update(old.lines, text, edit)), this.codeSet, x12, claimFile);
    if (touchedClaim >= 0 && splice) this.onClaimFileChange?.(old, analysis, { touchedClaim, segmentCountChanged: splice.insertedCount !== splice.removedCount, splice });
    return analysis;
  }

  /** Whether an analysis of the document is kept (a version of it was analyzed). */
  holds(uri: string): boolean {
    return this.byUri.has(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
