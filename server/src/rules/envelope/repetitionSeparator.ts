import type { ClaimFileContext, Finding, Rule } from '../types';

export const REPETITION_SEPARATOR = 'x12/repetition-separator';

/** Characters offered for ISA11, the customary one first; the fix takes the first that the file does not use. */
const SEPARATOR_CHOICES = ['^', '|', '!', '`', '{', '}', '\\', '#', '$', '@'];

function isLetterDigitOrSpace(c: number): boolean {
  return c === 32 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * ISA11 from version 00402 on (ISA12; HIPAA's 5010 transactions are 00501) is the repetition separator, a delimiter
 * like ISA16. Files built from a 4010 template keep the old value there, `U` (the 00401 "standards identifier"), and
 * a letter, digit or space cannot delimit anything: a strict receiver refuses the interchange, another takes the
 * letter as the separator and cuts every value holding it into repetitions (`SUNVALE` arrives as `S` and `NVALE`).
 * The parser reads such an ISA11 as "no repetition separator", so the other checks see the data as it was meant;
 * this rule says what the receiver will see. The fix sets a separator the file does not use anywhere.
 */
export const repetitionSeparator: Rule = {
  id: REPETITION_SEPARATOR,
  defaultSeverity: 'error',
  description: 'ISA11 is a letter, digit or space (often the 4010 value U) in a version 00501 interchange, where ISA11 is the repetition separator; receivers refuse the interchange or split the data at that character.',
  checkFile(ctx: ClaimFileContext): Finding[] {
    const doc = ctx.x12;
    const d = doc.delimiters;
    if (!d) return [];
    const out: Finding[] = [];
    for (const interchange of ctx.claimFile.interchanges) {
      const isa = doc.segments.segment(interchange.firstSegment);
      if (isa.id !== 'ISA') continue;
      const isa11 = isa.elements[10];
      const isa12 = isa.elements[11];
      // a wrong length is the ISA's fixed width (x12/syntax); a version before 00402 has the standards identifier here
      if (!isa11 || isa11.value.length !== 1 || !isa12 || !/^\d{5}$/.test(isa12.value) || Number(isa12.value) < 402) continue;
      const value = isa11.value;
      if (!isLetterDigitOrSpace(value.charCodeAt(0))) continue;
      const shown = value === ' ' ? 'a space' : `"${value}"`;
      const replacement = SEPARATOR_CHOICES.find((c) => c !== d.element && c !== d.component && c !== d.segment && !ctx.text.includes(c));
      out.push({
        ruleId: REPETITION_SEPARATOR,
        span: { offset: isa11.offset, length: 1 },
        message:
          `ISA11 is ${shown}${value === 'U' ? ', the value version 00401 had here (its standards identifier)' : ''}, but in version ${isa12.value} (ISA12) ISA11 is the repetition separator, ` +
          `and a letter, digit or space cannot separate anything. A strict receiver refuses the whole interchange (TA1) with every claim in it; ` +
          `another takes ${shown} as the separator and cuts every value that holds it into pieces, so names, IDs and codes arrive wrong. ` +
          (replacement ? `Set ISA11 to "${replacement}", a character this file does not use.` : 'Set ISA11 to a special character this file does not use, such as "^".'),
        fixes: replacement ? [{ title: `Set ISA11 to "${replacement}"`, edits: [{ span: { offset: isa11.offset, length: 1 }, newText: replacement }], preferred: true }] : undefined,
      });
    }
    return out;
  },
};
