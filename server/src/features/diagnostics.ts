import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type Range,
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

function rangeOf(lines: LineIndex, offset: number, length: number): Range {
  return lines.rangeOf(offset, length);
}

function fixToLsp(lines: LineIndex, fix: Fix): DiagnosticData['fixes'][number] {
  return {
    title: fix.title,
    preferred: fix.preferred,
    edits: fix.edits.map((e) => ({ range: rangeOf(lines, e.span.offset, e.span.length), newText: e.newText })),
  };
}

export function toDiagnostic(lines: LineIndex, finding: RatedFinding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: rangeOf(lines, finding.span.offset, finding.span.length),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri, range: rangeOf(lines, r.span.offset, r.span.length) },
      message: r.message,
    }));
  }
  if (finding.fixes?.length) {
    const data: DiagnosticData = { fixes: finding.fixes.map((f) => fixToLsp(lines, f)) };
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
