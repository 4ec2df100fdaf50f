/** Helpers for claim-file rule tests: run one rule on X12 text, read the flagged text, apply a fix. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureCodeSet } from '../../../fixtures/codeset';
import { bundledGuides } from '../../../../server/src/guides/loader';
import { defaultSettings } from '../../../../server/src/core/settings';
import { parseX12 } from '../../../../server/src/parse/x12';
import { buildClaimModel } from '../../../../server/src/model/claim';
import type { ClaimFileContext, Finding, Fix, Rule } from '../../../../server/src/rules/types';
import { checkedClaim } from '../../../../server/src/rules/checkedClaim';
import { ruleFindings } from '../../../../server/src/rules/engine';

export const codeSet = fixtureCodeSet();
const guides = bundledGuides();

export function claimFixture(name: string): string {
  return readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'claims', name), 'utf8');
}

export function context(text: string): ClaimFileContext {
  const x12 = parseX12(text);
  return { text, x12, claimFile: buildClaimModel(x12), codeSet, guides, settings: defaultSettings, today: '2026-02-10' };
}

/** All findings of one rule (file-level and per claim). */
export function run(rule: Rule, text: string): Finding[] {
  const ctx = context(text);
  const out: Finding[] = [];
  if (rule.checkFile) out.push(...rule.checkFile(ctx));
  if (rule.checkClaim) for (const claim of ctx.claimFile.claims) out.push(...ruleFindings(rule, checkedClaim(claim, ctx), ctx));
  for (const f of out) if (f.ruleId !== rule.id) throw new Error(`finding with rule id ${f.ruleId} from ${rule.id}`);
  return out;
}

export function at(text: string, f: { span: { offset: number; length: number } }): string {
  return text.slice(f.span.offset, f.span.offset + f.span.length);
}

/** The text after a fix's edits (applied from the end so offsets stay valid). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.span.offset - a.span.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.offset) + e.newText + out.slice(e.span.offset + e.span.length);
  return out;
}

/** Replace the first occurrence of `from` (which must occur) with `to`. */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
