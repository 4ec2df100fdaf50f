import { guideRule } from './guideRule';

export const NUMBERING = 'x12/numbering';

/** HL01 does not count up by one, or LX01 is not the service line's number in its claim. */
export const numbering = guideRule(NUMBERING, 'numbering', 'error', "HL01 does not count up by one, or LX01 is not the service line's number in its claim.");
