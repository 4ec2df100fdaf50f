import { guideRule } from './guideRule';

export const SEGMENT_FORMAT = 'x12/segment-format';

/**
 * A segment starts with a blank or ends with empty elements (trailing separators). A warning, as many receivers
 * accept trailing separators; a blank before the id is reported as an error, since no translator can read the
 * segment (the reference validator rejects it too).
 */
export const segmentFormat = guideRule(SEGMENT_FORMAT, 'format', 'warning', 'A segment starts with a blank (an error: no translator can read the segment) or ends with empty elements (trailing separators).');
