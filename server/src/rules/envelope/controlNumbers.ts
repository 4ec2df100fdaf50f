import type { Span } from '../../core/span';
import { envelopeWalk, type Spanned } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';
import { markSpan, setElement } from './elementEdit';

export const CONTROL_NUMBER_MISMATCH = 'x12/control-number-mismatch';

interface Pair {
  header: Spanned | null;
  headerName: string;
  trailer: Spanned | null;
  trailerName: string;
  trailerSpan: Span | null;
  trailerSegment: number;
  what: string;
  consequence: string;
}

/**
 * Each envelope's trailer repeats its header's control number: SE02 = ST02, GE02 = GS06, IEA02 = ISA13. A
 * mismatch means the envelope is broken (often a cut-and-paste of another batch), and the receiver rejects it.
 */
export const controlNumberMismatch: Rule = {
  id: CONTROL_NUMBER_MISMATCH,
  defaultSeverity: 'error',
  description: 'SE02 must equal ST02, GE02 must equal GS06 and IEA02 must equal ISA13; receivers reject envelopes whose numbers differ.',
  checkFile(ctx: ClaimFileContext): Finding[] {
    const pairs: Pair[] = [];
    for (const e of envelopeWalk(ctx.claimFile.interchanges)) {
      if (e.level === 'interchange') {
        const interchange = e.interchange;
        pairs.push({
          header: interchange.controlNumber,
          headerName: 'ISA13',
          trailer: interchange.trailerControlNumber,
          trailerName: 'IEA02',
          trailerSpan: interchange.ieaSpan,
          trailerSegment: interchange.lastSegment,
          what: 'interchange',
          consequence: 'the clearinghouse rejects the whole file (TA1), every claim in it',
        });
      } else if (e.level === 'group') {
        const group = e.group;
        pairs.push({
          header: group.controlNumber,
          headerName: 'GS06',
          trailer: group.trailerControlNumber,
          trailerName: 'GE02',
          trailerSpan: group.geSpan,
          trailerSegment: group.lastSegment,
          what: 'functional group',
          consequence: 'the receiver rejects the whole group with all its claims',
        });
      } else {
        const tx = e.transaction;
        pairs.push({
          header: tx.controlNumber,
          headerName: 'ST02',
          trailer: tx.trailerControlNumber,
          trailerName: 'SE02',
          trailerSpan: tx.seSpan,
          trailerSegment: tx.lastSegment,
          what: 'transaction set',
          consequence: 'the receiver rejects the transaction set (999) with all its claims',
        });
      }
    }
    const out: Finding[] = [];
    for (const p of pairs) {
      if (!p.header || !p.trailerSpan) continue; // missing headers/trailers are x12/syntax findings
      const h = p.header.value.trim();
      const t = p.trailer?.value.trim();
      if (t === h) continue;
      const edit = setElement(ctx.x12, p.trailerSegment, 2, h);
      out.push({
        ruleId: CONTROL_NUMBER_MISMATCH,
        span: markSpan(ctx.x12, p.trailerSegment, 2, p.trailerSpan),
        message:
          `${p.trailerName} ${t ? `is ${t}` : 'is empty'} but ${p.headerName} is ${h}: the ${p.what} trailer must repeat its header's control number, ` +
          `or ${p.consequence}. Set ${p.trailerName} to ${h}.`,
        related: [{ span: p.header, message: `${p.headerName} control number ${h}` }],
        fixes: edit ? [{ title: `Set ${p.trailerName} to ${h}`, edits: [edit], preferred: true }] : undefined,
      });
    }
    return out;
  },
};
