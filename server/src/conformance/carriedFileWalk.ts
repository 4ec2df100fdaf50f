/**
 * The file walk's issues (conformance/check.ts `checkFileConformance`: the envelope, the header loops, each 2000A
 * with its 2010A loops, the trailers) carried over an edit inside one claim instead of walking past every claim again.
 *
 * When the claim model was updated in place (model/incremental.ts `updateClaimModelAt` gave a touched claim), the edit
 * lay inside one claim's segments (its CLM through its last segment) and added or removed no envelope, HL, CLM or SBR
 * segment: the claim index's columns are the old ones shifted, so the file walk makes the same steps over the same
 * segments outside the claims (it steps none inside a claim) and reads the same ids, qualifiers and HL values. Its
 * issues are then the old ones with offsets after the edit moved by the edit's length change and segment numbers
 * after the replaced segments moved by the segment count change. An issue that touches the edited text or the
 * replaced segments (a loop reported at the edited claim's first segment, a trailer-less transaction ending in the
 * edited segment) is not moved: the walk is done again.
 *
 * Speed trick. Protects: "edit inside one claim of a 10 MB file: re-validate" with the x12/ guide rules (guide rules
 * <= +30%; bench/guideCost.ts), and the protocol's "one-character edit -> its diagnostics" (bench/protocol.ts).
 * Equal to a fresh walk: test/unit/conformance/carriedFileWalk.test.ts.
 */
import type { Span, TextEdit } from '../core/span';
import type { SegmentSplice } from '../parse/x12';
import type { GuideIssue } from './issues';

/** The span in the new text, or null when it touches the edited stretch (old [editOffset, editEnd], ends included). */
function movedSpan(s: Span, splice: SegmentSplice): Span | null {
  if (s.offset + s.length < splice.editOffset) return s;
  if (s.offset > splice.editEnd) return splice.delta === 0 ? s : { offset: s.offset + splice.delta, length: s.length };
  return null;
}

/**
 * The issues of the file walk after the edit `splice` describes, or null when one of them touches the edit (walk
 * again). Only for a splice after which the claim model was updated in place (see above).
 */
export function carriedFileIssues(issues: readonly GuideIssue[], splice: SegmentSplice): GuideIssue[] | null {
  const oldLast = splice.first + splice.removedCount - 1;
  const sd = splice.insertedCount - splice.removedCount;
  const out: GuideIssue[] = [];
  for (const issue of issues) {
    const n = issue.segmentIndex;
    if (n >= splice.first && n <= oldLast) return null;
    const span = movedSpan(issue.span, splice);
    if (!span) return null;
    let fix = issue.fix;
    if (fix) {
      const edits: TextEdit[] = [];
      for (const e of fix.edits) {
        const at = movedSpan(e.span, splice);
        if (!at) return null;
        edits.push(at === e.span ? e : { ...e, span: at });
      }
      if (edits.some((e, k) => e !== fix!.edits[k])) fix = { ...fix, edits };
    }
    const segmentIndex = n > oldLast ? n + sd : n;
    out.push(span === issue.span && fix === issue.fix && segmentIndex === n ? issue : { ...issue, span, segmentIndex, fix });
  }
  return out;
}
