/**
 * One analysis per document version: the text parsed once (claim tree and model, or note mentions) and shared
 * by every feature that asks for it until the document changes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeSet } from './codeset/types';
import { LineIndex } from './core/text';
import { parseX12, type X12Document } from './parse/x12';
import { buildClaimModel, type ClaimFile } from './model/claim';
import { scanNote, type NoteScan } from './parse/note';

export type DocumentKind = 'claim' | 'note';

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
}

/** A claim file by language or by content: X12 interchanges start with ISA (after an optional BOM). */
export function isClaimText(text: string): boolean {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length && i < 4096 && /\s/.test(text[i])) i++;
  return text.startsWith('ISA', i);
}

export function analyzeText(uri: string, version: number, languageId: string, text: string, codeSet: CodeSet): DocumentAnalysis {
  const kind: DocumentKind = languageId === 'x12' || isClaimText(text) ? 'claim' : 'note';
  const lines = new LineIndex(text);
  let note: NoteScan | undefined;
  const analysis: DocumentAnalysis = {
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
  if (kind === 'claim') {
    analysis.x12 = parseX12(text);
    analysis.claimFile = buildClaimModel(analysis.x12);
  }
  return analysis;
}

export class AnalysisCache {
  private readonly byUri = new Map<string, DocumentAnalysis>();

  constructor(private readonly codeSet: CodeSet) {}

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.byUri.get(document.uri);
    if (cached && cached.version === document.version && cached.text.length === document.getText().length) return cached;
    const analysis = analyzeText(document.uri, document.version, document.languageId, document.getText(), this.codeSet);
    this.byUri.set(document.uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
