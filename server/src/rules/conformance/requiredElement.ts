import { guideRule } from './guideRule';

export const REQUIRED_ELEMENT = 'x12/required-element';

/** An element or component the guide requires in this loop is empty. */
export const requiredElement = guideRule(REQUIRED_ELEMENT, 'element-missing', 'error', 'An element or component the guide requires in this loop is empty.');
