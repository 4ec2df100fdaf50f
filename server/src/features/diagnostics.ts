import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver-types';
import type { LineIndex } from '../core/text';
import type { RatedFinding } from '../rules/engine';
import type { Fix, Severity } from '../rules/types';

/** Diagnostic source shown in the Problems panel. */
export const DIAGNOSTIC_SOURCE = 'hcpcs';

/** What a diagnostic carries so a quick fix never re-runs the analysis. */
export interface DiagnosticData {
  fixes: { title: string; preferred?: boolean; edits: LspTextEdit[] }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function fixToLsp(lines: LineIndex, fix: Fix): DiagnosticData['fixes'][number] {
  const edits: LspTextEdit[] = new Array(fix.edits.length);
  for (let k = 0; k < edits.length; k++) {
    const e = fix.edits[k];
    edits[k] = { range: lines.rangeOf(e.span.offset, e.span.length), newText: e.newText };
  }
  return { title: fix.title, preferred: fix.preferred, edits };
}

/** A finding as an LSP diagnostic; runs once per finding, so plain loops (positions from the line index). */
export function toDiagnostic(lines: LineIndex, finding: RatedFinding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.span.offset, finding.span.length),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const tags = finding.tags;
  if (tags && tags.length) {
    const out: DiagnosticTag[] = new Array(tags.length);
    for (let k = 0; k < tags.length; k++) out[k] = tags[k] === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary;
    diagnostic.tags = out;
  }
  const related = finding.related;
  if (related && related.length) {
    const out: NonNullable<Diagnostic['relatedInformation']> = new Array(related.length);
    for (let k = 0; k < related.length; k++) {
      const r = related[k];
      out[k] = { location: { uri, range: lines.rangeOf(r.span.offset, r.span.length) }, message: r.message };
    }
    diagnostic.relatedInformation = out;
  }
  const fixes = finding.fixes;
  if (fixes && fixes.length) {
    const out: DiagnosticData['fixes'] = new Array(fixes.length);
    for (let k = 0; k < fixes.length; k++) out[k] = fixToLsp(lines, fixes[k]);
    const data: DiagnosticData = { fixes: out };
    diagnostic.data = data;
  }
  return diagnostic;
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  return !!value && typeof value === 'object' && Array.isArray((value as DiagnosticData).fixes);
}

/** Quick fixes for the diagnostics the client sends back: read from `diagnostic.data`, nothing recomputed. */
export function codeActionsFor(uri: string, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  if (only && only.length > 0 && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) {
    return [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isDiagnosticData(diagnostic.data)) continue;
    for (const fix of diagnostic.data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
  }
  return actions;
}
