import { guideRule } from './guideRule';

export const SYNTAX_NOTE = 'x12/syntax-note';

/** An X12 syntax note of the segment is broken: paired (P), required one of (R), conditional (C), exclusion (E), list conditional (L). */
export const syntaxNote = guideRule(SYNTAX_NOTE, 'syntax-note', 'error', 'An X12 syntax note of the segment is broken: paired (P), required one of (R), conditional (C), exclusion (E), list conditional (L).');
