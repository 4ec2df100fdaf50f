import { isLevelOneModifier } from '../../codeset/levelOneModifiers';
import { ambulancePair, isAmbulanceCode } from '../../codeset/ambulance';
import type { CheckedClaim, CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';

export const UNKNOWN_MODIFIER = 'hcpcs/unknown-modifier';

/** A modifier that is neither a Level II modifier of the CMS release nor a known Level I (CPT) modifier. */
export const unknownModifier: Rule = {
  id: UNKNOWN_MODIFIER,
  defaultSeverity: 'error',
  description: 'A service line carries a modifier that is neither a HCPCS Level II modifier nor a known CPT (Level I) modifier.',
  checkClaim: eachLine(({ line, modifierCodes, code }: CheckedLine, claim: CheckedClaim, ctx: ClaimFileContext, findings: Finding[]): void => {
    const ambulance = !!code && isAmbulanceCode(code.code);
    for (let k = 0; k < line.modifiers.length; k++) {
      const m = line.modifiers[k];
      // ambulance lines: origin and destination letters (RH, SH, ...) that CMS publishes but does not list one by one
      const pair = ambulance ? ambulancePair(modifierCodes[k]) : undefined;
      if (pair?.ok) continue;
      if (pair && !pair.ok) {
        findings.push({
          ruleId: UNKNOWN_MODIFIER,
          span: spanOf(m),
          message: `${m.value} is not a valid ambulance origin and destination pair. ${pair.problem[0].toUpperCase()}${pair.problem.slice(1)}; the payer rejects the line. Put the origin letter first and the destination second.`,
        });
        continue;
      }
      if (claim.codeFacts.modifier(m.value)) continue;
      const value = modifierCodes[k];
      if (isLevelOneModifier(value)) continue;
      findings.push({
        ruleId: UNKNOWN_MODIFIER,
        span: spanOf(m),
        message:
          `${m.value} is not a HCPCS Level II modifier in the ${ctx.codeSet.hcpcsRelease} release nor a known CPT modifier: ` +
          `the payer rejects the line for an invalid modifier. Check the modifier against the record and correct or remove it.`,
      });
    }
  }),
};
