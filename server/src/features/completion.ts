import type { CompletionList, Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { claimCompletion } from './claimCompletion';
import { cptItems, icd10Items, modifierItems, procedureItems } from './completionItems';
import type { FeatureContext } from './context';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function complete(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): CompletionList {
  if (analysis.kind === 'claim') return claimCompletion(analysis, offset, ctx) ?? EMPTY;
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
  return { isIncomplete: true, items: [...procedureItems(ctx.codeSet, word, range), ...cptItems(ctx.codeSet, word, range)] };
}
