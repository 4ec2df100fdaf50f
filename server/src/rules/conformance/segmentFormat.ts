import { guideRule } from './guideRule';

export const SEGMENT_FORMAT = 'x12/segment-format';

/**
 * A segment starts with a blank or ends with empty elements (trailing separators). A warning, as many receivers
 * accept trailing separators and strip whitespace between lines (indentation, a blank before a line break: a
 * pretty-printed file has it on every segment); a blank between two segments within a line is reported as an error,
 * since no translator can read that segment (the reference validator rejects every such blank).
 */
export const segmentFormat = guideRule(SEGMENT_FORMAT, 'format', 'warning', 'A segment starts with a blank (an error within a line, where no translator can read the segment; a warning as indentation or before a line break) or ends with empty elements (trailing separators).');
