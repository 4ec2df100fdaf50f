/**
 * Every claim of a claim file (and its file walk) checked against its implementation guide in one pass, from the
 * claim index alone (no claim is built: conformance/check.ts claimPlaceAt), in batches: what the conformance worker
 * runs (node/conformanceWorker.ts) for conformance/parallel.ts. The validation it helps may be ahead of it (it checks
 * a claim itself when the helper has not answered yet): `position` tells where, and the pass skips what is behind.
 */
import { buildClaimModel } from '../model/claim';
import { parseX12 } from '../parse/x12';
import { checkClaimConformance, checkFileConformance, claimPlaceAt } from './check';
import type { ImplementationGuides } from './guides';
import { travelling, type TravellingIssue } from './parallel';

/** A batch: every claim whose first segment lies in [from, upTo) is done; those with issues are listed. */
export interface ClaimsBatch {
  from: number;
  upTo: number;
  issues: [firstSegment: number, issues: TravellingIssue[]][];
}

/** Claims a pass that fell behind starts ahead of the validation's position (the validation reaches them as it is done). */
const LEAD = 32;

export interface ClaimsPassHooks {
  /** The file walk's issues (the envelope and header loops), handed over first: a validation reads them first. */
  file(issues: TravellingIssue[]): void;
  batch(batch: ClaimsBatch): void;
  /** Whether to stop (asked between batches). */
  stopped(): boolean;
  /** The first segment of the claim the validation is at (0: not started). */
  position(): number;
}

/** Check `text`: its file walk, then its claims in batches of `batchSize` (the last batch has upTo = Infinity). */
export function checkClaimsInBatches(guides: ImplementationGuides, text: string, hooks: ClaimsPassHooks, batchSize = 64): void {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  hooks.file(checkFileConformance(guides, doc, file).map(travelling));
  const index = file.claims.index;
  const n = index.claimCount;
  let k = 0;
  while (k < n) {
    if (hooks.stopped()) return;
    const at = hooks.position();
    if (at > index.claimFirst[k]) {
      k = Math.min(n, index.firstClaimEndingAtOrAfter(at) + LEAD);
      if (k >= n) return;
    }
    const to = Math.min(n, k + batchSize);
    const batch: ClaimsBatch = { from: index.claimFirst[k], upTo: to < n ? index.claimFirst[to] : Infinity, issues: [] };
    for (let c = k; c < to; c++) {
      const issues = checkClaimConformance(guides, doc, file, claimPlaceAt(doc, file, c));
      if (issues.length > 0) batch.issues.push([index.claimFirst[c], issues.map(travelling)]);
    }
    hooks.batch(batch);
    k = to;
  }
}
