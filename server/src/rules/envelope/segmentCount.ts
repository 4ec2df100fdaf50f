import { transactionsOf } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';
import { markSpan, setElement } from './elementEdit';

export const SEGMENT_COUNT = 'x12/segment-count';

/**
 * SE01 must count the segments of its transaction set, ST and SE included. Translators check it before reading
 * any claim: a wrong count rejects the whole transaction (999 IK5*R), so none of its claims reaches the payer.
 */
export const segmentCount: Rule = {
  id: SEGMENT_COUNT,
  defaultSeverity: 'error',
  description: 'SE01 must equal the number of segments from ST to SE inclusive; otherwise the transaction set is rejected whole.',
  checkFile(ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const { transaction: tx } of transactionsOf(ctx.claimFile.interchanges)) {
      if (!tx.seSpan) continue; // a missing SE is reported by x12/syntax
      const declared = tx.declaredSegmentCount;
      const actual = tx.actualSegmentCount;
      if (declared && declared.value === actual) continue;
      const edit = setElement(ctx.x12, tx.lastSegment, 1, String(actual));
      const said = declared ? `says ${declared.text}` : 'is empty';
      out.push({
        ruleId: SEGMENT_COUNT,
        span: markSpan(ctx.x12, tx.lastSegment, 1, tx.seSpan),
        message:
          `SE01 segment count ${said}, but transaction set ${tx.controlNumber?.value ?? ''} has ${actual} segments (ST through SE). ` +
          `The receiver rejects the whole transaction set on a count mismatch, so none of its ${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'} gets paid. ` +
          `Set SE01 to ${actual}.`,
        fixes: edit ? [{ title: `Set SE01 to ${actual}`, edits: [edit], preferred: true }] : undefined,
      });
    }
    return out;
  },
};
