/** What the conformance walk finds: one issue per fault, with the 999 error codes a receiver would send for it. */
import type { Span, TextEdit } from '../core/span';
import type { ElementNode, LoopNode, SegmentNode } from './guides';

export type IssueKind =
  | 'loop-missing'
  | 'segment-missing'
  | 'unexpected-segment'
  | 'repeat'
  | 'hierarchy'
  | 'element-missing'
  | 'element-not-used'
  | 'element-length'
  | 'element-type'
  | 'charset'
  | 'code-value'
  | 'syntax-note'
  | 'npi'
  | 'taxonomy'
  | 'zip'
  | 'state'
  | 'frequency'
  | 'version'
  | 'format'
  | 'numbering'
  | 'level-without-claim';

export interface GuideIssue {
  kind: IssueKind;
  span: Span;
  /** The segment the issue is reported at (for a missing segment: the segment before which it was due). */
  segmentIndex: number;
  message: string;
  /** The 999 codes: IK304 (segment syntax error) and, for element faults, IK403 (element syntax error). */
  ack: { ik304: string; ik403?: string; seq?: number; comp?: number; badValue?: string } | null;
  loop: LoopNode | null;
  segment: SegmentNode | null;
  element: ElementNode | null;
  fix?: { title: string; edits: TextEdit[] };
  /**
   * Graver than the rule's default severity, for the one issue of a rule that a receiver always refuses (a blank
   * before a segment id, under x12/segment-format, a warning for trailing separators). A severity the user set for
   * the rule still wins (rules/engine.ts).
   */
  severity?: 'error';
}

/** IK304 segment syntax error codes (999, 005010X231A1), in plain words. */
export const SEGMENT_ERROR: Record<string, string> = {
  '1': 'unrecognized segment ID',
  '2': 'unexpected segment',
  '3': 'required segment missing',
  '4': 'loop occurs over maximum times',
  '5': 'segment exceeds maximum use',
  '7': 'segment not in proper sequence',
  '8': 'segment has data element errors',
  I4: 'implementation "not used" segment present',
};

/** IK403 element syntax error codes (999, 005010X231A1), in plain words. */
export const ELEMENT_ERROR: Record<string, string> = {
  '1': 'required data element missing',
  '2': 'conditional required data element missing',
  '3': 'too many data elements',
  '4': 'data element too short',
  '5': 'data element too long',
  '6': 'invalid character in data element',
  '7': 'invalid code value',
  '8': 'invalid date',
  '9': 'invalid time',
  '10': 'exclusion condition violated',
  '12': 'too many repetitions',
  '13': 'too many components',
  I10: 'implementation "not used" data element present',
  I12: 'implementation pattern match failure',
};

/**
 * What a strict receiver does with a fault that many receivers let pass (a warning: x12/segment-format's trailing
 * separators), in the same terms as `rejection`.
 */
export function strictRejection(ack: GuideIssue['ack']): string {
  const r = rejection(ack);
  return r ? `A strict clearinghouse ${r.slice('The clearinghouse '.length, -1)}; others accept it.` : '';
}

/** The sentence every 999-level message ends with. */
export function rejection(ack: GuideIssue['ack']): string {
  if (!ack) return '';
  const what = ack.ik403 ? `IK4 error ${ack.ik403}, ${ELEMENT_ERROR[ack.ik403]}` : `IK3 error ${ack.ik304}, ${SEGMENT_ERROR[ack.ik304]}`;
  return `The clearinghouse rejects the transaction set with a 999 (${what}) before any payer sees the claim.`;
}
