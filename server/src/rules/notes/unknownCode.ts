import type { Finding, NoteContext, Rule } from '../types';

export const NOTE_UNKNOWN_CODE = 'notes/unknown-code';

/**
 * A note plainly names a HCPCS code (modifier suffix, "HCPCS", "billed", a billing section) that is not in the
 * code set, or that was terminated before the fallback date: a claim built from the note would be rejected.
 * Tokens read only from their shape never fire, so lot numbers and IDs stay quiet.
 */
export const noteUnknownCode: Rule = {
  id: NOTE_UNKNOWN_CODE,
  defaultSeverity: 'warning',
  description: 'A clinical note names a HCPCS code that is not in the code set in use, or that is terminated.',
  checkNote(ctx: NoteContext): Finding[] {
    const findings: Finding[] = [];
    for (const mention of ctx.note.mentions) {
      if (mention.system !== 'hcpcs' || mention.confidence !== 'explicit') continue;
      const record = ctx.codeSet.procedure(mention.code);
      if (!record) {
        findings.push({
          ruleId: NOTE_UNKNOWN_CODE,
          span: mention.span,
          message: `${mention.code} is not a HCPCS Level II code in the ${ctx.codeSet.hcpcsRelease} release (read as HCPCS: ${mention.reason}) — a claim line with it is rejected; check the code in the note.`,
        });
      } else if (record.terminated && record.terminated < ctx.today) {
        const use = record.crossReference.length ? ` Use ${record.crossReference.join(' or ')} instead.` : '';
        findings.push({
          ruleId: NOTE_UNKNOWN_CODE,
          span: mention.span,
          message: `${mention.code} was terminated on ${record.terminated} — a claim for a later date of service is rejected.${use}`,
          tags: ['deprecated'],
        });
      }
    }
    return findings;
  },
};
