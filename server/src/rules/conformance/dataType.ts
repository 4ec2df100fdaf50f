import { guideRule } from './guideRule';

export const DATA_TYPE = 'x12/data-type';

/** A value does not fit its data type: a number (N0/N2, R), a real calendar date (DT, D8/RD8 in DTP03), a time (TM), the guide's pattern, components or repetitions. */
export const dataType = guideRule(DATA_TYPE, 'element-type', 'error', "A value does not fit its data type: a number (N0/N2, R), a real calendar date (DT, D8/RD8 in DTP03), a time (TM), the guide's pattern, components or repetitions.");
