/**
 * The conformance walk of a claim (or of the file's envelope and header loops) done once per validation and
 * shared by the x12/ guide rules, which each report one kind of its issues. The engine runs every rule on one claim
 * before the next claim, so the claim's walk is kept in a one-entry memo (the last claim asked about: a WeakMap
 * entry per claim cost the garbage collector more than the lookups saved); the file's walk is keyed weakly by the
 * claim file object. Both objects are built afresh for each validation and never change.
 * Protects the "all diagnostics, 10 MB" figure (19 rules reading one walk instead of 19 walks).
 */
import type { Claim, ClaimFile } from '../model/claim';
import type { SegmentSplice, X12Document } from '../parse/x12';
import { carriedFileIssues } from './carriedFileWalk';
import { checkClaimConformance, checkFileConformance } from './check';
import type { ImplementationGuides } from './guides';
import type { GuideIssue } from './issues';
import type { ClaimIssuesAhead, ReportedIssue } from './issuesAhead';

interface LastClaim {
  claim: Claim | null;
  guides: ImplementationGuides | null;
  doc: X12Document | null;
  issues: readonly ReportedIssue[];
}
const last: LastClaim = { claim: null, guides: null, doc: null, issues: [] };
const byFile = new WeakMap<ClaimFile, { guides: ImplementationGuides; doc: X12Document; issues: GuideIssue[] }>();

/** `ahead`: issues made by another thread (conformance/issuesAhead.ts), used when it has the claim's. */
export function claimIssues(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, claim: Claim, ahead?: ClaimIssuesAhead): readonly ReportedIssue[] {
  if (last.claim === claim && last.guides === guides && last.doc === doc) return last.issues;
  const issues = (ahead && ahead.take(file.claims.index.claimIndexAtSegment(claim.firstSegment))) ?? checkClaimConformance(guides, doc, file, claim);
  last.claim = claim;
  last.guides = guides;
  last.doc = doc;
  last.issues = issues;
  return issues;
}

export function fileIssues(guides: ImplementationGuides, doc: X12Document, file: ClaimFile): GuideIssue[] {
  const hit = byFile.get(file);
  if (hit && hit.guides === guides && hit.doc === doc) return hit.issues;
  const issues = checkFileConformance(guides, doc, file);
  byFile.set(file, { guides, doc, issues });
  return issues;
}

/**
 * After an edit inside one claim (the model updated in place from `oldFile`: model/incremental.ts), the file walk
 * made on the old version is kept for the new one, moved (conformance/carriedFileWalk.ts), when there was one and no
 * issue of it touches the edit; otherwise the next validation walks the file again.
 */
export function carryFileIssues(oldDoc: X12Document, oldFile: ClaimFile, doc: X12Document, file: ClaimFile, splice: SegmentSplice): void {
  const hit = byFile.get(oldFile);
  if (!hit || hit.doc !== oldDoc) return;
  const issues = carriedFileIssues(hit.issues, splice);
  if (issues) byFile.set(file, { guides: hit.guides, doc, issues });
}
