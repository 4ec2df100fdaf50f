/**
 * Formatting claim files: one segment per line (the usual way to read them), or back to a single line (the way
 * many clearinghouses want them sent). The file's own delimiters are kept; only whitespace between segments
 * changes, so no data can move.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';

export interface FormatOptions {
  /** true: all segments on one line. */
  singleLine?: boolean;
}

export function formatClaimFile(analysis: DocumentAnalysis, options: FormatOptions = {}): TextEdit[] {
  const doc = analysis.x12;
  if (analysis.kind !== 'claim' || !doc || !doc.delimiters) return [];
  // A file whose terminator is itself a line break is already one segment per line.
  if (doc.delimiters.segment === '\n' || doc.delimiters.segment === '\r') return [];
  const table = doc.segments;
  const text = analysis.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const parts: string[] = [];
  for (let i = 0; i < table.count; i++) {
    const start = table.starts[i];
    const terminator = table.terminatorOffset(i);
    parts.push(terminator >= 0 ? text.slice(start, table.contentEnd(i)) + doc.delimiters.segment : text.slice(start, table.contentEnd(i)));
  }
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const firstSegment = table.count > 0 ? table.starts[0] : text.length;
  const leading = text.slice(bom.length, firstSegment).trim() === '' ? '' : text.slice(bom.length, firstSegment);
  const formatted = bom + leading + parts.join(options.singleLine ? '' : eol) + (options.singleLine ? '' : eol);
  if (formatted === text) return [];
  return [{ range: analysis.lines.rangeOf(0, text.length), newText: formatted }];
}
