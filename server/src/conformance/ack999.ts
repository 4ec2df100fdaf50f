/**
 * The 999 implementation acknowledgment (005010X231A1) a receiver would return for a claim file: one functional
 * group response per functional group, AK2/IK5 per transaction set, IK3 for each segment in error and IK4 for each
 * element in error, with the guide's error codes; IK5 and AK9 also carry the envelope's own faults (a trailer missing,
 * a control number or count in the trailer that does not match); AK9 sums the group up. Identifier findings (NPI, taxonomy, ZIP,
 * claim frequency) and the version notice are not 999 errors (receivers report those on a 277CA), so they are left
 * out. Pure: built from the parsed file and the conformance issues.
 */
import type { ClaimFile } from '../model/claim';
import type { FunctionalGroup, Transaction } from '../model/types';
import type { X12Document } from '../parse/x12';
import { guideLoop } from './guides';
import type { GuideIssue } from './issues';

export interface AckOptions {
  /** Control number of the 999's interchange, group and transaction set. */
  controlNumber?: number;
  /** When the acknowledgment is made: CCYYMMDD and HHMM. */
  date: string;
  time: string;
}

/** IK303: data element 447 holds at most 4 characters, so 2010AA is sent as 2010 (the loop's numeric part). */
function loopCode(loop: { id: string; type: string | null } | null): string {
  return loop && !loop.type ? `*${loop.id.slice(0, 4)}` : '*';
}

function pad(s: string, n: number): string {
  return (s + ' '.repeat(n)).slice(0, n);
}

/**
 * IK502-IK506 for the transaction set's own envelope (data element 618): 2 trailer missing, 3 SE02 is not ST02,
 * 4 SE01 is not the number of segments (x12/syntax, x12/control-number-mismatch, x12/segment-count).
 */
function transactionEnvelopeCodes(t: Transaction): string[] {
  if (!t.seSpan) return ['2'];
  const codes: string[] = [];
  if (t.controlNumber && t.trailerControlNumber?.value.trim() !== t.controlNumber.value.trim()) codes.push('3');
  if (t.declaredSegmentCount?.value !== t.actualSegmentCount) codes.push('4');
  return codes;
}

/**
 * AK905-AK909 for the functional group's own envelope (data element 716): 3 GE missing, 4 GE02 is not GS06, 5 GE01
 * is not the number of transaction sets (x12/syntax, x12/control-number-mismatch, x12/trailer-count).
 */
function groupEnvelopeCodes(g: FunctionalGroup): string[] {
  if (!g.gsSpan) return [];
  if (!g.geSpan) return ['3'];
  const codes: string[] = [];
  if (g.controlNumber && g.trailerControlNumber?.value.trim() !== g.controlNumber.value.trim()) codes.push('4');
  if (g.declaredTransactionCount?.value !== g.transactions.length) codes.push('5');
  return codes;
}

/** The 999 for `issues` (file and claim issues together) of the file `doc`. */
export function build999(doc: X12Document, file: ClaimFile, issues: readonly GuideIssue[], options: AckOptions): string {
  const segs: string[] = [];
  const ctl = String(options.controlNumber ?? 1);
  const interchange = file.interchanges[0];
  const sender = interchange?.senderId?.value ?? '';
  const receiver = interchange?.receiverId?.value ?? '';
  const senderQ = doc.delimiters ? (doc.segments.segment(0).elements[4]?.value ?? 'ZZ') : 'ZZ';
  const receiverQ = doc.delimiters ? (doc.segments.segment(0).elements[6]?.value ?? 'ZZ') : 'ZZ';
  const usage = interchange?.usageIndicator?.value === 'P' ? 'P' : 'T';
  const d = doc.delimiters;
  const out: string[] = [];
  out.push(`ISA*00*${pad('', 10)}*00*${pad('', 10)}*${pad(receiverQ, 2)}*${pad(receiver, 15)}*${pad(senderQ, 2)}*${pad(sender, 15)}*${options.date.slice(2)}*${options.time}*^*00501*${ctl.padStart(9, '0')}*0*${usage}*:~`);
  let groupCount = 0;
  const byTx = new Map<number, GuideIssue[]>();
  for (const i of issues) {
    if (!i.ack) continue;
    const list = byTx.get(i.segmentIndex) ?? [];
    list.push(i);
    byTx.set(i.segmentIndex, list);
  }
  for (const x of file.interchanges) {
    for (const g of x.groups) {
      groupCount++;
      const groupCtl = `${ctl}${groupCount > 1 ? groupCount : ''}`;
      const gs = doc.segments.segment(g.firstSegment);
      const gsSender = gs.id === 'GS' ? (gs.elements[1]?.value ?? '') : '';
      const gsReceiver = gs.id === 'GS' ? (gs.elements[2]?.value ?? '') : '';
      // the acknowledgment goes back: the original receiver sends it to the original sender
      out.push(`GS*FA*${gsReceiver || 'RECEIVER'}*${gsSender || 'SENDER'}*${options.date}*${options.time}*${groupCtl}*X*005010X231A1~`);
      segs.length = 0;
      segs.push('ST*999*0001*005010X231A1~');
      segs.push(`AK1*${g.functionalIdentifier?.value || 'HC'}*${g.controlNumber?.value ?? ''}*${g.version?.value ?? ''}~`);
      let accepted = 0;
      for (const t of g.transactions) {
        segs.push(`AK2*${doc.segments.segment(t.firstSegment).elements[0]?.value || '837'}*${t.controlNumber?.value ?? ''}${t.implementationReference ? `*${t.implementationReference.value}` : ''}~`);
        // issues of this transaction, by segment, in file order
        const inTx: GuideIssue[] = [];
        for (let s = t.firstSegment; s <= t.lastSegment; s++) {
          const l = byTx.get(s);
          if (l) inTx.push(...l);
        }
        inTx.sort((a, b) => a.segmentIndex - b.segmentIndex || a.span.offset - b.span.offset);
        let errors = 0;
        let k = 0;
        while (k < inTx.length) {
          const first = inTx[k];
          const segIndex = first.segmentIndex;
          const group: GuideIssue[] = [];
          while (k < inTx.length && inTx[k].segmentIndex === segIndex) group.push(inTx[k++]);
          // element errors of the segment itself: one IK3 (code 8) with an IK4 each; each other fault its own IK3
          const elementErrors = group.filter((i) => i.ack!.ik304 === '8');
          const others = group.filter((i) => i.ack!.ik304 !== '8');
          const position = segIndex - t.firstSegment + 1;
          for (const o of others) {
            const missing = o.ack!.ik304 === '3';
            const id = missing ? (o.segment?.id ?? doc.segments.id(segIndex)) : doc.segments.id(segIndex);
            const loop = o.kind === 'loop-missing' ? o.loop : o.segment ? guideLoop(o.segment.loop) : o.loop ? guideLoop(o.loop) : null;
            segs.push(`IK3*${id}*${position}${loopCode(loop)}*${o.ack!.ik304}~`);
            errors++;
          }
          if (elementErrors.length > 0) {
            const loop = elementErrors[0].segment ? guideLoop(elementErrors[0].segment.loop) : null;
            segs.push(`IK3*${doc.segments.id(segIndex)}*${position}${loopCode(loop)}*8~`);
            errors++;
            for (const e of elementErrors) {
              if (!e.ack!.ik403) continue;
              const pos = `${e.ack!.seq ?? 1}${e.ack!.comp ? `:${e.ack!.comp}` : ''}`;
              const ref = e.element && /^\d+$/.test(e.element.ele) ? e.element.ele : '';
              // IK404 copies the bad value when it is one plain value (not a composite, no delimiter of either file)
              const v = e.ack!.badValue ?? '';
              const plain = v && e.ack!.ik403 !== '1' && !/[*~:^]/.test(v) && !(d && (v.includes(d.component) || v.includes(d.element) || (d.repetition && v.includes(d.repetition))));
              const bad = plain ? `*${v.slice(0, 99)}` : '';
              segs.push(`IK4*${pos}*${ref}*${e.ack!.ik403}${bad}~`);
            }
          }
        }
        const codes = transactionEnvelopeCodes(t);
        if (errors > 0) codes.push('I5');
        if (codes.length === 0) {
          accepted++;
          segs.push('IK5*A~');
        } else segs.push(`IK5*R*${codes.slice(0, 5).join('*')}~`);
      }
      const n = g.transactions.length;
      const groupCodes = groupEnvelopeCodes(g);
      // a group refused for its own envelope accepts none of its transaction sets
      if (groupCodes.length > 0) accepted = 0;
      segs.push(`AK9*${accepted === n && groupCodes.length === 0 ? 'A' : accepted === 0 ? 'R' : 'P'}*${n}*${n}*${accepted}${groupCodes.map((c) => `*${c}`).join('')}~`);
      segs.push(`SE*${segs.length + 1}*0001~`);
      out.push(...segs);
      out.push(`GE*1*${groupCtl}~`);
    }
  }
  out.push(`IEA*${groupCount}*${ctl.padStart(9, '0')}~`);
  return out.join('\n') + '\n';
}
