/**
 * Guide issues of claims made ahead of the validation, by another thread (node/conformanceThread.ts): the
 * x12/ guide rules take a claim's issues from here when they are ready, and make them themselves when not. The
 * issues are the same either way (conformance is a function of the text and the guides); only what the rules
 * report of them travels: kind, span, message, fix and severity.
 */
import type { GuideIssue } from './issues';

/** What a guide rule reports of an issue (rules/conformance/guideRule.ts). */
export type ReportedIssue = Pick<GuideIssue, 'kind' | 'span' | 'message' | 'fix' | 'severity'>;

export interface ClaimIssuesAhead {
  /**
   * The issues of claim number `claimNumber` (file order) when they were made ahead, else undefined; it also tells
   * the maker that the validation has reached that claim (claims before it need not be made).
   */
  take(claimNumber: number): readonly ReportedIssue[] | undefined;
}

/** What a guide rule reports of an issue, without the guide nodes it names (those do not travel between threads). */
export function reportedIssue(issue: GuideIssue): ReportedIssue {
  const r: ReportedIssue = { kind: issue.kind, span: issue.span, message: issue.message };
  if (issue.fix) r.fix = issue.fix;
  if (issue.severity) r.severity = issue.severity;
  return r;
}

/** Starts making a validation's claim issues ahead (node/conformanceThread.ts); undefined when it does not. */
export interface GuideIssuesMaker {
  /** Called before the text is parsed (a document not analyzed yet) or after, before its first claim is checked. */
  begin(text: string): ClaimIssuesAhead | undefined;
}
