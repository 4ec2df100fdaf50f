/** Helpers for envelope rules: find an element of a trailer segment, and the edit that sets it. */
import type { Span, TextEdit } from '../../core/span';
import type { X12Document } from '../../parse/x12';

/** Where element `index` (1-based) of segment `segmentIndex` sits; `present` false when the segment stops before it. */
export function elementPlace(doc: X12Document, segmentIndex: number, index: number): { span: Span; present: boolean; value: string } | null {
  if (segmentIndex < 0 || segmentIndex >= doc.segments.count || !doc.delimiters) return null;
  const seg = doc.segments.segment(segmentIndex);
  const el = seg.elements[index - 1];
  if (el) return { span: { offset: el.offset, length: el.length }, present: true, value: el.value };
  return { span: { offset: seg.offset + seg.length, length: 0 }, present: false, value: '' };
}

/** The edit that makes element `index` of the segment equal to `value` (adding missing element separators). */
export function setElement(doc: X12Document, segmentIndex: number, index: number, value: string): TextEdit | null {
  const place = elementPlace(doc, segmentIndex, index);
  if (!place || !doc.delimiters) return null;
  if (place.present) return { span: place.span, newText: value };
  const seg = doc.segments.segment(segmentIndex);
  const missing = index - seg.elements.length;
  return { span: place.span, newText: doc.delimiters.element.repeat(missing) + value };
}

/** The span to underline for a trailer element: the element, or the whole segment when it is missing or empty. */
export function markSpan(doc: X12Document, segmentIndex: number, index: number, segmentSpan: Span): Span {
  const place = elementPlace(doc, segmentIndex, index);
  return place && place.present && place.span.length > 0 ? place.span : segmentSpan;
}
