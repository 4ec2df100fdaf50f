import { guideRule } from './guideRule';

export const ELEMENT_NOT_USED = 'x12/element-not-used';

/** An element the guide marks Not Used in this loop holds a value (or a segment has more elements than defined). */
export const elementNotUsed = guideRule(ELEMENT_NOT_USED, 'element-not-used', 'error', 'An element the guide marks Not Used in this loop holds a value (or a segment has more elements than defined).');
