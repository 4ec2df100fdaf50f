import { codeSetFacts } from '../../codeset/codeFacts';
import { LEVEL_II_SHAPE } from '../../core/codeShapes';
import type { CheckedLine, ClaimFileContext, Finding, NoteContext, Rule } from '../types';
import { eachLine } from '../lineRule';
import { HOW_TO_IMPORT, hcpcsStanding } from './releaseDates';

export { closestCodes } from '../../codeset/codeFacts';

export const UNKNOWN_CODE = 'hcpcs/unknown-code';


/** Up to three codes closest to the unknown one (codeset/codeFacts.ts), remembered per code set. */
function suggestionsFor(code: string, codeSet: ClaimFileContext['codeSet']): string[] {
  return codeSetFacts(codeSet).closestActiveCodes(code);
}

/**
 * The codes spelled like the unknown one, named as what they are: other services. They are never offered as a fix
 * (J9998 is one keystroke from J9298, nivolumab and relatlimab, a different drug); the coder checks the record.
 */
function spelledAlike(codes: readonly string[], codeSet: ClaimFileContext['codeSet']): string {
  if (codes.length === 0) return '';
  const named = codes.map((c) => `${c} (${codeSet.procedure(c)?.shortDescription ?? 'no descriptor'})`);
  return ` Codes spelled alike are different services, not corrections: ${named.join(', ')}.`;
}

/**
 * A service line bills a code with the HCPCS Level II shape (a letter A-V and four digits) that the CMS release
 * does not have: the claim is rejected at the front end before any payment logic runs.
 */
export const unknownCode: Rule = {
  id: UNKNOWN_CODE,
  defaultSeverity: 'error',
  description:
    'A service line bills a HCPCS Level II-shaped code that is not in the CMS release in use (in notes: a code the text plainly names as HCPCS).',
  /**
   * Notes: only mentions the text clearly names as HCPCS (a modifier suffix, "HCPCS", "billed", units); tokens read
   * from their shape alone never fire, so lot numbers and visit IDs stay quiet.
   */
  checkNote(ctx: NoteContext): Finding[] {
    const findings: Finding[] = [];
    for (const mention of ctx.note.mentions) {
      if (mention.system !== 'hcpcs' || mention.confidence !== 'explicit' || ctx.codeSet.procedure(mention.code)) continue;
      findings.push({
        ruleId: UNKNOWN_CODE,
        span: mention.span,
        message:
          `${mention.code} is not a HCPCS Level II code in the ${ctx.codeSet.hcpcsRelease} release (read as HCPCS: ${mention.reason}). ` +
          `A claim line built from this note would be rejected. Check the code against the record.` +
          spelledAlike(suggestionsFor(mention.code, ctx.codeSet), ctx.codeSet),
      });
    }
    return findings;
  },
  checkClaim: eachLine(({ line, code: facts, dateOfService }: CheckedLine, _claim, ctx: ClaimFileContext, findings: Finding[]): void => {
    const code = line.procedureCode;
    if (!code || !facts) return;
    const value = facts.code;
    if (facts.record || !LEVEL_II_SHAPE.test(value)) return;
    const release = ctx.codeSet.hcpcsRelease;
    const date = dateOfService;
    const standing = hcpcsStanding(ctx.codeSet, date);
    if (standing === 'after') {
      // the release cannot know codes added after its quarter: not an error it can support
      findings.push({
        ruleId: UNKNOWN_CODE,
        span: { offset: code.offset, length: code.length },
        severity: 'warning',
        message:
          `${value} may be newer than the HCPCS release ${release}. The release is for dates of service up to ` +
          `${ctx.codeSet.hcpcsCoverage!.to} and this line is dated ${date}, so a code added since is not in it. ${HOW_TO_IMPORT} ` +
          `to check it, or confirm it against the current CMS file before sending the claim.`,
      });
      return;
    }
    if (standing === 'before') {
      findings.push({
        ruleId: UNKNOWN_CODE,
        span: { offset: code.offset, length: code.length },
        severity: 'info',
        message:
          `The HCPCS release ${release} cannot tell whether ${value} was valid on ${date}. CMS drops codes terminated before ` +
          `${ctx.codeSet.hcpcsHorizon} from its file, so a code deleted before then is not in it. Check ${value} against the ` +
          `CMS file of that year.`,
      });
      return;
    }
    findings.push({
      ruleId: UNKNOWN_CODE,
      span: { offset: code.offset, length: code.length },
      message:
        `${value} is not a HCPCS Level II code in the ${ctx.codeSet.hcpcsRelease} release: the payer rejects the line. ` +
        `Check the code against the record.` +
        spelledAlike(suggestionsFor(value, ctx.codeSet), ctx.codeSet),
    });
  }),
};
