import type { Finding, NoteContext, Rule } from '../types';
import { findEvidence, findLowLabs } from './evidence';

export const CONTRAINDICATION = 'notes/contraindication';

/**
 * A note mentions a code whose guide lists contraindications, and the note shows a signal of one (words such
 * as "pancytopenia", or a lab value below the guide's threshold, e.g. platelets 45,000 next to a marrow-toxic
 * radiopharmaceutical). Reported at the signal, with the mention as related information; once per code and
 * contraindication.
 */
export const contraindication: Rule = {
  id: CONTRAINDICATION,
  defaultSeverity: 'warning',
  description:
    'A clinical note mentions a code whose billing guide lists a contraindication (e.g. low platelet counts with a marrow-toxic radiopharmaceutical), and the note shows a signal of it.',
  checkNote(ctx: NoteContext): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const mention of ctx.note.mentions) {
      if (mention.system !== 'hcpcs' || seen.has(mention.code)) continue;
      seen.add(mention.code);
      const guide = ctx.guides.get(mention.code);
      for (const ci of guide?.contraindications ?? []) {
        const advice = ci.advice ? `; ${ci.advice}` : '';
        const toxic = guide?.marrowToxic && /marrow/i.test(ci.id + ci.label) ? ' (a marrow-toxic agent)' : '';
        const related = [{ span: mention.span, message: `${mention.code} mentioned here` }];
        const lab = (ci.labs ?? []).flatMap((l) => findLowLabs(ctx.text, l).map((hit) => ({ hit, l })))[0];
        if (lab) {
          findings.push({
            ruleId: CONTRAINDICATION,
            span: lab.hit.span,
            message: `${mention.code}${toxic}: "${lab.hit.written.trim()}" is below ${lab.l.below} ${lab.l.unit} — a signal of ${ci.label}, and payers review the record before paying${advice}.`,
            related,
          });
          continue;
        }
        const words = findEvidence(ctx.text, ci.patterns);
        if (words) {
          const written = ctx.text.slice(words.offset, words.offset + words.length);
          findings.push({
            ruleId: CONTRAINDICATION,
            span: words,
            message: `${mention.code}${toxic}: the note records "${written}" — a signal of ${ci.label}, and payers review the record before paying${advice}.`,
            related,
          });
        }
      }
    }
    return findings;
  },
};
