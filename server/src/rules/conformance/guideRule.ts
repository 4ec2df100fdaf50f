/**
 * The shape every implementation-guide rule shares: the conformance walk (per claim, and per file for the envelope
 * and header loops) reports issues by kind, and each rule reports the issues of its kind. The walk runs once per
 * claim for all of these rules (conformance/perClaim.ts).
 */
import { claimIssues, fileIssues } from '../../conformance/perClaim';
import type { IssueKind } from '../../conformance/issues';
import type { ReportedIssue } from '../../conformance/issuesAhead';
import type { ClaimFileContext, Finding, Rule, Severity } from '../types';

const NONE = Object.freeze([]) as unknown as Finding[];

function toFindings(ruleId: string, issues: readonly ReportedIssue[], kind: IssueKind): Finding[] {
  // most claims have no issue: no array made for them (19 rules ask per claim)
  if (issues.length === 0) return NONE;
  const out: Finding[] = [];
  for (const i of issues) {
    if (i.kind !== kind) continue;
    out.push({ ruleId, span: i.span, message: i.message, fixes: i.fix ? [{ title: i.fix.title, edits: i.fix.edits, preferred: true }] : undefined, ...(i.severity ? { severity: i.severity } : {}) });
  }
  return out;
}

export function guideRule(id: string, kind: IssueKind, defaultSeverity: Severity, description: string): Rule {
  return {
    id,
    defaultSeverity,
    description,
    checkClaim(checked, ctx: ClaimFileContext) {
      const guides = ctx.codeSet.implementationGuides;
      if (!guides) return [];
      return toFindings(id, claimIssues(guides, ctx.x12, ctx.claimFile, checked.claim, ctx.guideIssuesAhead), kind);
    },
    checkFile(ctx: ClaimFileContext) {
      const guides = ctx.codeSet.implementationGuides;
      if (!guides) return [];
      return toFindings(id, fileIssues(guides, ctx.x12, ctx.claimFile), kind);
    },
  };
}
