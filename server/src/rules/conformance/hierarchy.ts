import { guideRule } from './guideRule';

export const HIERARCHY = 'x12/hierarchy';

/** HL02 does not point at the level above (2000B under 2000A, 2000C under 2000B), or a subscriber's HL04 disagrees with what follows: 0 (no child levels) with a patient level under it, or 1 (child levels follow) with none; a billing provider HL04 1 with no subscriber. (2000A HL04 may only be 1 and 2000C HL04 only 0: any other value is x12/code-value's.) */
export const hierarchy = guideRule(HIERARCHY, 'hierarchy', 'error', "HL02 does not point at the level above (2000B under 2000A, 2000C under 2000B), or a subscriber's HL04 disagrees with what follows: 0 (no child levels) with a patient level under it, or 1 (child levels follow) with none; a billing provider HL04 1 with no subscriber. (2000A HL04 may only be 1 and 2000C HL04 only 0: any other value is x12/code-value's.)");
