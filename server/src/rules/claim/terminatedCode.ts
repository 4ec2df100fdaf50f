import type { CheckedLine, ClaimFileContext, Finding, Fix, NoteContext, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';

export const TERMINATED_CODE = 'hcpcs/terminated-code';

/**
 * The line bills a code whose CMS termination date (its last valid date of service) is before the line's date of
 * service. The fixes replace it with each cross-reference code CMS gives.
 */
export const terminatedCode: Rule = {
  id: TERMINATED_CODE,
  defaultSeverity: 'error',
  description: 'A service line bills a HCPCS code that CMS terminated before the line\'s date of service.',
  /**
   * Notes carry no date of service: a code the note plainly names as HCPCS is checked against the fallback date
   * (`hcpcs.dateOfService`, else today), the date a claim built from the note would most likely carry.
   */
  checkNote(ctx: NoteContext): Finding[] {
    const findings: Finding[] = [];
    for (const mention of ctx.note.mentions) {
      if (mention.system !== 'hcpcs' || mention.confidence !== 'explicit') continue;
      const record = ctx.codeSet.procedure(mention.code);
      if (!record?.terminated || record.terminated >= ctx.today) continue;
      const use = record.crossReference.length ? ` Use ${record.crossReference.join(' or ')} instead.` : '';
      findings.push({
        ruleId: TERMINATED_CODE,
        span: mention.span,
        message: `${mention.code} was terminated on ${record.terminated}: a claim for a later date of service is denied.${use}`,
        tags: ['deprecated'],
        fixes: record.crossReference.map((code) => ({
          title: `Replace with ${code}`,
          edits: [{ span: mention.span, newText: code }],
          preferred: record.crossReference.length === 1,
        })),
      });
    }
    return findings;
  },
  checkClaim: eachLine(({ line, code: facts, dateOfService: dos }: CheckedLine, _claim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (!line.procedureCode || !facts) return;
    const code = facts.code;
    const record = facts.record;
    if (!code || !record?.terminated) return;
    if (dos <= record.terminated) return;
    const replacements = record.crossReference.filter((c) => c && c !== code);
    const fixes: Fix[] = replacements.map((c) => {
      const r = ctx.codeSet.procedure(c);
      return {
        title: `Replace ${code} with ${c}${r ? `: ${r.shortDescription}` : ' (cross-reference)'}`,
        edits: [{ span: spanOf(line.procedureCode!), newText: c }],
        preferred: replacements.length === 1,
      };
    });
    findings.push({
      ruleId: TERMINATED_CODE,
      span: spanOf(line.procedureCode),
      message:
        `${code} was terminated: its last valid date of service was ${record.terminated}, and this line is dated ` +
        `${dos}. The payer denies a code that is not valid on the date of service. ` +
        (replacements.length
          ? `CMS cross-references it to ${replacements.join(', ')}: bill the replacement that matches the record.`
          : 'CMS gives no replacement: find the current code for the service in the release.'),
      fixes,
      tags: ['deprecated'],
    });
  }),
};
