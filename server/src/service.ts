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
  InlayHint,
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
import { fallbackDateOfService } from './model/dateOfService';
import { AnalysisCache, type DocumentAnalysis } from './analysis';
import { Validator } from './validation/validate';
import type { GuideIssuesMaker } from './conformance/issuesAhead';
import { hover } from './features/hover';
import { complete } from './features/completion';
import { codeActionsFor } from './features/diagnostics';
import { disabledByComments, withoutDisabled } from './features/ruleDirectives';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { inlayHints } from './features/inlayHints';
import { formatClaimFile } from './features/formatting';
import { ValidationCancelled } from './validation/incremental';

export interface ServiceDependencies {
  codeSet: CodeSet;
  guides?: GuideIndex;
  rules?: readonly Rule[];
  /** Makes the guide issues of a large file's claims on another thread while a first validation runs (node/conformanceThread.ts). */
  guideIssuesMaker?: GuideIssuesMaker;
}

export interface ValidateOptions {
  /** Whether the file is a clinical note (documentation rules run); from the `notes.include` globs. */
  isNote?: boolean;
  /** Date used when neither the claim nor the settings give one (YYYY-MM-DD); default today. */
  today?: string;
  /** Checked between claims: a long validation stops early (throws `ValidationCancelled`) when it is set. */
  token?: { readonly isCancellationRequested: boolean };
  /** A cancelled validation's `ValidationCancelled` carries the diagnostics known so far (`partial`). */
  partial?: boolean;
  /** Rules switched off for this file (a claim file's `.hcpcs/rules-off.json` entry); notes also say so in a comment. */
  disabledRules?: readonly string[];
}

export interface CodeActionContextOptions {
  /** The client applies snippet edits (the drug-waste split then puts tab stops on units and charge). */
  snippets?: boolean;
}

export { ValidationCancelled };
export { FILE_TOO_LARGE } from './validation/validate';

export interface LanguageService {
  readonly codeSet: CodeSet;
  readonly guides: GuideIndex;
  analyze(document: TextDocument): DocumentAnalysis;
  hover(document: TextDocument, position: Position, settings?: Settings): Hover | null;
  complete(document: TextDocument, position: Position, settings?: Settings): CompletionList;
  validate(document: TextDocument, settings?: Settings, options?: ValidateOptions): Diagnostic[];
  codeActions(document: TextDocument, range: Range, diagnostics: readonly Diagnostic[], only?: readonly string[], options?: CodeActionContextOptions): CodeAction[];
  documentSymbols(document: TextDocument): DocumentSymbol[];
  /** At most `rangeLimit` ranges (the client's limit), the ones that matter most first. */
  foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[];
  /** Short descriptors after the procedure codes of the service lines in the range (claim files). */
  inlayHints(document: TextDocument, range: Range, settings?: Settings): InlayHint[];
  format(document: TextDocument, options?: FormattingOptions & { singleLine?: boolean }): TextEdit[];
  /** Forget the cached analysis of a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(deps: ServiceDependencies): LanguageService {
  const codeSet = deps.codeSet;
  const guides = deps.guides ?? emptyGuides;
  const rules = deps.rules ?? allRules;
  const validator = new Validator(codeSet, guides, rules, deps.guideIssuesMaker);
  const cache = new AnalysisCache(codeSet, validator.claimFileChanged);

  return {
    codeSet,
    guides,
    analyze: (document) => cache.get(document),
    hover: (document, position, settings = defaultSettings) =>
      hover(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    complete: (document, position, settings = defaultSettings) =>
      complete(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    validate: (document, settings = defaultSettings, options = {}) => {
      // a document not analyzed yet: another thread may begin its guide issues now, parsing as this one does
      const issuesAhead = cache.holds(document.uri) ? undefined : validator.beginAhead(document.getText());
      const analysis = cache.get(document);
      const off = analysis.kind === 'claim' ? (options.disabledRules ?? []) : [...(options.disabledRules ?? []), ...disabledByComments(analysis.text)];
      try {
        return withoutDisabled(validator.validate(analysis, settings, issuesAhead ? { ...options, issuesAhead } : options), off);
      } catch (err) {
        // the diagnostics known so far leave with the rules turned off removed, as the whole answer does
        if (err instanceof ValidationCancelled && err.partial) throw new ValidationCancelled(err.checked, err.total, withoutDisabled(err.partial, off));
        throw err;
      }
    },
    codeActions: (document, _range, diagnostics, only, options = {}) =>
      codeActionsFor(document.uri, diagnostics, only, {
        snippets: options.snippets,
        kind: cache.get(document).kind === 'claim' ? 'claim' : 'note',
        languageId: document.languageId,
        textAt: (range) => document.getText(range),
      }),
    documentSymbols: (document) => documentSymbols(cache.get(document), codeSet.implementationGuides),
    foldingRanges: (document, rangeLimit) => foldingRanges(cache.get(document), rangeLimit, codeSet.implementationGuides),
    inlayHints: (document, range, settings = defaultSettings) =>
      inlayHints(cache.get(document), document.offsetAt(range.start), document.offsetAt(range.end), codeSet, fallbackDateOfService(settings)),
    format: (document, options) => formatClaimFile(cache.get(document), options),
    forget: (uri) => cache.forget(uri),
  };
}
