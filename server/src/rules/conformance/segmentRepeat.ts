import { guideRule } from './guideRule';

export const SEGMENT_REPEAT = 'x12/segment-repeat';

/** A segment or loop occurs more often than the implementation guide allows. */
export const segmentRepeat = guideRule(SEGMENT_REPEAT, 'repeat', 'error', 'A segment or loop occurs more often than the implementation guide allows.');
