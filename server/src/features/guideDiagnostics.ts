import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { LineIndex } from '../core/text';
import type { GuideDiagnostic } from '../guides/loader';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Problems in a workspace guide file (`.hcpcs/guides/*.json`), placed at the bad field. */
export function guideFileDiagnostics(text: string, problems: readonly GuideDiagnostic[]): Diagnostic[] {
  const lines = new LineIndex(text);
  return problems.map((p) => ({
    range: p.span ? lines.rangeOf(p.span.offset, p.span.length) : lines.rangeOf(0, 0),
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: 'guides/schema',
    source: DIAGNOSTIC_SOURCE,
    message: p.pathText ? `${p.pathText}: ${p.message}` : p.message,
  }));
}
