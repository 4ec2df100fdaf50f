import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import type { CodeSet } from '../codeset/types';
import type { Settings } from '../core/settings';
import type { GuideIndex } from '../guides/types';
import { runClaimRules, runFileRules, runNoteRules, todayIso, type RatedFinding } from '../rules/engine';
import type { Rule } from '../rules/types';
import { toDiagnostic } from './diagnostics';

export interface ValidateContext {
  codeSet: CodeSet;
  guides: GuideIndex;
  settings: Settings;
  rules: readonly Rule[];
  /** Documentation rules run only in files the `notes.include` globs name. */
  isNote: boolean;
  today?: string;
}

/** Runs the rules that apply to the document and turns their findings into LSP diagnostics. */
export function validate(analysis: DocumentAnalysis, ctx: ValidateContext): Diagnostic[] {
  const env = {
    codeSet: ctx.codeSet,
    guides: ctx.guides,
    settings: ctx.settings,
    today: ctx.settings.dateOfService || ctx.today || todayIso(),
  };
  let findings: RatedFinding[];
  if (analysis.kind === 'claim' && analysis.x12 && analysis.claimFile) {
    const fileCtx = { ...env, text: analysis.text, x12: analysis.x12, claimFile: analysis.claimFile };
    findings = [...runFileRules(ctx.rules, fileCtx), ...runClaimRules(ctx.rules, fileCtx)];
  } else if (ctx.isNote) {
    findings = runNoteRules(ctx.rules, { ...env, text: analysis.text, note: analysis.note });
  } else {
    return [];
  }
  findings.sort((a, b) => a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId));
  return findings.map((f) => toDiagnostic(analysis.lines, f, analysis.uri));
}
