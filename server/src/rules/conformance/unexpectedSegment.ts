import { guideRule } from './guideRule';

export const UNEXPECTED_SEGMENT = 'x12/unexpected-segment';

/** A segment the guide does not allow where it stands: out of order, not part of the loop, or marked Not Used. */
export const unexpectedSegment = guideRule(UNEXPECTED_SEGMENT, 'unexpected-segment', 'error', 'A segment the guide does not allow where it stands: out of order, not part of the loop, or marked Not Used.');
