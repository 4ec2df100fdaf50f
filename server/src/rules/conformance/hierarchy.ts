import { guideRule } from './guideRule';

export const HIERARCHY = 'x12/hierarchy';

/** HL02 does not point at the level above (2000B under 2000A, 2000C under 2000B), or HL04 disagrees with what follows: 0 (no child levels) with a child level under it, or 1 (child levels follow) with none. */
export const hierarchy = guideRule(HIERARCHY, 'hierarchy', 'error', 'HL02 does not point at the level above (2000B under 2000A, 2000C under 2000B), or HL04 disagrees with what follows: 0 (no child levels) with a child level under it, or 1 (child levels follow) with none.');
