import type { X12Document } from '../../parse/x12';
import type { MissingTrailer } from '../../model/types';
import type { ClaimFileContext, Finding, Fix, Rule } from '../types';

export const SYNTAX = 'x12/syntax';

/** What the receiver does without the trailer, in a coder's words. */
const WITHOUT_TRAILER: Record<MissingTrailer['id'], string> = {
  GE: 'The receiver cannot tell where the functional group ends or check its transaction count, and rejects the group with every claim in it.',
  IEA: 'The clearinghouse cannot tell where the interchange ends or check its group count, and rejects the whole interchange (TA1) with every claim in it.',
};

/**
 * The trailer added after the group's or interchange's last segment, in the file's layout (a line break after each
 * terminator when the file has one there). Null when the header has no control number to repeat.
 */
function addTrailer(doc: X12Document, trailer: MissingTrailer): Fix | null {
  const d = doc.delimiters;
  if (!d || trailer.controlNumber === null) return null;
  const segments = doc.segments;
  const text = doc.text;
  const segment = [trailer.id, String(trailer.count), trailer.controlNumber].join(d.element);
  const terminator = segments.terminatorOffset(trailer.afterSegment);
  let edit;
  if (terminator < 0) {
    // the last segment has no terminator: end it, then add the trailer
    const at = segments.contentEnd(trailer.afterSegment);
    edit = { span: { offset: at, length: 0 }, newText: `${d.segment}${segment}${d.segment}` };
  } else {
    const after = terminator + 1;
    const lineBreak = text.startsWith('\r\n', after) ? '\r\n' : text.startsWith('\n', after) ? '\n' : '';
    edit = { span: { offset: after, length: 0 }, newText: `${lineBreak}${segment}${d.segment}` };
  }
  return { title: `Add ${segment}`, edits: [edit], preferred: true };
}

/**
 * What the parser could not read (no ISA, a short ISA, bad delimiters, an empty segment id ...) and what the
 * envelope lacks (a missing trailer, a segment outside its envelope): a clearinghouse rejects the whole file, group
 * or transaction at the door, before any claim in it is looked at.
 */
export const syntax: Rule = {
  id: SYNTAX,
  defaultSeverity: 'error',
  description: 'The file breaks X12 syntax (envelope, delimiters, segment ids, a missing GE or IEA trailer); clearinghouses reject such files whole.',
  checkFile(ctx: ClaimFileContext): Finding[] {
    const findings: Finding[] = ctx.x12.errors.map((e) => ({
      ruleId: SYNTAX,
      span: { offset: e.offset, length: e.length },
      message: e.message,
      severity: e.severity,
    }));
    for (const issue of ctx.claimFile.issues) {
      const span = { offset: issue.offset, length: issue.length };
      if (issue.trailer) {
        // a missing GE or IEA: nothing else reports it (the guide's walk is of ST to SE, which reports a missing SE)
        const fix = addTrailer(ctx.x12, issue.trailer);
        findings.push({ ruleId: SYNTAX, span, message: `${issue.message} ${WITHOUT_TRAILER[issue.trailer.id]}${fix ? ` ${fix.title}.` : ''}`, fixes: fix ? [fix] : undefined });
        continue;
      }
      findings.push({ ruleId: SYNTAX, span, message: issue.message, severity: 'warning' });
    }
    return findings;
  },
};
