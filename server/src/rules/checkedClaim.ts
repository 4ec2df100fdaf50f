/**
 * The per-claim facts the engine builds once and hands to every claim and line rule: each line's code facts, date of
 * service, modifiers in upper case and billing guide, and the claim's payer. Rules read these instead of looking
 * codes up again or remembering "the last claim" in module state.
 */
import { codeSetFacts, upper } from '../codeset/codeFacts';
import type { Claim } from '../model/claim';
import { dateOfService } from '../model/dateOfService';
import { payerOf } from './claim/payer';
import type { CheckedClaim, CheckedLine, ClaimFileContext } from './types';

const NO_MODIFIERS: readonly string[] = Object.freeze([]);

/** The checked form of a claim under a validation context. */
export function checkedClaim(claim: Claim, ctx: ClaimFileContext): CheckedClaim {
  const codeFacts = codeSetFacts(ctx.codeSet);
  const serviceLines = claim.serviceLines;
  const lines: CheckedLine[] = new Array(serviceLines.length);
  for (let i = 0; i < serviceLines.length; i++) {
    const line = serviceLines[i];
    const code = line.procedureCode ? codeFacts.procedure(line.procedureCode.value) : null;
    const mods = line.modifiers;
    let modifierCodes = NO_MODIFIERS;
    if (mods.length > 0) {
      const m: string[] = new Array(mods.length);
      for (let k = 0; k < mods.length; k++) m[k] = upper(mods[k].value);
      modifierCodes = m;
    }
    lines[i] = {
      line,
      index: i,
      code,
      dateOfService: dateOfService(line, claim, ctx.today),
      modifierCodes,
      guide: code !== null ? code.guideIn(ctx.guides) : undefined,
    };
  }
  return { claim, payer: payerOf(claim, ctx), lines, codeFacts };
}
