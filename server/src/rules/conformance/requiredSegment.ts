import { guideRule } from './guideRule';

export const REQUIRED_SEGMENT = 'x12/required-segment';

/** A segment the implementation guide requires in its loop is missing (DTP*472 on a professional line, HI on a claim, N3/N4 of the billing provider ...). */
export const requiredSegment = guideRule(REQUIRED_SEGMENT, 'segment-missing', 'error', 'A segment the implementation guide requires in its loop is missing (DTP*472 on a professional line, HI on a claim, N3/N4 of the billing provider ...).');
