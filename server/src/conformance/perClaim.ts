/**
 * The conformance walk of a claim (or of the file's envelope and header loops) done once per validation and
 * shared by the x12/ guide rules, which each report one kind of its issues. Keyed weakly by the claim (or claim
 * file) object, which the engine builds afresh for each validation and never changes: no state outlives it.
 * Protects the "all diagnostics, 10 MB" figure (18 rules reading one walk instead of 18 walks).
 */
import type { Claim, ClaimFile } from '../model/claim';
import type { X12Document } from '../parse/x12';
import { checkClaimConformance, checkFileConformance } from './check';
import type { ImplementationGuides } from './guides';
import type { GuideIssue } from './issues';

const byClaim = new WeakMap<Claim, { guides: ImplementationGuides; doc: X12Document; issues: GuideIssue[] }>();
const byFile = new WeakMap<ClaimFile, { guides: ImplementationGuides; doc: X12Document; issues: GuideIssue[] }>();

export function claimIssues(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, claim: Claim): GuideIssue[] {
  const hit = byClaim.get(claim);
  if (hit && hit.guides === guides && hit.doc === doc) return hit.issues;
  const issues = checkClaimConformance(guides, doc, file, claim);
  byClaim.set(claim, { guides, doc, issues });
  return issues;
}

export function fileIssues(guides: ImplementationGuides, doc: X12Document, file: ClaimFile): GuideIssue[] {
  const hit = byFile.get(file);
  if (hit && hit.guides === guides && hit.doc === doc) return hit.issues;
  const issues = checkFileConformance(guides, doc, file);
  byFile.set(file, { guides, doc, issues });
  return issues;
}
