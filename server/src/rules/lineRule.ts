/**
 * A line rule is a small function of one checked line (its code facts, date of service, modifiers, guide) and its
 * claim; `eachLine` makes it the rule's claim check, run on every line in order. The one copy of the line loop.
 */
import type { CheckedClaim, CheckedLine, ClaimFileContext, Finding } from './types';

export type LineCheck = (line: CheckedLine, claim: CheckedClaim, ctx: ClaimFileContext, out: Finding[]) => void;

/** The claim check that runs `check` on every line of the claim, in line order, collecting what it pushes. */
export function eachLine(check: LineCheck): (claim: CheckedClaim, ctx: ClaimFileContext) => Finding[] {
  return (claim, ctx) => {
    const out: Finding[] = [];
    const lines = claim.lines;
    for (let i = 0; i < lines.length; i++) check(lines[i], claim, ctx, out);
    return out;
  };
}
