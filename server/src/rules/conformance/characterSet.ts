import { guideRule } from './guideRule';

export const CHARACTER_SET = 'x12/character-set';

/** A value holds a character outside the X12 basic and extended character sets: an accented or other non-ASCII letter, a typographic quote, a control character. */
export const characterSet = guideRule(CHARACTER_SET, 'charset', 'error', 'A value holds a character outside the X12 basic and extended character sets: an accented or other non-ASCII letter (É), a typographic quote or dash, a control character (a tab).');
