/**
 * Validation of one analysis: file rules, then every claim's rules (kept per claim across edits by
 * incremental.ts), or the note rules; sorted by offset then rule id. Files over `maxFileSizeMB` get syntax checks
 * only, with a notice.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ClaimFileAnalysis, DocumentAnalysis } from '../analysis';
import type { CodeSet } from '../codeset/types';
import type { Settings } from '../core/settings';
import { toDiagnostic } from '../features/diagnostics';
import type { GuideIndex } from '../guides/types';
import { fallbackDateOfService, todayIso } from '../model/dateOfService';
import type { TransactionKind } from '../model/claim';
import { claimRuleRunner, runFileRules, runNoteRules, type RatedFinding } from '../rules/engine';
import { SYNTAX } from '../rules/envelope/syntax';
import type { ClaimFileContext, Rule, RuleEnvironment } from '../rules/types';
import { rulesFor } from '../transactions/registry';
import { IncrementalValidation, type ClaimRunner } from './incremental';
import type { ClaimIssuesAhead, GuideIssuesMaker } from '../conformance/issuesAhead';
import { conformanceRules } from '../rules/conformance';

/** The diagnostic code of the notice on files over `maxFileSizeMB`. */
export const FILE_TOO_LARGE = 'hcpcs/file-too-large';

export interface ValidationOptions {
  /** Whether the file is a clinical note (documentation rules run). */
  isNote?: boolean;
  /** Date used when neither the claim nor the settings give one (YYYY-MM-DD); default today. */
  today?: string;
  /** Checked between claims: a long validation stops early (throws `ValidationCancelled`) when it is set. */
  token?: { readonly isCancellationRequested: boolean };
  /** A cancelled validation's `ValidationCancelled` carries the diagnostics known so far (`partial`). */
  partial?: boolean;
  /** Claim issues being made ahead for this text since before it was parsed (the service begins them for a document it has not analyzed yet). */
  issuesAhead?: ClaimIssuesAhead;
}

function byOffsetThenRule(a: RatedFinding, b: RatedFinding): number {
  return a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId);
}

function tooLargeNotice(analysis: DocumentAnalysis, settings: Settings): RatedFinding {
  return {
    ruleId: FILE_TOO_LARGE,
    span: { offset: 0, length: 0 },
    severity: 'info',
    message:
      `This file is ${(analysis.text.length / 1024 / 1024).toFixed(1)} MB, over the ${settings.maxFileSizeMB} MB limit (hcpcs.maxFileSizeMB): ` +
      'only X12 syntax is checked here, so billing problems in its claims are not shown. Check it with hcpcs-check, split the batch, or raise the limit.',
  };
}

export class Validator {
  private readonly incremental = new IncrementalValidation();
  private readonly syntaxRules: readonly Rule[];
  private readonly hasGuideRules: boolean;
  /** The claim issues being made ahead for an analysis (null: none are), kept while its validation resumes. */
  private readonly ahead = new WeakMap<DocumentAnalysis, ClaimIssuesAhead | null>();

  constructor(
    private readonly codeSet: CodeSet,
    private readonly guides: GuideIndex,
    private readonly rules: readonly Rule[],
    private readonly issuesMaker?: GuideIssuesMaker,
  ) {
    this.syntaxRules = rules.filter((r) => r.id === SYNTAX);
    const guideIds = new Set(conformanceRules.map((r) => r.id));
    this.hasGuideRules = rules.some((r) => guideIds.has(r.id));
  }

  /** Issues made ahead for a first validation of a large claim file (node/conformanceThread.ts), when a maker is given. */
  private aheadFor(analysis: ClaimFileAnalysis, early: ClaimIssuesAhead | undefined): ClaimIssuesAhead | undefined {
    let a = this.ahead.get(analysis);
    if (a === undefined) {
      a = early ?? null;
      if (!a && !this.incremental.hasClaimResults(analysis)) a = this.beginAhead(analysis.text) ?? null;
      this.ahead.set(analysis, a);
    }
    return a ?? undefined;
  }

  /**
   * Claim issues made ahead for this text (undefined without a maker or guide rules): the service begins them before
   * the parse of a document it has not analyzed yet, so that the other thread parses at the same time; `aheadFor` for
   * an analysis whose claims none checked yet.
   */
  beginAhead(text: string): ClaimIssuesAhead | undefined {
    return this.issuesMaker && this.hasGuideRules && this.codeSet.implementationGuides ? this.issuesMaker.begin(text) : undefined;
  }

  /** The listener the analysis cache tells about edits (claim results carried over). */
  readonly claimFileChanged = this.incremental.carryOver.bind(this.incremental);

  validate(analysis: DocumentAnalysis, settings: Settings, options: ValidationOptions): Diagnostic[] {
    const env: RuleEnvironment = { codeSet: this.codeSet, guides: this.guides, settings, today: fallbackDateOfService(settings, options.today || todayIso()) };
    const tooLarge = analysis.text.length > settings.maxFileSizeMB * 1024 * 1024;
    let findings: RatedFinding[];
    if (analysis.kind === 'claim') {
      const ctx: ClaimFileContext = { ...env, text: analysis.text, x12: analysis.x12, claimFile: analysis.claimFile };
      if (!tooLarge) {
        ctx.guideIssuesAhead = this.aheadFor(analysis, options.issuesAhead);
        return this.claimFile(analysis, ctx, options);
      }
      findings = [...runFileRules(this.syntaxRules, ctx), tooLargeNotice(analysis, settings)];
    } else if (!options.isNote) {
      findings = tooLarge ? [tooLargeNotice(analysis, settings)] : [];
    } else {
      findings = tooLarge ? [tooLargeNotice(analysis, settings)] : runNoteRules(this.rules, { ...env, text: analysis.text, note: analysis.note });
    }
    findings.sort(byOffsetThenRule);
    return findings.map((f) => toDiagnostic(analysis.lines, f, analysis.uri));
  }

  /** File rules, then the claim rules of each claim's transaction kind (transactions/registry.ts), claim results kept. */
  private claimFile(analysis: ClaimFileAnalysis, ctx: ClaimFileContext, options: ValidationOptions): Diagnostic[] {
    const fileFindings = () => runFileRules(this.rules, ctx).sort(byOffsetThenRule);
    const runners = new Map<TransactionKind, ClaimRunner>();
    const runnerFor = (kind: TransactionKind): ClaimRunner => {
      let run = runners.get(kind);
      if (!run) runners.set(kind, (run = claimRuleRunner(rulesFor(kind, this.rules), ctx.settings)));
      return run;
    };
    return this.incremental.claimDiagnostics(analysis, ctx, fileFindings, runnerFor, () => !!options.token?.isCancellationRequested, options.partial);
  }
}
