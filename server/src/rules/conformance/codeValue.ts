import { guideRule } from './guideRule';

export const CODE_VALUE = 'x12/code-value';

/** A value is not in the guide's code list for the element in this loop (SBR09, DTP02, CLM05-2, qualifiers) or in the external list it names (US states, place of service). */
export const codeValue = guideRule(CODE_VALUE, 'code-value', 'error', "A value is not in the guide's code list for the element in this loop (SBR09, DTP02, CLM05-2, qualifiers) or in the external list it names (US states, place of service).");
