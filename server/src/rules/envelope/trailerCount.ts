import { envelopeWalk } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';
import { markSpan, setElement } from './elementEdit';

export const TRAILER_COUNT = 'x12/trailer-count';

/**
 * GE01 counts the transaction sets of its group, IEA01 the functional groups of its interchange. A wrong count
 * makes the translator reject the group or the whole interchange (TA1 / 999), with every claim inside it.
 */
export const trailerCount: Rule = {
  id: TRAILER_COUNT,
  defaultSeverity: 'error',
  description: 'GE01 must equal the number of transaction sets in the group and IEA01 the number of groups in the interchange.',
  checkFile(ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const e of envelopeWalk(ctx.claimFile.interchanges)) {
      if (e.level === 'group') {
        const group = e.group;
        if (!group.geSpan) continue;
        const actual = group.transactions.length;
        const declared = group.declaredTransactionCount;
        if (declared && declared.value === actual) continue;
        const edit = setElement(ctx.x12, group.lastSegment, 1, String(actual));
        out.push({
          ruleId: TRAILER_COUNT,
          span: markSpan(ctx.x12, group.lastSegment, 1, group.geSpan),
          message:
            `GE01 ${declared ? `says ${declared.text}` : 'is empty'} transaction sets, but functional group ${group.controlNumber?.value ?? ''} holds ${actual}. ` +
            `The receiver rejects the whole group on a count mismatch, so none of its claims gets paid. Set GE01 to ${actual}.`,
          fixes: edit ? [{ title: `Set GE01 to ${actual}`, edits: [edit], preferred: true }] : undefined,
        });
      } else if (e.level === 'interchange') {
        const interchange = e.interchange;
        if (!interchange.ieaSpan) continue;
        const actual = interchange.groups.length;
        const declared = interchange.declaredGroupCount;
        if (declared && declared.value === actual) continue;
        const edit = setElement(ctx.x12, interchange.lastSegment, 1, String(actual));
        out.push({
          ruleId: TRAILER_COUNT,
          span: markSpan(ctx.x12, interchange.lastSegment, 1, interchange.ieaSpan),
          message:
            `IEA01 ${declared ? `says ${declared.text}` : 'is empty'} functional groups, but interchange ${interchange.controlNumber?.value ?? ''} holds ${actual}. ` +
            `The clearinghouse rejects the whole interchange on a count mismatch (TA1), with every claim in the file. Set IEA01 to ${actual}.`,
          fixes: edit ? [{ title: `Set IEA01 to ${actual}`, edits: [edit], preferred: true }] : undefined,
        });
      }
    }
    return out;
  },
};
