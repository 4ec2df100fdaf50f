import type { Settings, SeveritySetting } from '../core/settings';
import type { Claim } from '../model/claim';
import { checkedClaim } from './checkedClaim';
import type { CheckedClaim, ClaimFileContext, Finding, NoteContext, Rule, Severity } from './types';

/** A finding with the severity the user's settings give it. */
export interface RatedFinding extends Finding {
  severity: Severity;
}

/** The severity a rule runs at under the settings, or undefined when the user switched it off. */
export function effectiveSeverity(rule: Rule, settings: Settings): Severity | undefined {
  const configured: SeveritySetting | undefined = settings.rules[rule.id];
  if (configured === undefined) return rule.defaultSeverity;
  if (configured === 'off') return undefined;
  return configured;
}

function rate(findings: Finding[], severity: Severity, userSet: boolean): RatedFinding[] {
  return findings.map((f) => ({ ...f, severity: userSet ? severity : (f.severity ?? severity) }));
}

/**
 * Runs the claim-file rules. Claim rules run once per claim, so a caller holding findings per claim can
 * re-check only the claims an edit touched (see `runClaimRules`).
 */
export function runFileRules(rules: readonly Rule[], ctx: ClaimFileContext): RatedFinding[] {
  const out: RatedFinding[] = [];
  for (const rule of rules) {
    if (!rule.checkFile) continue;
    const severity = effectiveSeverity(rule, ctx.settings);
    if (!severity) continue;
    out.push(...rate(rule.checkFile(ctx), severity, rule.id in ctx.settings.rules));
  }
  return out;
}

/** One rule's findings on one claim, not rated. */
export function ruleFindings(rule: Rule, checked: CheckedClaim, ctx: ClaimFileContext): Finding[] {
  return rule.checkClaim ? rule.checkClaim(checked, ctx) : [];
}

/**
 * The claim rules active under the settings, as one function of a claim (set up once, run per claim). The
 * claim's facts (checkedClaim.ts) are built once per claim and handed to every rule; each rule's findings keep the
 * rule order, then line order.
 */
export function claimRuleRunner(rules: readonly Rule[], settings: Settings): (claim: Claim, ctx: ClaimFileContext) => RatedFinding[] {
  const active: { rule: Rule; severity: Severity; userSet: boolean }[] = [];
  for (const rule of rules) {
    if (!rule.checkClaim) continue;
    const severity = effectiveSeverity(rule, settings);
    if (severity) active.push({ rule, severity, userSet: rule.id in settings.rules });
  }
  return (claim, ctx) => {
    const out: RatedFinding[] = [];
    const checked = checkedClaim(claim, ctx);
    for (let r = 0; r < active.length; r++) {
      const { rule, severity, userSet } = active[r];
      const found = ruleFindings(rule, checked, ctx);
      for (let k = 0; k < found.length; k++) {
        const f = found[k];
        out.push({ ...f, severity: userSet ? severity : (f.severity ?? severity) });
      }
    }
    return out;
  };
}

export function runClaimRules(rules: readonly Rule[], ctx: ClaimFileContext, claims: Iterable<Claim> = ctx.claimFile.claims): RatedFinding[] {
  const run = claimRuleRunner(rules, ctx.settings);
  const out: RatedFinding[] = [];
  for (const claim of claims) for (const f of run(claim, ctx)) out.push(f);
  return out;
}

export function runNoteRules(rules: readonly Rule[], ctx: NoteContext): RatedFinding[] {
  const out: RatedFinding[] = [];
  for (const rule of rules) {
    if (!rule.checkNote) continue;
    const severity = effectiveSeverity(rule, ctx.settings);
    if (!severity) continue;
    out.push(...rate(rule.checkNote(ctx), severity, rule.id in ctx.settings.rules));
  }
  return out;
}

export { todayIso } from '../model/dateOfService';
