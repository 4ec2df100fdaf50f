/**
 * The claim outline: interchange > group > transaction > claim (patient control number, total charge) >
 * service line (code, modifiers, units). Notes list their code mentions.
 */
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import type { Span } from '../core/span';
import type { Claim, ServiceLine } from '../model/claim';
import { formatIcd10 } from '../codeset/codeset';

function symbol(analysis: DocumentAnalysis, name: string, detail: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol {
  const range: Range = analysis.lines.rangeOf(span.offset, span.length);
  let selectionRange: Range = analysis.lines.rangeOf(selection.offset, selection.length);
  // The selection must lie inside the range (LSP requires it).
  if (selection.offset < span.offset || selection.offset + selection.length > span.offset + span.length) selectionRange = range;
  return { name, detail, kind, range, selectionRange, children };
}

function money(value: number | null | undefined): string {
  return value === null || value === undefined ? '?' : `$${value.toFixed(2)}`;
}

function lineSymbol(analysis: DocumentAnalysis, line: ServiceLine, ordinal: number): DocumentSymbol {
  const code = line.procedureCode?.value ?? '(no code)';
  const modifiers = line.modifiers.map((m) => m.value);
  const name = `${line.lineNumber?.text ?? ordinal} ${[code, ...modifiers].join('-')}`;
  const units = line.units?.text ?? '?';
  const detail = `${units} ${line.unitBasis?.value ?? 'units'} · ${money(line.charge?.value)}${line.revenueCode ? ` · rev ${line.revenueCode.value}` : ''}`;
  return symbol(analysis, name, detail, SymbolKind.Method, line.span, line.procedureCode ?? line.serviceSpan);
}

function claimSymbol(analysis: DocumentAnalysis, claim: Claim): DocumentSymbol {
  const pcn = claim.patientControlNumber?.value ?? '(no patient control number)';
  const diagnoses = claim.diagnoses.map((d) => formatIcd10(d.code.value)).join(', ');
  const detail = `${money(claim.totalCharge?.value)} · ${claim.serviceLines.length} line${claim.serviceLines.length === 1 ? '' : 's'}${diagnoses ? ` · ${diagnoses}` : ''}`;
  const children = claim.serviceLines.map((l, i) => lineSymbol(analysis, l, i + 1));
  return symbol(analysis, `Claim ${pcn}`, detail, SymbolKind.Class, claim.span, claim.patientControlNumber ?? claim.clmSpan, children);
}

export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  if (analysis.kind !== 'claim') {
    return analysis.note.mentions.map((m) =>
      symbol(analysis, m.code, m.system === 'icd10' ? `ICD-10-CM ${formatIcd10(m.code)}` : m.system.toUpperCase(), SymbolKind.Constant, m.span, m.span),
    );
  }
  const model = analysis.claimFile;
  if (!model) return [];
  return model.interchanges.map((interchange) =>
    symbol(
      analysis,
      `Interchange ${interchange.controlNumber?.value ?? ''}`.trim(),
      `${interchange.senderId?.value?.trim() ?? ''} → ${interchange.receiverId?.value?.trim() ?? ''}`,
      SymbolKind.Package,
      interchange.span,
      interchange.isaSpan,
      interchange.groups.map((group) =>
        symbol(
          analysis,
          `Group ${group.controlNumber?.value ?? ''}`.trim(),
          group.version?.value ?? '',
          SymbolKind.Namespace,
          group.span,
          group.gsSpan ?? group.span,
          group.transactions.map((tx) =>
            symbol(
              analysis,
              `${tx.kind === 'unknown' ? 'Transaction' : tx.kind} ${tx.controlNumber?.value ?? ''}`.trim(),
              `${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'}`,
              SymbolKind.Module,
              tx.span,
              tx.stSpan,
              tx.claims.map((c) => claimSymbol(analysis, c)),
            ),
          ),
        ),
      ),
    ),
  );
}
