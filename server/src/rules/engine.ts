import type { Settings, SeveritySetting } from '../core/settings';
import type { ClaimFileContext, Finding, NoteContext, Rule, Severity } from './types';

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

export function runClaimRules(rules: readonly Rule[], ctx: ClaimFileContext, claims = ctx.claimFile.claims): RatedFinding[] {
  const out: RatedFinding[] = [];
  const active = rules.flatMap((rule) => {
    if (!rule.checkClaim) return [];
    const severity = effectiveSeverity(rule, ctx.settings);
    return severity ? [{ check: rule.checkClaim.bind(rule), severity, userSet: rule.id in ctx.settings.rules }] : [];
  });
  for (const claim of claims) {
    for (const { check, severity, userSet } of active) out.push(...rate(check(claim, ctx), severity, userSet));
  }
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

/** Today's date as YYYY-MM-DD in local time (the fallback date of service). */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
