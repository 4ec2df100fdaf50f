/** Folding in claim files: by transaction, by claim, by HL loop and by service line. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import type { Span } from '../core/span';

export function foldingRanges(analysis: DocumentAnalysis): FoldingRange[] {
  const model = analysis.claimFile;
  if (analysis.kind !== 'claim' || !model) return [];
  const out: FoldingRange[] = [];
  const add = (span: Span, kind?: string) => {
    const start = analysis.lines.positionAt(span.offset).line;
    const end = analysis.lines.positionAt(span.offset + Math.max(0, span.length - 1)).line;
    if (end > start) out.push({ startLine: start, endLine: end, kind: kind ?? FoldingRangeKind.Region });
  };
  for (const interchange of model.interchanges) {
    for (const group of interchange.groups) {
      for (const tx of group.transactions) {
        add(tx.span);
        const levels = tx.hierarchy;
        for (let k = 0; k < levels.length; k++) {
          const level = levels.get(k);
          // An HL loop runs to the next HL segment (or the end of the transaction). Levels are in document order;
          // looking the next one up by search made folding quadratic on large files.
          const next = k + 1 < levels.length ? levels.get(k + 1) : undefined;
          const endOffset = next ? next.span.offset - 1 : tx.seSpan ? tx.seSpan.offset - 1 : tx.span.offset + tx.span.length;
          add({ offset: level.span.offset, length: Math.max(0, endOffset - level.span.offset) });
        }
        for (const claim of tx.claims) {
          add(claim.span);
          for (const line of claim.serviceLines) add(line.span);
        }
      }
    }
  }
  return out;
}
