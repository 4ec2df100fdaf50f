/**
 * Incremental validation, in one place: the claim rules' results kept per claim, carried over an edit for the claims
 * it did not touch, and re-based when read.
 *
 * - A `ClaimResult` is one claim's findings as diagnostics, with their offsets relative to the claim's CLM and the
 *   position the CLM had when they were made, so a claim that moved costs nothing and one that moved by whole lines
 *   costs a shift of line numbers.
 * - Its `extent` says how far the findings reach (their spans, related places and fix edits): inside the claim;
 *   into the rest of its transaction (a fix that corrects SE01); anywhere else.
 * - `ClaimResults` are the results of every claim of one analysis under one configuration (settings, date).
 * - `carryOver` moves them to the analysis of the next version (analysis.ts reports which claim an edit touched
 *   and whether the segment count changed): the touched claim is checked again, so are the claims whose findings
 *   reach into what moved.
 *
 * Speed trick. Protects: "edit inside one claim of a 10 MB file: re-validate" (README benchmark table, 12 ms).
 * The result is always the same as a full validation (test/robustness/incremental.test.ts).
 *
 * The analysis (core) keeps no LSP object: results live here, in a WeakMap keyed by the analysis.
 */
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { ClaimFileAnalysis, ClaimFileChange, DocumentAnalysis } from '../analysis';
import type { Span } from '../core/span';
import type { Settings } from '../core/settings';
import type { LineIndex } from '../core/text';
import { toDiagnostic, type DiagnosticData } from '../features/diagnostics';
import { claimPlace } from '../features/messages';
import { transactionsOf, type Claim, type TransactionKind } from '../model/claim';
import { carryFileIssues } from '../conformance/perClaim';
import type { RatedFinding } from '../rules/engine';
import type { ClaimFileContext } from '../rules/types';

/** How far a claim's findings reach beyond the claim. */
export type FindingExtent = 'claim' | 'transaction' | 'anywhere';

/** One claim's findings, kept compact; never modified once made (a re-based copy replaces it). */
export interface ClaimResult {
  /** Each diagnostic's finding offset minus the CLM offset, in diagnostic order (offset, then rule id). */
  readonly relativeOffsets: Int32Array;
  readonly ruleIds: readonly string[];
  readonly extent: FindingExtent;
  readonly diagnostics: readonly Diagnostic[];
  /** Where the CLM was when the diagnostics were made: offset, line and character. */
  readonly madeAtOffset: number;
  readonly madeAtLine: number;
  readonly madeAtCharacter: number;
}

/** The result of a claim without findings (most claims): shared. */
export const NO_FINDINGS: ClaimResult = Object.freeze({
  relativeOffsets: new Int32Array(0),
  ruleIds: [],
  extent: 'claim',
  diagnostics: [],
  madeAtOffset: 0,
  madeAtLine: 0,
  madeAtCharacter: 0,
});

/** What a validation's claim results depend on besides the text. */
export interface ValidationConfiguration {
  readonly settings: Settings;
  readonly today: string;
}

/** The claim results of one analysis, valid for one configuration. */
export interface ClaimResults {
  readonly configuration: ValidationConfiguration;
  /** By claim number; undefined: not checked yet (or checked again on the next validation). */
  readonly byClaim: (ClaimResult | undefined)[];
  /**
   * The claims whose result was made with extent 'anywhere', in the order they were made (a claim made again may be
   * listed twice or no longer reach anywhere): an edit looks at these instead of every claim's result.
   */
  readonly reachingAnywhere: number[];
  /**
   * The file rules' findings on this analysis, made by its first validation and kept for the next ones: a long check
   * resumes in slices, and each slice used to run the file rules again (7 to 10 ms a slice on 10 MB). Never carried
   * over an edit: the file rules see the whole text.
   */
  fileFindings?: readonly RatedFinding[];
}

/** Runs the claim rules of a transaction kind on one claim (see rules/engine.ts claimRuleRunner). */
export type ClaimRunner = (claim: Claim, ctx: ClaimFileContext) => RatedFinding[];

function byOffsetThenRule(a: RatedFinding, b: RatedFinding): number {
  return a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId);
}

/** The extent of one span for a claim spanning [from, to] in a transaction ending at transactionEnd. */
function extentOf(s: Span, from: number, to: number, transactionEnd: number): FindingExtent {
  if (s.offset >= from && s.offset + s.length <= to) return 'claim';
  return s.offset >= to && s.offset + s.length <= transactionEnd ? 'transaction' : 'anywhere';
}

const WIDER: Record<FindingExtent, number> = { claim: 0, transaction: 1, anywhere: 2 };

function wider(a: FindingExtent, b: FindingExtent): FindingExtent {
  return WIDER[b] > WIDER[a] ? b : a;
}

/** Run the claim rules on one (freshly built) claim and keep its diagnostics with their sort keys. */
function checkClaim(claim: Claim, run: ClaimRunner, ctx: ClaimFileContext, transactionEnd: number, lines: LineIndex, uri: string): ClaimResult {
  const found = run(claim, ctx);
  if (found.length === 0) return NO_FINDINGS;
  found.sort(byOffsetThenRule);
  const from = claim.span.offset;
  const to = from + claim.span.length;
  let extent: FindingExtent = 'claim';
  const relativeOffsets = new Int32Array(found.length);
  const ruleIds: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    // how far the finding reaches (its span, related places, fix edits): no closure, this runs per finding
    extent = wider(extent, extentOf(f.span, from, to, transactionEnd));
    if (f.related) for (const x of f.related) extent = wider(extent, extentOf(x.span, from, to, transactionEnd));
    if (f.fixes) for (const x of f.fixes) for (const e of x.edits) extent = wider(extent, extentOf(e.span, from, to, transactionEnd));
    relativeOffsets[k] = f.span.offset - from;
    ruleIds.push(f.ruleId);
    diagnostics.push(toDiagnostic(lines, f, uri, claimPlace(claim, f.span)));
  }
  const pos = lines.positionAt(from);
  return { relativeOffsets, ruleIds, extent, diagnostics, madeAtOffset: from, madeAtLine: pos.line, madeAtCharacter: pos.character };
}

const movedRange = (r: Range, lines: number): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });

/** The result with its diagnostics moved by whole lines (the claim's text and its CLM's character did not change). */
function movedByLines(e: ClaimResult, offset: number, line: number): ClaimResult {
  const dl = line - e.madeAtLine;
  const diagnostics = e.diagnostics.map((d) => {
    const moved: Diagnostic = { ...d, range: movedRange(d.range, dl) };
    if (d.relatedInformation) moved.relatedInformation = d.relatedInformation.map((r) => ({ ...r, location: { uri: r.location.uri, range: movedRange(r.location.range, dl) } }));
    const data = d.data as DiagnosticData | undefined;
    if (data?.fixes) moved.data = { ...data, fixes: data.fixes.map((f) => ({ ...f, edits: f.edits.map((x) => ({ ...x, range: movedRange(x.range, dl) })) })) };
    return moved;
  });
  return { ...e, diagnostics, madeAtOffset: offset, madeAtLine: line };
}

export class IncrementalValidation {
  private readonly results = new WeakMap<DocumentAnalysis, ClaimResults>();

  /**
   * The previous version's results carried to the next analysis (called by the analysis cache after an edit inside
   * one claim). Same claims, same numbering: everything but the edited claim is carried over as is (results are
   * immutable and re-based when read). Results reaching into the rest of the transaction are checked again for the
   * claims before the edit (what they point at moved), and for all the transaction's claims when its segment count
   * changed (SE01 fixes); results reaching anywhere are checked again. A transaction's claims are a contiguous run.
   */
  carryOver(previous: DocumentAnalysis, next: ClaimFileAnalysis, change: ClaimFileChange): void {
    // the guide's file walk sees nothing inside a claim: kept, moved, unless an issue of it touches the edit
    if (previous.kind === 'claim' && change.touchedClaim >= 0) carryFileIssues(previous.x12, previous.claimFile, next.x12, next.claimFile, change.splice);
    const old = this.results.get(previous);
    if (!old || change.touchedClaim < 0) return;
    const byClaim = old.byClaim.slice();
    const touched = change.touchedClaim;
    byClaim[touched] = undefined;
    const transactionOf = next.claimFile.claims.index.claimTx;
    const tx = transactionOf[touched];
    for (let i = touched - 1; i >= 0 && transactionOf[i] === tx; i--) if (byClaim[i]?.extent === 'transaction') byClaim[i] = undefined;
    if (change.segmentCountChanged) for (let i = touched + 1; i < byClaim.length && transactionOf[i] === tx; i++) if (byClaim[i]?.extent === 'transaction') byClaim[i] = undefined;
    // after this no result reaches anywhere (the list names every claim whose result did: no scan of all claims)
    for (const i of old.reachingAnywhere) if (byClaim[i]?.extent === 'anywhere') byClaim[i] = undefined;
    this.results.set(next, { configuration: old.configuration, byClaim, reachingAnywhere: [] }); // file findings made again
  }

  /** Whether a validation of this analysis has checked a claim already (one that resumes, or after an edit). */
  hasClaimResults(analysis: DocumentAnalysis): boolean {
    const r = this.results.get(analysis);
    return !!r && r.byClaim.some((x) => x !== undefined);
  }

  /** The results of an analysis under a configuration (fresh when there are none or they were made under another). */
  private resultsFor(analysis: ClaimFileAnalysis, configuration: ValidationConfiguration): ClaimResults {
    const r = this.results.get(analysis);
    if (r && r.configuration.settings === configuration.settings && r.configuration.today === configuration.today) return r;
    const fresh: ClaimResults = { configuration, byClaim: [], reachingAnywhere: [] };
    this.results.set(analysis, fresh);
    return fresh;
  }

  /**
   * Every claim's diagnostics merged with the file findings (`fileRules` runs once per analysis and configuration),
   * sorted by offset then rule id as a full validation sorts them: claims without a result are checked (`runnerFor`
   * gives the claim rules of a transaction kind), the others re-used or re-based. `cancelled` is asked between claims; a cancelled validation keeps what it checked,
   * and with `partial` its `ValidationCancelled` carries the diagnostics known so far: every file finding plus the
   * findings of the claims before the one it stopped at (exact for the text before that claim).
   */
  claimDiagnostics(
    analysis: ClaimFileAnalysis,
    ctx: ClaimFileContext,
    fileRules: () => readonly RatedFinding[],
    runnerFor: (kind: TransactionKind) => ClaimRunner,
    cancelled: () => boolean,
    partial = false,
  ): Diagnostic[] {
    const results = this.resultsFor(analysis, { settings: ctx.settings, today: ctx.today });
    const fileFindings = (results.fileFindings ??= fileRules());
    const byClaim = results.byClaim;
    // end offset of each transaction, by transaction number (the index numbers them in document order)
    const transactionEnds: number[] = [];
    for (const { transaction: t } of transactionsOf(ctx.claimFile.interchanges)) transactionEnds.push(t.span.offset + t.span.length);
    const index = ctx.claimFile.claims.index;
    const lines = analysis.lines;
    const uri = analysis.uri;
    const n = index.claimCount;
    if (byClaim.length !== n) byClaim.length = n;
    // the claims' diagnostics in claim order, with their sort keys
    const diags: Diagnostic[] = [];
    const offsets: number[] = [];
    const ruleIds: string[] = [];
    let ordered = true;
    for (let i = 0; i < n; i++) {
      let e = byClaim[i];
      let start = -1;
      if (e && e.diagnostics.length > 0) {
        start = index.claimOffset(i);
        const pos = lines.positionAt(start);
        if (pos.character !== e.madeAtCharacter || (e.extent === 'anywhere' && start !== e.madeAtOffset)) e = undefined; // made again below
        else if (pos.line !== e.madeAtLine) e = movedByLines(e, start, pos.line);
        if (e !== byClaim[i]) byClaim[i] = e;
      }
      if (!e) {
        if ((i & 63) === 0 && cancelled()) {
          throw new ValidationCancelled(i, n, partial ? merged(diags, offsets, ruleIds, ordered, fileFindings, lines, uri) : undefined);
        }
        const run = runnerFor(index.txKinds[index.claimTx[i]] ?? 'unknown');
        e = checkClaim(index.buildClaimAt(i), run, ctx, transactionEnds[index.claimTx[i]] ?? -1, lines, uri);
        if (e.extent === 'anywhere') results.reachingAnywhere.push(i);
        byClaim[i] = e;
        start = e.madeAtOffset;
      }
      const d = e.diagnostics;
      if (d.length === 0) continue;
      const rel = e.relativeOffsets;
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
    return merged(diags, offsets, ruleIds, ordered, fileFindings, lines, uri);
  }
}

/**
 * The claims' diagnostics (claim order, with their sort keys) merged with the file findings, sorted by offset then
 * rule id as a full validation sorts them.
 */
function merged(
  diags: readonly Diagnostic[],
  offsets: readonly number[],
  ruleIds: readonly string[],
  ordered: boolean,
  fileFindings: readonly RatedFinding[],
  lines: LineIndex,
  uri: string,
): Diagnostic[] {
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

/** Thrown by `validate` when its token was cancelled; the claims checked so far stay cached. */
export class ValidationCancelled extends Error {
  /** How far it got: the claims before `checked` are checked (of `total`); 0 of 0 when not told. */
  constructor(
    readonly checked = 0,
    readonly total = 0,
    /** Asked for (`partial`): the diagnostics known so far, exact for the text before claim `checked`. */
    readonly partial?: Diagnostic[],
  ) {
    super('validation cancelled');
    this.name = 'ValidationCancelled';
  }
}
