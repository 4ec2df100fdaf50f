import { guideRule } from './guideRule';

export const ZIP_CODE = 'x12/zip-code';

/** A US ZIP code is not 5 or 9 digits, or not the 9 digits the guide asks for in that loop (billing provider, service facility). */
export const zipCode = guideRule(ZIP_CODE, 'zip', 'error', 'A US ZIP code is not 5 or 9 digits, or not the 9 digits the guide asks for in that loop (billing provider, service facility).');
