import type { Finding, NoteContext, Rule } from '../types';
import type { Guide } from '../../guides/types';
import type { Span } from '../../core/span';
import { findDiagnosis, findEvidence } from './evidence';

export const MISSING_DOCUMENTATION = 'notes/missing-documentation';

/**
 * For each code (and modifier) a note mentions whose guide lists documentation requirements: one finding per
 * requirement the note does not show, at the first mention of that code.
 */
export const missingDocumentation: Rule = {
  id: MISSING_DOCUMENTATION,
  defaultSeverity: 'warning',
  description:
    'A clinical note mentions a code whose billing guide lists documentation the payer asks for (dose, lot number, prior therapy, ...), and the note does not show it.',
  checkNote(ctx: NoteContext): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const check = (code: string, span: Span, guide: Guide | undefined) => {
      if (seen.has(code)) return;
      seen.add(code);
      for (const req of guide?.documentation ?? []) {
        if (findEvidence(ctx.text, req.patterns) || findDiagnosis(ctx.note, req.diagnoses)) continue;
        findings.push({
          ruleId: MISSING_DOCUMENTATION,
          span,
          message: `${code}: ${req.missing} — ${req.why}; ${req.add}.`,
        });
      }
    };
    for (const mention of ctx.note.mentions) {
      if (mention.system !== 'hcpcs') continue;
      check(mention.code, mention.span, ctx.guides.get(mention.code));
      for (const modifier of mention.modifiers) check(modifier.code, modifier.span, ctx.guides.get(modifier.code));
    }
    return findings;
  },
};
