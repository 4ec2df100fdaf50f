import type { CompletionList, Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { claimCompletion } from './claimCompletion';
import { segmentCompletion } from './segmentCompletion';
import { cptItems, icd10Items, modifierItems, procedureItems } from './completionItems';
import type { FeatureContext } from './context';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function complete(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): CompletionList {
  // at a segment start: the segments the guide allows there; inside a segment: its element's values
  if (analysis.kind === 'claim') return segmentCompletion(analysis, offset, ctx) ?? claimCompletion(analysis, offset, ctx) ?? EMPTY;
  return noteCompletion(analysis, offset, ctx);
}

/**
 * Notes: after "A9600-" offer modifiers; after a word offer codes whose code or descriptor words start with it
 * ("samarium" offers A9604); a dotted prefix ("C79.") offers ICD-10-CM codes.
 */
function noteCompletion(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): CompletionList {
  const text = analysis.text;
  let start = offset;
  while (start > 0 && /[A-Za-z0-9.]/.test(text[start - 1])) start--;
  const word = text.slice(start, offset);
  const range: Range = analysis.lines.rangeOf(start, offset - start);

  // A modifier after "CODE-" (or after a chain "CODE-JW-").
  const before = text.slice(Math.max(0, start - 16), start);
  const chain = /([A-Za-z]\d{4}|\d{4}[0-9A-Za-z])((?:-[0-9A-Za-z]{2})*)-$/.exec(before);
  if (chain && word.length <= 2) {
    return { isIncomplete: false, items: modifierItems(ctx.codeSet, ctx.guides, word, range, chain[1].toUpperCase()) };
  }
  if (word.length < 2) return EMPTY;
  if (/^[A-Za-z]\d{2}\.[0-9A-Za-z]*$/.test(word)) {
    return { isIncomplete: true, items: icd10Items(ctx.codeSet, word, range, true) };
  }
  // The phrase being typed ("strontium chloride"), longest first: the words before the cursor on this line, back
  // to punctuation, as long as the code set finds something for them; accepting replaces the whole phrase.
  for (const phrase of phrasesBefore(text, start, offset)) {
    const phraseRange = analysis.lines.rangeOf(phrase.start, offset - phrase.start);
    const items = procedureItems(ctx.codeSet, phrase.text, phraseRange);
    if (items.length > 0) return { isIncomplete: true, items: [...items, ...cptItems(ctx.codeSet, phrase.text, phraseRange)] };
  }
  return { isIncomplete: true, items: [...procedureItems(ctx.codeSet, word, range), ...cptItems(ctx.codeSet, word, range)] };
}

const MAX_PHRASE_WORDS = 4;

/**
 * Candidate phrases ending at the cursor, longest first, of 2 to 4 words on the same line (the single word is the
 * caller's fallback): words of letters and digits separated by blanks; punctuation, a code's "-" or a line break ends it.
 */
export function phrasesBefore(text: string, wordStart: number, offset: number): { start: number; text: string }[] {
  const starts: number[] = [wordStart];
  let p = wordStart;
  while (starts.length < MAX_PHRASE_WORDS) {
    let q = p;
    while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\t')) q--;
    if (q === p || q === 0) break;
    let w = q;
    while (w > 0 && /[A-Za-z0-9]/.test(text[w - 1])) w--;
    if (w === q) break; // punctuation before the blank: the phrase starts here
    starts.push(w);
    p = w;
  }
  const out: { start: number; text: string }[] = [];
  for (let k = starts.length - 1; k >= 1; k--) out.push({ start: starts[k], text: text.slice(starts[k], offset).replace(/\s+/g, ' ') });
  return out;
}
