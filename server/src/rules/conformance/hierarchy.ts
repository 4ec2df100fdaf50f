import { guideRule } from './guideRule';

export const HIERARCHY = 'x12/hierarchy';

/** HL02 does not point at the level above (2000B under 2000A, 2000C under 2000B), or a parent says in HL04 it has no children. */
export const hierarchy = guideRule(HIERARCHY, 'hierarchy', 'error', 'HL02 does not point at the level above (2000B under 2000A, 2000C under 2000B), or a parent says in HL04 it has no children.');
