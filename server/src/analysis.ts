/**
 * One analysis per document version: the text parsed once (claim tree and model, or note mentions) and shared
 * by every feature that asks for it until the document changes.
 *
 * Incremental: when a claim file changes, the cache finds the one edited stretch (common prefix and suffix of
 * the old and new text, compared in chunks), re-tokenizes only the segments around it (`reparseX12`), shifts the
 * claim index (`updateClaimModelAt`: claims are built from the text when read), updates the line index by
 * shifting, and carries the per-claim rule results of the untouched claims over as they are (their offsets are
 * re-based when read: see `ClaimEntry`), so `validate` re-checks only the edited claim. The result is always the
 * same as a full analysis (a property test compares them on random edits).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { CodeSet } from './codeset/types';
import { LineIndex } from './core/text';
import { isClaimText } from './core/claimFiles';
import { parseX12, reparseX12, type X12Document, type X12Edit } from './parse/x12';
import { buildClaimModel, updateClaimModelAt, type ClaimFile } from './model/claim';
import { HIDDEN_CLASS_ANCHORS } from './model/hiddenClassAnchors';
import { scanNote, type NoteScan } from './parse/note';
import type { RatedFinding } from './rules/engine';

export type DocumentKind = 'claim' | 'note';

/**
 * The claim rules' results for one claim, kept compact: the diagnostics (what validate returns) and their sort keys.
 * Never modified once made (a re-based copy replaces it), so an entry can be shared by the analyses of successive
 * versions. Offsets are relative to the claim's CLM, so a claim that moved costs nothing.
 */
export interface ClaimEntry {
  /** Each diagnostic's finding offset minus the CLM offset, in diagnostic order (offset, then rule id). */
  readonly rel: Int32Array;
  readonly ruleIds: readonly string[];
  /**
   * Where the findings' spans lie: 0 inside the claim; 1 also after it within its transaction (a fix that corrects
   * SE01, ...): such spans move with the claim unless an edit falls between them; 2 anywhere else: the claim is
   * re-checked after any edit.
   */
  readonly reach: 0 | 1 | 2;
  /** The diagnostics, made when the CLM was at diagOffset, line diagLine, character diagCol. */
  readonly diags: readonly Diagnostic[];
  readonly diagOffset: number;
  readonly diagLine: number;
  readonly diagCol: number;
}

/** The entry of a claim without findings (most claims): shared. */
export const NO_FINDINGS: ClaimEntry = Object.freeze({ rel: new Int32Array(0), ruleIds: [], reach: 0, diags: [], diagOffset: 0, diagLine: 0, diagCol: 0 });

/** Claim rule results per claim (by claim number), valid for one validation configuration (settings, rules, date, ...). */
export interface ClaimFindingsCache {
  /** Identifies the configuration the findings were computed under. */
  key: unknown;
  entries: (ClaimEntry | undefined)[];
  /** How many entries have reach 2 (0: skip looking for them). */
  farReaching: number;
}

export interface DocumentAnalysis {
  uri: string;
  version: number;
  text: string;
  kind: DocumentKind;
  lines: LineIndex;
  /** Present for claim files. */
  x12?: X12Document;
  claimFile?: ClaimFile;
  /** Code mentions in prose; computed on first use for notes. */
  readonly note: NoteScan;
  /** Results of the claim rules per claim, kept across edits for the claims an edit did not touch. */
  claimFindings?: ClaimFindingsCache;
}

export { isClaimText } from './core/claimFiles';

function makeAnalysis(uri: string, version: number, kind: DocumentKind, text: string, lines: LineIndex, codeSet: CodeSet): DocumentAnalysis {
  let note: NoteScan | undefined;
  return {
    uri,
    version,
    text,
    kind,
    lines,
    get note() {
      note ??= scanNote(text, codeSet);
      return note;
    },
  };
}

export function analyzeText(uri: string, version: number, languageId: string, text: string, codeSet: CodeSet): DocumentAnalysis {
  const kind: DocumentKind = languageId === 'x12' || isClaimText(text) ? 'claim' : 'note';
  const analysis = makeAnalysis(uri, version, kind, text, new LineIndex(text), codeSet);
  if (kind === 'claim') {
    analysis.x12 = parseX12(text);
    analysis.claimFile = buildClaimModel(analysis.x12);
  }
  return analysis;
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

  constructor(private readonly codeSet: CodeSet) {}

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.byUri.get(document.uri);
    const text = document.getText();
    if (cached && cached.version === document.version && cached.text.length === text.length) return cached;
    const analysis = (cached && this.update(cached, document, text)) ?? analyzeText(document.uri, document.version, document.languageId, text, this.codeSet);
    this.byUri.set(document.uri, analysis);
    return analysis;
  }

  /** The analysis of the new version derived from the previous one, or undefined when a full analysis is due. */
  private update(old: DocumentAnalysis, document: TextDocument, text: string): DocumentAnalysis | undefined {
    if (old.kind !== 'claim' || !old.x12 || !old.claimFile || !old.x12.delimiters) return undefined;
    if (text.length < INCREMENTAL_MIN_LENGTH || old.text.length < INCREMENTAL_MIN_LENGTH) return undefined;
    if (document.languageId !== 'x12' && !isClaimText(text)) return undefined;
    const edit = diffTexts(old.text, text);
    if (edit.removed === 0 && edit.inserted.length === 0) {
      old.version = document.version;
      return old;
    }
    const { document: x12, splice } = reparseX12(old.x12, edit, text);
    const { model: claimFile, touchedClaim } = updateClaimModelAt(old.claimFile, x12, old.x12, splice);
    const analysis = makeAnalysis(document.uri, document.version, 'claim', text, LineIndex.update(old.lines, text, edit), this.codeSet);
    analysis.x12 = x12;
    analysis.claimFile = claimFile;
    const cache = old.claimFindings;
    if (cache && touchedClaim >= 0) {
      // Same claims, same numbering: everything but the edited claim is carried over as is (entries are immutable
      // and re-based when read). Findings reaching past their claim within the transaction are checked again for
      // the claims before the edit (their spans after it moved), and for all the transaction's claims when its
      // segment count changed (SE01 fixes); findings reaching anywhere else are checked again. A claim's
      // transaction is a contiguous run of claim numbers.
      const entries = cache.entries.slice();
      entries[touchedClaim] = undefined;
      const txOf = claimFile.claims.index.claimTx;
      const tx = txOf[touchedClaim];
      const sameSegmentCount = !!splice && splice.insertedCount === splice.removedCount;
      for (let i = touchedClaim - 1; i >= 0 && txOf[i] === tx; i--) if (entries[i]?.reach === 1) entries[i] = undefined;
      if (!sameSegmentCount) for (let i = touchedClaim + 1; i < entries.length && txOf[i] === tx; i++) if (entries[i]?.reach === 1) entries[i] = undefined;
      if (cache.farReaching > 0) for (let i = 0; i < entries.length; i++) if (entries[i]?.reach === 2) entries[i] = undefined;
      analysis.claimFindings = { key: cache.key, entries, farReaching: cache.farReaching };
    }
    return analysis;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
