import type { Span, TextEdit } from '../core/span';
import type { Settings } from '../core/settings';
import type { CodeSet } from '../codeset/types';
import type { GuideIndex } from '../guides/types';
import type { X12Document } from '../parse/x12';
import type { ClaimFile, Claim, ServiceLine } from '../model/claim';
import type { Payer } from '../core/settings';
import type { CodeFacts, CodeSetFacts } from '../codeset/codeFacts';
import type { Guide } from '../guides/types';
import type { NoteScan } from '../parse/note';
import type { ClaimIssuesAhead } from '../conformance/issuesAhead';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A quick fix computed with the finding, so applying it never re-runs the analysis. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a coder most likely wants (VS Code applies it with "auto fix"). */
  preferred?: boolean;
}

/** What a rule reports: always about a place in the document, in billing words. */
export interface Finding {
  ruleId: string;
  span: Span;
  message: string;
  fixes?: Fix[];
  /** Places that explain the finding (the JW line, the diagnosis, ...). */
  related?: { span: Span; message: string }[];
  /** A finding milder (or graver) than the rule's default; a severity the user set for the rule still wins. */
  severity?: Severity;
  /** Shown faded (unnecessary) or struck through (deprecated) by editors that support it. */
  tags?: ('unnecessary' | 'deprecated')[];
}

/** Everything a rule may read; rules do no I/O and keep no state. */
export interface RuleEnvironment {
  codeSet: CodeSet;
  guides: GuideIndex;
  settings: Settings;
  /** The date used when neither the line, the claim nor the settings give one (YYYY-MM-DD). */
  today: string;
}

export interface ClaimFileContext extends RuleEnvironment {
  text: string;
  x12: X12Document;
  claimFile: ClaimFile;
  /** The claims' guide issues made ahead by another thread, when the server or the checker has one working. */
  guideIssuesAhead?: ClaimIssuesAhead;
}

/**
 * A service line with the facts every line rule reads, built once per claim by the engine (rules/checkedClaim.ts)
 * and handed to every rule: no rule looks a code up again or keeps a memo of its own.
 */
export interface CheckedLine {
  readonly line: ServiceLine;
  /** Position of the line in claim.serviceLines. */
  readonly index: number;
  /** The procedure code's facts (the code in upper case, its record, derived flags); null when the line has no code. */
  readonly code: CodeFacts | null;
  /** YYYY-MM-DD: the line's date of service, else the claim's, else the fallback date (model/dateOfService.ts). */
  readonly dateOfService: string;
  /** The line's modifiers in upper case, in order: modifierCodes[k] is line.modifiers[k]. */
  readonly modifierCodes: readonly string[];
  /** The billing guide of the procedure code, undefined when none. */
  readonly guide: Guide | undefined;
}

/** A claim with its per-claim facts, built once by the engine and handed to every claim and line rule. */
export interface CheckedClaim {
  readonly claim: Claim;
  /** The payer profile: from SBR09, else the hcpcs.payer setting (rules/claim/payer.ts). */
  readonly payer: Payer;
  readonly lines: readonly CheckedLine[];
  /** The code set's memoized facts (modifier records, ICD-10-CM look-ups, closest codes). */
  readonly codeFacts: CodeSetFacts;
}

export interface NoteContext extends RuleEnvironment {
  text: string;
  note: NoteScan;
}

/**
 * A billing rule: one module, one id. It may look at each claim (so edits re-check only the claims they touch),
 * at the whole claim file (envelopes, counts), at clinical notes, or at several of these.
 */
export interface Rule {
  /** `hcpcs/terminated-code`: at once the diagnostic code, the settings key and what code actions match on. */
  id: string;
  defaultSeverity: Severity;
  /** One sentence for the settings documentation and the README. */
  description: string;
  /**
   * Findings that depend only on this claim (and the code set, guides and settings), from the facts the engine built
   * once for it. A line rule is `checkClaim: eachLine(check of one line)` (lineRule.ts).
   */
  checkClaim?(claim: CheckedClaim, ctx: ClaimFileContext): Finding[];
  /** Findings about the file as a whole: envelopes, control numbers, syntax. */
  checkFile?(ctx: ClaimFileContext): Finding[];
  /** Findings in a clinical note. */
  checkNote?(ctx: NoteContext): Finding[];
}
