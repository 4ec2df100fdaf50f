/**
 * Completion of the segment ids the implementation guide allows where a new segment starts (at the beginning of a
 * line or right after a segment terminator, possibly with part of the id or of its qualifier typed: "DT", "NM1*8").
 * The loop state comes from walking only the claim (or the header) before the cursor (conformance/check.ts
 * framesAfter); which segments may follow is conformance/nextSegments.ts. A segment a loop is entered by, or one
 * told from its namesakes by a qualifier, is offered with it ("NM1*82", "DTP*472") and the element separator.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { framesAfter } from '../conformance/check';
import { guideName } from '../conformance/elements';
import { loopLabel } from '../conformance/guides';
import { nextSegments, type NextSegment } from '../conformance/nextSegments';
import type { FeatureContext } from './context';

/** A qualifier with more codes than this is offered as the bare segment id (one item per code would flood the list). */
const MAX_QUALIFIED = 12;

const USAGE: Record<string, string> = { R: 'Required', S: 'Situational', N: 'Not Used' };

/** The typed start of a segment before `offset` and where it begins, or null when the cursor is not at a segment start. */
function segmentStart(text: string, offset: number, element: string, terminator: string): { start: number; typed: string; end: number } | null {
  let p = offset;
  while (p > 0) {
    const c = text[p - 1];
    if (c === terminator || c === '\n' || c === '\r') break;
    p--;
  }
  let start = p;
  while (start < offset && (text[start] === ' ' || text[start] === '\t')) start++;
  const typed = text.slice(start, offset);
  const sep = element.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!new RegExp(`^[A-Za-z0-9]{0,3}(?:${sep}[A-Za-z0-9]{0,3})?$`).test(typed)) return null;
  // the rest of the line must not hold a segment's elements (the cursor is not in front of an existing segment)
  let end = offset;
  while (end < text.length && /[A-Za-z0-9]/.test(text[end])) end++;
  const next = text[end];
  if (end < text.length && next !== terminator && next !== '\n' && next !== '\r') return null;
  return { start, typed, end };
}

function labelsOf(n: NextSegment, element: string): string[] {
  const q = n.node.qualifier;
  // only a qualifier in the first element can be typed right after the id
  if (!q || q.seq !== 1 || q.comp > 1 || q.codes.size > MAX_QUALIFIED) return [n.node.id];
  return [...q.codes].map((code) => `${n.node.id}${element}${code}`);
}

export function segmentCompletion(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): CompletionList | undefined {
  const doc = analysis.x12;
  const file = analysis.claimFile;
  const guides = ctx.codeSet.implementationGuides;
  const d = doc?.delimiters;
  if (!doc || !file || !guides || !d) return undefined;
  const at = segmentStart(analysis.text, offset, d.element, d.segment);
  if (!at) return undefined;
  // the segment before the typed one: the last one that starts before it
  const starts = doc.segments.starts;
  let lo = 0;
  let hi = doc.segments.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < at.start) lo = mid + 1;
    else hi = mid;
  }
  const before = lo - 1;
  if (before < 0) return undefined;
  const state = framesAfter(guides, doc, file, before);
  if (!state) return undefined;
  const typed = at.typed.toUpperCase();
  const range = analysis.lines.rangeOf(at.start, at.end - at.start);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const n of nextSegments(state.frames)) {
    for (const label of labelsOf(n, d.element)) {
      order++;
      // one item per label and loop: an HL opens 2000B or 2000C by its level code (HL03), not by what is typed first
      const key = `${label}|${n.loop.id}`;
      if (seen.has(key) || !label.startsWith(typed)) continue;
      seen.add(key);
      const loop = n.loop.type ? n.loop.name : n.loop.id;
      const q = n.node.qualifier;
      const level = q && q.seq > 1 && q.codes.size === 1 ? `, ${n.node.id}${String(q.seq).padStart(2, '0')} ${[...q.codes][0]}` : '';
      const usage = USAGE[n.usage] ?? n.usage;
      const where = n.opens ? `opens ${loopLabel(n.loop)}` : `in ${loopLabel(n.loop)}`;
      items.push({
        label,
        kind: CompletionItemKind.Struct,
        labelDetails: { description: `${n.node.name} (${loop}${level})` },
        detail: `${n.node.name}: ${where}, ${usage}${n.missingRequired ? ', not yet present' : ''}`,
        documentation: {
          kind: MarkupKind.Markdown,
          value: `**${n.node.id} ${n.node.name}**, ${where} (${guideName(state.guide)}): ${usage.toLowerCase()}${n.node.max > 0 ? `, at most ${n.node.max} per loop` : ''}.${n.missingRequired ? ' Required here and not given yet.' : ''}`,
        },
        // missing required segments of the current loop first, then guide order
        sortText: `${n.missingRequired ? '0' : '1'}${String(order).padStart(5, '0')}`,
        filterText: label,
        // a qualifier that is a composite's first component goes on with the component separator
        textEdit: { range, newText: `${label}${label.length > n.node.id.length && n.node.qualifier?.comp === 1 ? d.component : d.element}` },
      });
    }
  }
  return items.length > 0 ? { isIncomplete: false, items } : undefined;
}
