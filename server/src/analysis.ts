/**
 * One analysis per document version: the text parsed once (claim tree and model, or note mentions) and shared
 * by every feature that asks for it until the document changes.
 *
 * Incremental: when a claim file changes, the cache finds the one edited stretch (common prefix and suffix of
 * the old and new text, compared in chunks), re-tokenizes only the segments around it (`reparseX12`), rebuilds
 * only the claim it lies in (`updateClaimModel`), updates the line index by shifting, and carries the per-claim
 * rule findings of the untouched claims over with shifted offsets, so `validate` re-checks only that claim.
 * The result is always the same as a full analysis (a property test compares them on random edits).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeSet } from './codeset/types';
import { LineIndex } from './core/text';
import { parseX12, reparseX12, type X12Document, type X12Edit } from './parse/x12';
import { buildClaimModel, updateClaimModel, type Claim, type ClaimFile } from './model/claim';
import { scanNote, type NoteScan } from './parse/note';
import type { RatedFinding } from './rules/engine';

export type DocumentKind = 'claim' | 'note';

/** Rule findings per claim, valid for one validation configuration (settings, rules, date, ...). */
export interface ClaimFindingsCache {
  /** Identifies the configuration the findings were computed under. */
  key: unknown;
  byClaim: Map<Claim, RatedFinding[]>;
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
  /** Findings of claim rules per claim, kept across edits for the claims an edit did not touch. */
  claimFindings?: ClaimFindingsCache;
}

/** A claim file by language or by content: X12 interchanges start with ISA (after an optional BOM). */
export function isClaimText(text: string): boolean {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length && i < 4096 && /\s/.test(text[i])) i++;
  return text.startsWith('ISA', i);
}

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

/**
 * The line index of the edited text, from the old one: starts before the edit kept, starts inside the inserted
 * text scanned, starts after it shifted. A line start at q depends only on the characters q-1 and q (\r\n is
 * one break), which is what bounds the rescanned window.
 */
export function updateLineIndex(old: LineIndex, text: string, edit: X12Edit): LineIndex {
  const oldStarts = old.lineStarts;
  const delta = edit.inserted.length - edit.removed;
  const editEnd = edit.offset + edit.removed; // old coordinates
  const insertedEnd = edit.offset + edit.inserted.length; // new coordinates
  // old starts strictly before the edit
  let lo = 0;
  let hi = oldStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (oldStarts[mid] < edit.offset) lo = mid + 1;
    else hi = mid;
  }
  const keepBefore = lo;
  // old starts at or after editEnd + 1 (unchanged neighbourhood), shifted
  lo = keepBefore;
  hi = oldStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (oldStarts[mid] < editEnd + 1) lo = mid + 1;
    else hi = mid;
  }
  const firstAfter = lo;
  const scanned: number[] = [];
  const n = text.length;
  for (let q = Math.max(edit.offset, 0); q <= insertedEnd && q <= n; q++) {
    if (q === 0) {
      if (keepBefore === 0) scanned.push(0);
      continue;
    }
    const c = text.charCodeAt(q - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(q) !== 10)) scanned.push(q);
  }
  const afterCount = oldStarts.length - firstAfter;
  const starts = new Uint32Array(keepBefore + scanned.length + afterCount);
  starts.set(oldStarts.subarray(0, keepBefore));
  for (let i = 0; i < scanned.length; i++) starts[keepBefore + i] = scanned[i];
  const base = keepBefore + scanned.length;
  for (let i = 0; i < afterCount; i++) starts[base + i] = oldStarts[firstAfter + i] + delta;
  // Same shape as `new LineIndex(text)` without rescanning the whole text.
  const index = Object.create(LineIndex.prototype) as LineIndex;
  Object.assign(index, { text, length: n, lineStarts: starts });
  return index;
}

// ---------------------------------------------------------------------------------------------
// Carrying findings over an edit

function shiftSpan<T extends { offset: number; length: number }>(span: T, editEnd: number, delta: number): T {
  const s = span.offset;
  const e = s + span.length;
  const ns = s >= editEnd ? s + delta : s;
  const ne = e >= editEnd ? e + delta : e;
  return { ...span, offset: ns, length: ne - ns };
}

/** A copy of a finding whose spans own no object shared with the model (the model is shifted in place). */
export function detachFinding(f: RatedFinding, editEnd = Infinity, delta = 0): RatedFinding {
  const copy: RatedFinding = { ...f, span: shiftSpan(f.span, editEnd, delta) };
  if (f.fixes) copy.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: shiftSpan(e.span, editEnd, delta) })) }));
  if (f.related) copy.related = f.related.map((r) => ({ ...r, span: shiftSpan(r.span, editEnd, delta) }));
  return copy;
}

/** Below this size a full analysis is cheap enough (and always right): no diffing. */
const INCREMENTAL_MIN_LENGTH = 64 * 1024;

export class AnalysisCache {
  private readonly byUri = new Map<string, DocumentAnalysis>();

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
    const cache = old.claimFindings;
    // The old analysis is consumed (its model is updated in place): nothing may read its findings again.
    old.claimFindings = undefined;
    const { document: x12, splice } = reparseX12(old.x12, edit, text);
    const claimFile = updateClaimModel(old.claimFile, x12, old.x12, splice);
    const analysis = makeAnalysis(document.uri, document.version, 'claim', text, updateLineIndex(old.lines, text, edit), this.codeSet);
    analysis.x12 = x12;
    analysis.claimFile = claimFile;
    if (cache && claimFile === old.claimFile && splice) {
      // Same model object: updated in place, so every claim but the rebuilt one is the same object as before.
      const editEnd = edit.offset + edit.removed;
      const delta = edit.inserted.length - edit.removed;
      const byClaim = new Map<Claim, RatedFinding[]>();
      for (const claim of claimFile.claims) {
        const findings = cache.byClaim.get(claim);
        if (findings) byClaim.set(claim, delta === 0 ? findings : findings.map((f) => detachFinding(f, editEnd, delta)));
      }
      analysis.claimFindings = { key: cache.key, byClaim };
    }
    return analysis;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
