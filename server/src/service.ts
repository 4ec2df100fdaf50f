/**
 * The language service facade: every feature as a plain function of (document, position, settings), over an
 * injected code set and guides. It knows LSP types (it answers in them) but no connection, no transport and no
 * file system; tests call it directly and so do the server and the batch checker.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { CodeSet } from './codeset/types';
import type { Settings } from './core/settings';
import { defaultSettings } from './core/settings';
import type { GuideIndex } from './guides/types';
import { emptyGuides } from './guides/types';
import type { Rule } from './rules/types';
import { allRules } from './rules/registry';
import { AnalysisCache, type DocumentAnalysis } from './analysis';
import { hover } from './features/hover';
import { complete } from './features/completion';
import { validate } from './features/validate';
import { codeActionsFor } from './features/diagnostics';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { formatClaimFile } from './features/formatting';

export interface ServiceDependencies {
  codeSet: CodeSet;
  guides?: GuideIndex;
  rules?: readonly Rule[];
}

export interface ValidateOptions {
  /** Whether the file is a clinical note (documentation rules run); from the `notes.include` globs. */
  isNote?: boolean;
  /** Date used when neither the claim nor the settings give one (YYYY-MM-DD); default today. */
  today?: string;
}

export interface LanguageService {
  readonly codeSet: CodeSet;
  readonly guides: GuideIndex;
  analyze(document: TextDocument): DocumentAnalysis;
  hover(document: TextDocument, position: Position, settings?: Settings): Hover | null;
  complete(document: TextDocument, position: Position, settings?: Settings): CompletionList;
  validate(document: TextDocument, settings?: Settings, options?: ValidateOptions): Diagnostic[];
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  documentSymbols(document: TextDocument): DocumentSymbol[];
  foldingRanges(document: TextDocument): FoldingRange[];
  format(document: TextDocument, options?: FormattingOptions & { singleLine?: boolean }): TextEdit[];
  /** Forget the cached analysis of a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(deps: ServiceDependencies): LanguageService {
  const codeSet = deps.codeSet;
  const guides = deps.guides ?? emptyGuides;
  const rules = deps.rules ?? allRules;
  const cache = new AnalysisCache(codeSet);

  return {
    codeSet,
    guides,
    analyze: (document) => cache.get(document),
    hover: (document, position, settings = defaultSettings) =>
      hover(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    complete: (document, position, settings = defaultSettings) =>
      complete(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    validate: (document, settings = defaultSettings, options = {}) =>
      validate(cache.get(document), { codeSet, guides, settings, rules, isNote: options.isNote ?? false, today: options.today }),
    codeActions: (document, _range, diagnostics, only) => codeActionsFor(document.uri, diagnostics, only),
    documentSymbols: (document) => documentSymbols(cache.get(document)),
    foldingRanges: (document) => foldingRanges(cache.get(document)),
    format: (document, options) => formatClaimFile(cache.get(document), options),
    forget: (uri) => cache.forget(uri),
  };
}
