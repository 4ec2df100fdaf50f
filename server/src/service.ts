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
import { AnalysisCache, NO_FINDINGS, type ClaimEntry, type DocumentAnalysis } from './analysis';
import { claimRuleRunner, runFileRules, runNoteRules, todayIso, type RatedFinding } from './rules/engine';
import { rulesFor } from './transactions/registry';
import { fallbackDateOfService } from './model/dateOfService';
import { transactionsOf, type TransactionKind } from './model/claim';
import type { LineIndex } from './core/text';
import { SYNTAX } from './rules/envelope/syntax';
import { toDiagnostic, type DiagnosticData } from './features/diagnostics';
import { claimPlace } from './features/messages';
import type { Claim } from './model/claim';
import type { Span } from './core/span';
import type { ClaimFileContext } from './rules/types';
import { hover } from './features/hover';
import { complete } from './features/completion';
import { codeActionsFor } from './features/diagnostics';
import { disabledByComments, withoutDisabled } from './features/ruleDirectives';
import { documentSymbols } from './features/symbols';
import { foldingRanges } from './features/folding';
import { inlayHints } from './features/inlayHints';
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
  /** Rules switched off for this file (a claim file's `.hcpcs/rules-off.json` entry); notes also say so in a comment. */
  disabledRules?: readonly string[];
}

export interface CodeActionContextOptions {
  /** The client applies snippet edits (the drug-waste split then puts tab stops on units and charge). */
  snippets?: boolean;
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

function byOffsetThenRule(a: RatedFinding, b: RatedFinding): number {
  return a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId);
}

/** 0 inside [from, to], 1 after `to` up to `txEnd`, 2 elsewhere. */
function reachOf(s: Span, from: number, to: number, txEnd: number): 0 | 1 | 2 {
  if (s.offset >= from && s.offset + s.length <= to) return 0;
  return s.offset >= to && s.offset + s.length <= txEnd ? 1 : 2;
}

/** Run the claim rules on one (freshly built) claim and keep its diagnostics with their sort keys. */
function checkClaim(claim: Claim, run: ReturnType<typeof claimRuleRunner>, ctx: ClaimFileContext, txEnd: number, lines: LineIndex, uri: string): ClaimEntry {
  const found = run(claim, ctx);
  if (found.length === 0) return NO_FINDINGS;
  found.sort(byOffsetThenRule);
  const from = claim.span.offset;
  const to = from + claim.span.length;
  let reach: 0 | 1 | 2 = 0;
  const rel = new Int32Array(found.length);
  const ruleIds: string[] = [];
  const diags: Diagnostic[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    // how far the finding reaches (its span, related places, fix edits): no closure, this runs per finding
    let r = reachOf(f.span, from, to, txEnd);
    if (r > reach) reach = r;
    if (f.related) {
      for (const x of f.related) {
        r = reachOf(x.span, from, to, txEnd);
        if (r > reach) reach = r;
      }
    }
    if (f.fixes) {
      for (const x of f.fixes) {
        for (const e of x.edits) {
          r = reachOf(e.span, from, to, txEnd);
          if (r > reach) reach = r;
        }
      }
    }
    rel[k] = f.span.offset - from;
    ruleIds.push(f.ruleId);
    diags.push(toDiagnostic(lines, f, uri, claimPlace(claim, f.span)));
  }
  const pos = lines.positionAt(from);
  return { rel, ruleIds, reach, diags, diagOffset: from, diagLine: pos.line, diagCol: pos.character };
}

const movedRange = (r: Range, lines: number): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });

/** The entry with its diagnostics moved by whole lines (the claim's text and its CLM's character did not change). */
function moveLines(e: ClaimEntry, start: number, line: number): ClaimEntry {
  const dl = line - e.diagLine;
  const diags = e.diags.map((d) => {
    const moved: Diagnostic = { ...d, range: movedRange(d.range, dl) };
    if (d.relatedInformation) moved.relatedInformation = d.relatedInformation.map((r) => ({ ...r, location: { uri: r.location.uri, range: movedRange(r.location.range, dl) } }));
    const data = d.data as DiagnosticData | undefined;
    if (data?.fixes) moved.data = { ...data, fixes: data.fixes.map((f) => ({ ...f, edits: f.edits.map((x) => ({ ...x, range: movedRange(x.range, dl) })) })) };
    return moved;
  });
  return { rel: e.rel, ruleIds: e.ruleIds, reach: e.reach, diags, diagOffset: start, diagLine: line, diagCol: e.diagCol };
}

export function createLanguageService(deps: ServiceDependencies): LanguageService {
  const codeSet = deps.codeSet;
  const guides = deps.guides ?? emptyGuides;
  const rules = deps.rules ?? allRules;
  const cache = new AnalysisCache(codeSet);
  const syntaxRules = rules.filter((r) => r.id === SYNTAX);

  /**
   * Same diagnostics as features/validate.ts (file rules, then every claim's rules, sorted by offset then rule id),
   * with each claim's results kept in the analysis (`ClaimEntry`): a re-validation after an edit re-runs the claim
   * rules only for the claim the edit touched and re-uses the other claims' diagnostics as they are (or re-based
   * when lines moved). Each claim is built from the index, checked and dropped: nothing but findings is retained.
   */
  function validateAnalysis(analysis: DocumentAnalysis, settings: Settings, options: ValidateOptions): Diagnostic[] {
    const today = fallbackDateOfService(settings, options.today || todayIso());
    const env = { codeSet, guides, settings, today };
    const tooLarge = analysis.text.length > settings.maxFileSizeMB * 1024 * 1024;
    let findings: RatedFinding[];
    if (analysis.kind === 'claim' && analysis.x12 && analysis.claimFile) {
      const fileCtx = { ...env, text: analysis.text, x12: analysis.x12, claimFile: analysis.claimFile };
      if (!tooLarge) return validateClaimFile(analysis, fileCtx, options);
      findings = runFileRules(syntaxRules, fileCtx);
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
    findings.sort(byOffsetThenRule);
    return findings.map((f) => toDiagnostic(analysis.lines, f, analysis.uri));
  }

  function validateClaimFile(analysis: DocumentAnalysis, fileCtx: ClaimFileContext, options: ValidateOptions): Diagnostic[] {
    const { settings, today } = fileCtx;
    const fileFindings = runFileRules(rules, fileCtx).sort(byOffsetThenRule);
    const key = analysis.claimFindings?.key as { settings: Settings; today: string } | undefined;
    if (!analysis.claimFindings || !key || key.settings !== settings || key.today !== today) {
      analysis.claimFindings = { key: { settings, today }, entries: [], farReaching: 0 };
    }
    const cache = analysis.claimFindings;
    const entries = cache.entries;
    // end offset of each transaction, by transaction number (the index numbers them in document order)
    const txEnds: number[] = [];
    for (const { transaction: t } of transactionsOf(fileCtx.claimFile.interchanges)) txEnds.push(t.span.offset + t.span.length);
    const index = fileCtx.claimFile.claims.index;
    const lines = analysis.lines;
    const uri = analysis.uri;
    const n = index.claimCount;
    if (entries.length !== n) entries.length = n;
    // the claim rules of each transaction kind (transactions/registry.ts), set up on the first claim of the kind
    const runners = new Map<TransactionKind, ReturnType<typeof claimRuleRunner>>();
    // the claims' diagnostics in claim order, with their sort keys
    const diags: Diagnostic[] = [];
    const offsets: number[] = [];
    const ruleIds: string[] = [];
    let ordered = true;
    for (let i = 0; i < n; i++) {
      let e = entries[i];
      let start = -1;
      if (e && e.diags.length > 0) {
        start = index.claimOffset(i);
        const pos = lines.positionAt(start);
        if (pos.character !== e.diagCol || (e.reach === 2 && start !== e.diagOffset)) e = undefined; // made again below
        else if (pos.line !== e.diagLine) e = moveLines(e, start, pos.line);
        if (e !== entries[i]) entries[i] = e;
      }
      if (!e) {
        if ((i & 63) === 0 && options.token?.isCancellationRequested) throw new ValidationCancelled();
        const kind = index.txKinds[index.claimTx[i]] ?? 'unknown';
        let run = runners.get(kind);
        if (!run) runners.set(kind, (run = claimRuleRunner(rulesFor(kind, rules), settings)));
        e = checkClaim(index.buildClaimAt(i), run, fileCtx, txEnds[index.claimTx[i]] ?? -1, lines, uri);
        if (e.reach === 2) cache.farReaching++;
        entries[i] = e;
        start = e.diagOffset;
      }
      const d = e.diags;
      if (d.length === 0) continue;
      const rel = e.rel;
      const ids = e.ruleIds;
      for (let k = 0; k < d.length; k++) {
        const offset = start + rel[k];
        if (ordered && offsets.length > 0) {
          const last = offsets[offsets.length - 1];
          if (offset < last || (offset === last && ruleIds[ruleIds.length - 1].localeCompare(ids[k]) > 0)) ordered = false;
        }
        offsets.push(offset);
        ruleIds.push(ids[k]);
        diags.push(d[k]);
      }
    }
    let order: number[] | null = null;
    if (!ordered) {
      // a finding outside its claim broke document order: sort (stable) as a full validation does
      order = offsets.map((_, k) => k);
      order.sort((a, b) => offsets[a] - offsets[b] || ruleIds[a].localeCompare(ruleIds[b]) || a - b);
    }
    // merge with the file findings (on equal keys the file findings come first, as in a stable sort of file + claims)
    const out: Diagnostic[] = [];
    let j = 0;
    for (let k = 0; k < diags.length; k++) {
      const c = order ? order[k] : k;
      while (j < fileFindings.length && (fileFindings[j].span.offset < offsets[c] || (fileFindings[j].span.offset === offsets[c] && fileFindings[j].ruleId.localeCompare(ruleIds[c]) <= 0))) {
        out.push(toDiagnostic(lines, fileFindings[j++], uri));
      }
      out.push(diags[c]);
    }
    while (j < fileFindings.length) out.push(toDiagnostic(lines, fileFindings[j++], uri));
    return out;
  }

  return {
    codeSet,
    guides,
    analyze: (document) => cache.get(document),
    hover: (document, position, settings = defaultSettings) =>
      hover(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    complete: (document, position, settings = defaultSettings) =>
      complete(cache.get(document), document.offsetAt(position), { codeSet, guides, settings }),
    validate: (document, settings = defaultSettings, options = {}) => {
      const analysis = cache.get(document);
      const off = analysis.kind === 'claim' ? (options.disabledRules ?? []) : [...(options.disabledRules ?? []), ...disabledByComments(analysis.text)];
      return withoutDisabled(validateAnalysis(analysis, settings, options), off);
    },
    codeActions: (document, _range, diagnostics, only, options = {}) =>
      codeActionsFor(document.uri, diagnostics, only, {
        snippets: options.snippets,
        kind: cache.get(document).kind === 'claim' ? 'claim' : 'note',
        languageId: document.languageId,
        textAt: (range) => document.getText(range),
      }),
    documentSymbols: (document) => documentSymbols(cache.get(document)),
    foldingRanges: (document, rangeLimit) => foldingRanges(cache.get(document), rangeLimit),
    inlayHints: (document, range, settings = defaultSettings) =>
      inlayHints(cache.get(document), document.offsetAt(range.start), document.offsetAt(range.end), codeSet, fallbackDateOfService(settings)),
    format: (document, options) => formatClaimFile(cache.get(document), options),
    forget: (uri) => cache.forget(uri),
  };
}
