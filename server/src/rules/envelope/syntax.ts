import type { ClaimFileContext, Finding, Rule } from '../types';

export const SYNTAX = 'x12/syntax';

/**
 * What the X12 parser could not read (no ISA, a short ISA, bad delimiters, an empty segment id ...): a
 * clearinghouse rejects the whole file at the door, before any claim in it is looked at.
 */
export const syntax: Rule = {
  id: SYNTAX,
  defaultSeverity: 'error',
  description: 'The file breaks X12 syntax (envelope, delimiters, segment ids); clearinghouses reject such files whole.',
  checkFile(ctx: ClaimFileContext): Finding[] {
    const findings: Finding[] = ctx.x12.errors.map((e) => ({
      ruleId: SYNTAX,
      span: { offset: e.offset, length: e.length },
      message: e.message,
      severity: e.severity,
    }));
    for (const issue of ctx.claimFile.issues) {
      findings.push({ ruleId: SYNTAX, span: { offset: issue.offset, length: issue.length }, message: issue.message, severity: 'warning' });
    }
    return findings;
  },
};
