/**
 * Checking every claim of a file against its implementation guide somewhere else while the billing rules run here:
 * what the validator (validation/validate.ts) asks of such a helper, and the form the issues travel in. The helper
 * itself (node/parallelConformance.ts) runs conformance/claimsPass.ts in a worker thread; here is only the shape, so
 * the core knows nothing of threads.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (guide rules <= +30% over the
 * figure without them; bench/guideCost.ts): the claims' conformance is about two thirds of that cost and needs
 * nothing the billing rules make, so on a second core it overlaps them. The issues are the same as checking here
 * (test/service/parallelConformance.test.ts compares the diagnostics).
 */
import type { GuideIssue, IssueKind } from './issues';

/** A guide issue as it travels from the helper: what the x12/ rules report (rules/conformance/guideRule.ts). */
export interface TravellingIssue {
  kind: IssueKind;
  offset: number;
  length: number;
  segmentIndex: number;
  message: string;
  fix: GuideIssue['fix'];
}

/** One claim-checking pass over one version of a file. */
export interface ClaimConformanceJob {
  /**
   * The issues of the claim whose first segment is `firstSegment` (waiting for the helper to get there);
   * undefined when the helper failed or gave up: the caller checks the claim itself.
   */
  issuesOf(firstSegment: number): readonly GuideIssue[] | undefined;
  /** The file walk's issues (the envelope and header loops), waiting for them; undefined as above. */
  fileIssues(): readonly GuideIssue[] | undefined;
  /** Stop the pass (the validation ended, or was cancelled): the helper drops it. */
  stop(): void;
}

export interface ClaimConformanceHelper {
  /** Start checking every claim of `text` (a claim file); null when the helper cannot, or the file is too small to gain. */
  start(text: string): ClaimConformanceJob | null;
}

export function travelling(i: GuideIssue): TravellingIssue {
  return { kind: i.kind, offset: i.span.offset, length: i.span.length, segmentIndex: i.segmentIndex, message: i.message, fix: i.fix };
}

/** A travelled issue as a guide issue (its guide places are not carried: the rules do not read them). */
export function arrived(t: TravellingIssue): GuideIssue {
  return { kind: t.kind, span: { offset: t.offset, length: t.length }, segmentIndex: t.segmentIndex, message: t.message, ack: null, loop: null, segment: null, element: null, fix: t.fix };
}
