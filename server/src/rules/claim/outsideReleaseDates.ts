import type { Span } from '../../core/span';
import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { spanOf } from './lineEdits';
import { HOW_TO_IMPORT, HOW_TO_IMPORT_ICD10, hcpcsStanding, icd10Standing } from './releaseDates';

export const OUTSIDE_RELEASE_DATES = 'hcpcs/outside-release-dates';

/**
 * One notice per claim dated where the bundled data stops: after the quarter the HCPCS release is for (codes added
 * or changed since are unknown), before its horizon (codes deleted long ago have dropped out), or outside the
 * ICD-10-CM fiscal years held. Each code's own finding (hcpcs/unknown-code, icd10/unknown-diagnosis) is milder there.
 */
export const outsideReleaseDates: Rule = {
  id: OUTSIDE_RELEASE_DATES,
  defaultSeverity: 'info',
  description: 'The claim is dated outside the dates the bundled HCPCS release or ICD-10-CM years cover (one notice per claim).',
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const cs = ctx.codeSet;
    // the claim's dates: its own and every line's (a line without one is on the claim's, else the fallback)
    const dates: { date: string; span: Span | null }[] = [];
    if (claim.serviceDate?.from) dates.push({ date: claim.serviceDate.from, span: claim.serviceDate.value });
    for (const line of claim.serviceLines) {
      const d = line.dateOfService;
      if (d?.from && d.source === 'line') dates.push({ date: d.from, span: d.value });
    }
    if (dates.length === 0) dates.push({ date: ctx.today, span: null });
    const said: string[] = [];
    let at: Span | null | undefined;
    const hcpcsAfter = dates.find((d) => hcpcsStanding(cs, d.date) === 'after');
    const hcpcsBefore = dates.find((d) => hcpcsStanding(cs, d.date) === 'before');
    if (hcpcsAfter) {
      at ??= hcpcsAfter.span;
      said.push(
        `it is dated ${hcpcsAfter.date}, after the quarter the HCPCS release ${cs.hcpcsRelease} is for (${cs.hcpcsCoverage!.from} to ${cs.hcpcsCoverage!.to}): ` +
          `codes added, changed or terminated since are not known here. ${HOW_TO_IMPORT}`,
      );
    } else if (hcpcsBefore) {
      at ??= hcpcsBefore.span;
      said.push(
        `it is dated ${hcpcsBefore.date}, before ${cs.hcpcsHorizon}, the oldest termination the HCPCS release ${cs.hcpcsRelease} still lists: ` +
          `a code deleted before then is not in it, so an unknown code on this claim cannot be judged`,
      );
    }
    if (claim.diagnoses.some((d) => d.codeSystem === 'ICD-10-CM')) {
      const years = cs.icd10Years();
      const after = dates.find((d) => icd10Standing(cs, d.date) === 'after');
      const before = dates.find((d) => icd10Standing(cs, d.date) === 'before');
      const held = years.map((y) => `${y.release} (${y.from} to ${y.to})`).join(', ');
      if (after) {
        at ??= after.span;
        said.push(`its diagnoses are for ${after.date}, after the newest ICD-10-CM year held (${held}): codes new since are not known. ${HOW_TO_IMPORT_ICD10}`);
      } else if (before) {
        at ??= before.span;
        said.push(`its diagnoses are for ${before.date}, before the oldest ICD-10-CM year held (${held}): they are checked against ${years[0].release}`);
      }
    }
    if (said.length === 0) return [];
    return [
      {
        ruleId: OUTSIDE_RELEASE_DATES,
        span: at ? spanOf(at) : spanOf(claim.clmSpan),
        message: `This claim is outside the dates the bundled code sets cover: ${said.join('; and ')}.`,
      },
    ];
  },
};
