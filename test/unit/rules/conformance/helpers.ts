/** Helpers for the implementation-guide rule tests: the fixture code set with the committed guide tables of data/x12. */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { fixtureCodeSet } from '../../../fixtures/codeset';
import { bundledGuides } from '../../../../server/src/guides/loader';
import { defaultSettings } from '../../../../server/src/core/settings';
import { parseX12 } from '../../../../server/src/parse/x12';
import { buildClaimModel } from '../../../../server/src/model/claim';
import { loadImplementationGuides } from '../../../../server/src/node/loadGuides';
import type { ClaimFileContext, Finding, Rule } from '../../../../server/src/rules/types';
import { checkedClaim } from '../../../../server/src/rules/checkedClaim';
import { ruleFindings } from '../../../../server/src/rules/engine';

export { applyFix, at, edit } from '../envelope/helpers';

const loaded = loadImplementationGuides(path.resolve(__dirname, '..', '..', '..', '..', 'data'));
if (!loaded.guides) throw new Error(loaded.errors.join('\n'));
export const implementationGuides = loaded.guides;
export const codeSet = fixtureCodeSet({ implementationGuides });
const guides = bundledGuides();

/** The hand-written guide-conformant fixtures: an 837P (one segment per line, * and :) and an 837I (one line, ^ and >). */
export const P = readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'conformance', '837p-clean.837'), 'utf8');
export const I = readFileSync(path.join(__dirname, '..', '..', '..', 'fixtures', 'conformance', '837i-clean.837'), 'utf8');

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

/** Remove the first occurrence of a whole line (with its newline). */
export function dropLine(text: string, line: string): string {
  const i = text.indexOf(`${line}\n`);
  if (i < 0) throw new Error(`fixture has no line ${JSON.stringify(line)}`);
  return text.slice(0, i) + text.slice(i + line.length + 1);
}
