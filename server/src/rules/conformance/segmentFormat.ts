import { guideRule } from './guideRule';

export const SEGMENT_FORMAT = 'x12/segment-format';

/** A segment starts with a blank or ends with empty elements (trailing separators). */
export const segmentFormat = guideRule(SEGMENT_FORMAT, 'format', 'warning', 'A segment starts with a blank or ends with empty elements (trailing separators).');
