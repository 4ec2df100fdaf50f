import type { Span } from '../core/span';
import type { CodeSet } from '../codeset/types';

/**
 * Code mentions in clinical prose ("administered A9604-JW", "J9035 x 2", "dx C79.51").
 *
 * The hard part is telling HCPCS codes from ICD-10-CM codes: 6,761 ICD-10-CM codes share the HCPCS
 * letter-and-four-digits shape (M5416 vs J1885). A token is read as HCPCS when it carries a modifier suffix,
 * stands near billing words ("HCPCS", "code", "bill", "units", "administered"), or exists only in HCPCS; as
 * ICD-10-CM when dotted (C79.51), near diagnosis words ("dx", "diagnosis", "ICD"), or exists only in ICD-10-CM.
 */
export type CodeSystem = 'hcpcs' | 'cpt' | 'icd10';

export interface ModifierMention {
  code: string;
  span: Span;
}

export interface CodeMention {
  code: string;
  system: CodeSystem;
  span: Span;
  modifiers: ModifierMention[];
  /** "x 2", "units: 3" right after the code. */
  units?: { value: number; span: Span };
  /** Why the token was read as this code set, for the hover ("modifier suffix", "near 'diagnosis'", ...). */
  reason: string;
  /**
   * explicit: the text clearly names it a code of that set (dotted ICD code, modifier suffix, a keyword);
   * inferred: only the shape and the code tables say so.
   */
  confidence: 'explicit' | 'inferred';
}

export interface NoteScan {
  mentions: CodeMention[];
}

const HCPCS_WORDS = /\b(hcpcs|cpt|code|codes|coded|bill|billed|billing|claim|charge|units?|administered|injected|infused|dose|supply|j-?code|procedure)\b/i;
const ICD_WORDS = /\b(icd-?10(-cm)?|dx|diagnos[ie]s|diagnosed|impression|assessment|history of|hx|indication)\b/i;

// A code-shaped token, optional dotted ICD tail, optional modifier chain (-JW, -59-XS) and units ("x 2").
const TOKEN =
  /(?<![A-Za-z0-9.])([A-Za-z]\d{2}(?:\.[0-9A-Za-z]{1,4})|[A-Za-z]\d[0-9A-Za-z]{3,5}|\d{4}[0-9A-Za-z])((?:-[0-9A-Za-z]{2}(?![0-9A-Za-z]))*)(?:\s*(?:x|×|units?:?)\s*(\d{1,4})\b)?/g;

function contextWindow(text: string, offset: number, length: number): string {
  const start = Math.max(0, offset - 60);
  const end = Math.min(text.length, offset + length + 30);
  return text.slice(start, end);
}

export function scanNote(text: string, codeSet: CodeSet): NoteScan {
  const mentions: CodeMention[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[1];
    const offset = m.index;
    const upper = raw.toUpperCase();
    const modifierText = m[2] ?? '';
    const modifiers: ModifierMention[] = [];
    let at = offset + raw.length;
    for (const part of modifierText.split('-').slice(1)) {
      modifiers.push({ code: part.toUpperCase(), span: { offset: at + 1, length: part.length } });
      at += part.length + 1;
    }
    const unitsMatch = m[3];
    const units = unitsMatch
      ? { value: Number(unitsMatch), span: { offset: m.index + m[0].length - unitsMatch.length, length: unitsMatch.length } }
      : undefined;
    const span = { offset, length: raw.length };

    if (upper.includes('.')) {
      // Dotted: only ICD-10-CM writes codes this way.
      mentions.push({ code: upper.replace('.', ''), system: 'icd10', span, modifiers: [], reason: 'dotted ICD-10-CM form', confidence: 'explicit' });
      continue;
    }
    if (/^\d{4}[0-9A-Z]$/.test(upper)) {
      // Five-character Level I shape (CPT, or Category II/III with a letter last): only with context or a modifier.
      const ctx = contextWindow(text, offset, raw.length);
      if (modifiers.length > 0 || /\b(cpt|code|bill|billed|procedure)\b/i.test(ctx)) {
        mentions.push({
          code: upper,
          system: 'cpt',
          span,
          modifiers,
          units,
          reason: modifiers.length > 0 ? 'modifier suffix' : 'billing words nearby',
          confidence: 'explicit',
        });
      }
      continue;
    }
    if (!/^[A-Z]\d{4}$/.test(upper) && !/^[A-Z]\d{2}[0-9A-Z]{1,4}$/.test(upper)) continue;

    const isHcpcsShape = /^[A-V]\d{4}$/.test(upper);
    const inHcpcs = isHcpcsShape && codeSet.procedure(upper) !== undefined;
    const inIcd = codeSet.icd10(upper) !== undefined;
    const ctx = contextWindow(text, offset, raw.length);
    const billing = HCPCS_WORDS.test(ctx);
    const diagnosis = ICD_WORDS.test(ctx);

    if (isHcpcsShape && (modifiers.length > 0 || units)) {
      mentions.push({ code: upper, system: 'hcpcs', span, modifiers, units, reason: modifiers.length > 0 ? 'modifier suffix' : 'units after the code', confidence: 'explicit' });
    } else if (inHcpcs && !inIcd) {
      mentions.push({ code: upper, system: 'hcpcs', span, modifiers, units, reason: 'found only in HCPCS Level II', confidence: billing ? 'explicit' : 'inferred' });
    } else if (inIcd && !inHcpcs) {
      mentions.push({ code: upper, system: 'icd10', span, modifiers: [], reason: 'found only in ICD-10-CM', confidence: diagnosis ? 'explicit' : 'inferred' });
    } else if (inHcpcs && inIcd) {
      if (diagnosis && !billing) {
        mentions.push({ code: upper, system: 'icd10', span, modifiers: [], reason: 'in both code sets; diagnosis words nearby', confidence: 'explicit' });
      } else {
        mentions.push({
          code: upper,
          system: 'hcpcs',
          span,
          modifiers,
          units,
          reason: billing ? 'in both code sets; billing words nearby' : 'in both code sets; read as HCPCS (no diagnosis words nearby)',
          confidence: billing ? 'explicit' : 'inferred',
        });
      }
    } else if (isHcpcsShape && billing && !diagnosis) {
      // Unknown code that the text clearly names as a billing code: worth reporting.
      mentions.push({ code: upper, system: 'hcpcs', span, modifiers, units, reason: 'billing words nearby', confidence: 'explicit' });
    }
  }
  return { mentions };
}

/** The mention under an offset, if any (the code itself, a modifier, or the units). */
export function mentionAt(scan: NoteScan, offset: number): { mention: CodeMention; part: 'code' | 'modifier' | 'units'; modifier?: ModifierMention } | undefined {
  for (const mention of scan.mentions) {
    if (offset >= mention.span.offset && offset <= mention.span.offset + mention.span.length) return { mention, part: 'code' };
    for (const modifier of mention.modifiers) {
      if (offset >= modifier.span.offset && offset <= modifier.span.offset + modifier.span.length) return { mention, part: 'modifier', modifier };
    }
  }
  return undefined;
}
