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
import { AnalysisCache, detachFinding, type DocumentAnalysis } from './analysis';
import { runClaimRules, runFileRules, runNoteRules, todayIso, type RatedFinding } from './rules/engine';
import { SYNTAX } from './rules/envelope/syntax';
import { toDiagnostic } from './features/diagnostics';
import { hover } from './features/hover';
import { complete } from './features/completion';
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
  /** Checked between claims: a long validation stops early (throws `ValidationCancelled`) when it is set. */
  token?: { readonly isCancellationRequested: boolean };
}

/** Thrown by `validate` when its token was cancelled; the claims checked so far stay cached. */
export class ValidationCancelled extends Error {
  constructor() {
    super('validation cancelled');
    this.name = 'ValidationCancelled';
  }
}

/** The diagnostic code of the notice on files over `maxFileSizeMB`. */
export const FILE_TOO_LARGE = 'hcpcs/file-too-large';

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
  const syntaxRules = rules.filter((r) => r.id === SYNTAX);

  /**
   * Same findings as features/validate.ts, with claim-rule findings kept per claim in the analysis so a
   * re-validation after an edit re-runs the claim rules only for the claims the edit touched.
   */
  function validateAnalysis(analysis: DocumentAnalysis, settings: Settings, options: ValidateOptions): Diagnostic[] {
    const today = settings.dateOfService || options.today || todayIso();
    const env = { codeSet, guides, settings, today };
    const tooLarge = analysis.text.length > settings.maxFileSizeMB * 1024 * 1024;
    let findings: RatedFinding[];
    if (analysis.kind === 'claim' && analysis.x12 && analysis.claimFile) {
      const fileCtx = { ...env, text: analysis.text, x12: analysis.x12, claimFile: analysis.claimFile };
      if (tooLarge) {
        findings = runFileRules(syntaxRules, fileCtx);
      } else {
        findings = runFileRules(rules, fileCtx);
        const key = analysis.claimFindings?.key as { settings: Settings; today: string } | undefined;
        if (!analysis.claimFindings || !key || key.settings !== settings || key.today !== today) {
          analysis.claimFindings = { key: { settings, today }, byClaim: new Map() };
        }
        const byClaim = analysis.claimFindings.byClaim;
        const claims = analysis.claimFile.claims;
        for (let i = 0; i < claims.length; i++) {
          const claim = claims[i];
          let found = byClaim.get(claim);
          if (!found) {
            if ((i & 63) === 0 && options.token?.isCancellationRequested) throw new ValidationCancelled();
            found = runClaimRules(rules, fileCtx, [claim]).map((f) => detachFinding(f));
            byClaim.set(claim, found);
          }
          for (const f of found) findings.push(f);
        }
      }
    } else if (options.isNote && !tooLarge) {
      findings = runNoteRules(rules, { ...env, text: analysis.text, note: analysis.note });
    } else if (!tooLarge) {
      return [];
    } else {
      findings = [];
    }
    if (tooLarge) {
      findings.push({
        ruleId: FILE_TOO_LARGE,
        span: { offset: 0, length: 0 },
        severity: 'info',
        message:
          `This file is ${(analysis.text.length / 1024 / 1024).toFixed(1)} MB, over the ${settings.maxFileSizeMB} MB limit (hcpcs.maxFileSizeMB): ` +
          'only X12 syntax is checked here, so billing problems in its claims are not shown. Check it with hcpcs-check, split the batch, or raise the limit.',
      });
    }
    findings.sort((a, b) => a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId));
    return findings.map((f) => toDiagnostic(analysis.lines, f, analysis.uri));
  }

  return {
    codeSet,
    guides,
    analyze: (document) => cache.get(document),
    hover: (document, position, settings = defaultSettings) =>
      hover(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    complete: (document, position, settings = defaultSettings) =>
      complete(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    validate: (document, settings = defaultSettings, options = {}) => validateAnalysis(cache.get(document), settings, options),
    codeActions: (document, _range, diagnostics, only) => codeActionsFor(document.uri, diagnostics, only),
    documentSymbols: (document) => documentSymbols(cache.get(document)),
    foldingRanges: (document) => foldingRanges(cache.get(document)),
    format: (document, options) => formatClaimFile(cache.get(document), options),
    forget: (uri) => cache.forget(uri),
  };
}
