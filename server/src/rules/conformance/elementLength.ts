import { guideRule } from './guideRule';

export const ELEMENT_LENGTH = 'x12/element-length';

/** A value is shorter or longer than the data element allows. */
export const elementLength = guideRule(ELEMENT_LENGTH, 'element-length', 'error', 'A value is shorter or longer than the data element allows.');
