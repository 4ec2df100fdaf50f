import { guideRule } from './guideRule';

export const NPI_CHECK_DIGIT = 'x12/npi-check-digit';

/** An NPI (NM108 = XX) fails the NPI check digit (Luhn formula with the 80840 prefix). */
export const npiCheckDigit = guideRule(NPI_CHECK_DIGIT, 'npi', 'error', 'An NPI (NM108 = XX) fails the NPI check digit (Luhn formula with the 80840 prefix).');
