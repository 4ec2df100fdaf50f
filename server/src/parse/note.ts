import type { Span } from '../core/span';
import type { CodeSet } from '../codeset/types';

/**
 * Code mentions in clinical prose ("administered A9604-JW", "J9035 x 2", "dx C79.51").
 *
 * The hard part is telling HCPCS codes from ICD-10-CM codes: 6,761 ICD-10-CM codes share the HCPCS
 * letter-and-four-digits shape (M5416 vs J1885). Evidence, strongest first:
 *  1. the written form: a dotted code (C79.51) is ICD-10-CM; a known modifier suffix (A9604-JW) or units
 *     ("x 2") make it HCPCS;
 *  2. a keyword right before the token: "HCPCS A9600", "code A9600", "dx M54.16", "ICD-10 C7951";
 *  3. the code tables: a code found in only one set is read as that set;
 *  4. for a code in both sets: the line's label or the section heading ("Diagnoses:", "## Charges"), then the
 *     nearest billing or diagnosis word on the same line, then the other codes in the same list;
 *  5. with no evidence at all, a code in both sets is read as HCPCS and `alsoIn` says it is also ICD-10-CM.
 * Tokens that are in neither table are only reported when the text plainly names them as a billing code, so
 * lot numbers, IDs and dates stay quiet. Every mention says why it was read as it was (`reason`), for the hover.
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
  /** Why the token was read as this code set, for the hover ("modifier suffix -JW", "after 'dx'", ...). */
  reason: string;
  /**
   * explicit: the text clearly names it a code of that set (dotted ICD code, modifier suffix, a keyword);
   * inferred: only the shape and the code tables say so.
   */
  confidence: 'explicit' | 'inferred';
  /** The other code set that also has this code, when the reading was a choice between the two. */
  alsoIn?: CodeSystem;
}

export interface NoteScan {
  mentions: CodeMention[];
}

// A code-shaped token: dotted ICD (C79.51, C7A.010), undotted letter-digit codes (A9604, C7951, E119),
// or the five-character Level I shape (77778, 0123T); then an optional modifier chain (-JW, -59-XS) and units.
const TOKEN =
  /(?<![A-Za-z0-9.\-/_@#])([A-Za-z]\d[0-9A-Za-z]\.[0-9A-Za-z]{1,4}|[A-Za-z]\d[0-9A-Za-z]{2,5}|\d{4}[0-9A-Za-z])(?![0-9A-Za-z]|\.[0-9A-Za-z])((?:-[0-9A-Za-z]{2}(?![0-9A-Za-z]))*)(?:\s*(?:x|×|units?:?)\s*(\d{1,4})(?!\d|[.,]\d))?/g;

// Three-character ICD-10-CM codes that are billable on their own (C61, I10): too short to read from shape alone,
// so only taken with diagnosis evidence on the line (see scanThreeCharacterDiagnoses).
const THREE_CHARACTER = /(?<![A-Za-z0-9.\-/_@#])([A-Z]\d{2})(?![0-9A-Za-z]|\.[0-9A-Za-z])/g;

const HCPCS_WORD = String.raw`hcpcs|cpt|codes?|coded|bill|billed|billing|claim|charges?|charged|units?|administered|injected|infused|given|dose|supply|supplies|j-?codes?|procedures?|modifiers?|drug|radiopharmaceutical`;
const ICD_WORD = String.raw`icd-?10(?:-cm)?|icd|dx|ddx|diagnos[ie]s|diagnosed|impression|assessment|problems?|problem list|history of|hx|pmh|indications?|condition`;
const HCPCS_WORDS = new RegExp(String.raw`\b(?:${HCPCS_WORD})\b`, 'gi');
const ICD_WORDS = new RegExp(String.raw`\b(?:${ICD_WORD})\b`, 'gi');
// Right before the token ("dx: ", "ICD-10 code ", "HCPCS ", "billed "): decisive.
const ICD_PREFIX = /\b(icd-?10(?:-cm)?|icd|dx|ddx|diagnos[ie]s|diagnosis code|diagnosed with)\s*(?:codes?)?\s*[:#(=-]?\s*["'(]?$/i;
const HCPCS_PREFIX = /\b(hcpcs(?: level ii)?|hcpcs code|cpt|j-?code|procedure code|billed(?: as)?|bill(?: as)?|billing code|charge(?:d)?(?: as)?|code)\s*[:#(=-]?\s*["'(]?$/i;
const CPT_PREFIX = /\b(cpt(?: code)?|procedure code)\s*[:#(=-]?\s*["'(]?$/i;
// Right before the token, an identifier label: "Lot B4471", "ID A1234", "MRN", "ref #": not a code.
const ID_PREFIX = /\b(?:lot|batch|id|mrn|ref(?:erence)?|number|no\.?|serial|ndc|acct|account|invoice|order|rx|room|bed)\s*(?:#|no\.?|number)?\s*[:#.]?\s*$/i;
// Level I (numeric) modifiers accepted as a suffix; their descriptors are AMA-licensed and not bundled.
const LEVEL_I_MODIFIERS = new Set(
  '22 23 24 25 26 27 32 33 47 50 51 52 53 54 55 56 57 58 59 62 63 66 76 77 78 79 80 81 82 90 91 92 95 96 97 99'.split(' '),
);

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  return { start, end };
}

type Lean = 'hcpcs' | 'icd10' | undefined;

function classifyWords(s: string): Lean {
  const h = new RegExp(HCPCS_WORDS.source, 'i').test(s);
  const i = new RegExp(ICD_WORDS.source, 'i').test(s);
  return h === i ? undefined : h ? 'hcpcs' : 'icd10';
}

/** The line's label ("Diagnoses: ...", "- Charges: ...") or the nearest markdown heading above. */
function sectionLean(text: string, lineStart: number, offset: number): { lean: Lean; what: string } | undefined {
  const before = text.slice(lineStart, offset);
  const label = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?([A-Za-z][A-Za-z0-9 /&()-]{1,40}?)(?:\*\*)?\s*:/.exec(before);
  if (label) {
    const lean = classifyWords(label[1]);
    if (lean) return { lean, what: `listed under '${label[1].trim()}'` };
  }
  // Nearest heading above (markdown "# ..." or a line ending in ":" on its own).
  let end = lineStart - 1;
  for (let steps = 0; end > 0 && steps < 200; steps++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const heading = /^\s{0,3}#{1,6}\s+(.+)$/.exec(line) ?? /^\s*([A-Za-z][A-Za-z0-9 /&()-]{1,40}):\s*$/.exec(line);
    if (heading) {
      const lean = classifyWords(heading[1]);
      return lean ? { lean, what: `in the section '${heading[1].trim()}'` } : undefined;
    }
    end = start - 1;
  }
  return undefined;
}

/** The nearest billing or diagnosis word on the same line (within 80 characters before, 40 after). */
function nearestWord(text: string, line: { start: number; end: number }, span: Span): { lean: Lean; word: string; distance: number } | undefined {
  const from = Math.max(line.start, span.offset - 80);
  const to = Math.min(line.end, span.offset + span.length + 40);
  const window = text.slice(from, to);
  let best: { lean: Lean; word: string; distance: number } | undefined;
  for (const [re, lean] of [
    [HCPCS_WORDS, 'hcpcs'],
    [ICD_WORDS, 'icd10'],
  ] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      const at = from + m.index;
      const distance = at < span.offset ? span.offset - (at + m[0].length) : at - (span.offset + span.length);
      if (distance < 0) continue;
      if (!best || distance < best.distance) best = { lean, word: m[0], distance };
    }
  }
  return best;
}

function isModifier(code: string, codeSet: CodeSet): boolean {
  return LEVEL_I_MODIFIERS.has(code) || codeSet.modifier(code) !== undefined;
}

const SYSTEM_NAME: Record<CodeSystem, string> = { hcpcs: 'HCPCS', cpt: 'CPT', icd10: 'ICD-10-CM' };

export function scanNote(text: string, codeSet: CodeSet): NoteScan {
  const mentions: CodeMention[] = [];
  const undecided: { mention: CodeMention; lineStart: number }[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[1];
    const offset = m.index;
    const upper = raw.toUpperCase();
    const span = { offset, length: raw.length };

    // Modifier chain: only known modifiers count; an unknown suffix ends the chain (and is not a modifier).
    const modifiers: ModifierMention[] = [];
    let at = offset + raw.length;
    for (const part of (m[2] ?? '').split('-').slice(1)) {
      const code = part.toUpperCase();
      if (!isModifier(code, codeSet)) break;
      modifiers.push({ code, span: { offset: at + 1, length: part.length } });
      at += part.length + 1;
    }
    const unitsText = m[3];
    const units = unitsText
      ? { value: Number(unitsText), span: { offset: m.index + m[0].length - unitsText.length, length: unitsText.length } }
      : undefined;
    // When the modifier chain stopped early, let the scan resume right after the accepted part.
    if (modifiers.length < (m[2] ?? '').split('-').length - 1) TOKEN.lastIndex = at;

    const line = lineBounds(text, offset);
    const before = text.slice(Math.max(line.start, offset - 40), offset);

    if (upper.includes('.')) {
      // Dotted: only ICD-10-CM writes codes this way.
      mentions.push({ code: upper.replace('.', ''), system: 'icd10', span, modifiers: [], reason: 'dotted ICD-10-CM form', confidence: 'explicit' });
      continue;
    }

    if (/^\d{4}[0-9A-Z]$/.test(upper)) {
      // Five-character Level I shape (CPT, or Category II/III): only with a modifier suffix or "CPT" right before.
      if (modifiers.length > 0) {
        mentions.push({ code: upper, system: 'cpt', span, modifiers, units, reason: `modifier suffix -${modifiers[0].code}`, confidence: 'explicit' });
      } else if (CPT_PREFIX.test(before)) {
        mentions.push({ code: upper, system: 'cpt', span, modifiers, units, reason: `after '${CPT_PREFIX.exec(before)![1]}'`, confidence: 'explicit' });
      }
      continue;
    }

    // Undotted letter codes: written in upper case in practice ("e119" in prose is rarely a code).
    if (raw !== upper && modifiers.length === 0) continue;
    if (modifiers.length === 0 && ID_PREFIX.test(before)) continue;
    const isHcpcsShape = /^[A-V]\d{4}$/.test(upper);
    const inHcpcs = isHcpcsShape && codeSet.procedure(upper) !== undefined;
    const inIcd = /^[A-Z]\d[0-9A-Z]{1,5}$/.test(upper) && codeSet.icd10(upper) !== undefined;
    const push = (system: CodeSystem, reason: string, confidence: CodeMention['confidence'], alsoIn?: CodeSystem) => {
      const mention: CodeMention =
        system === 'icd10'
          ? { code: upper, system, span, modifiers: [], reason, confidence }
          : { code: upper, system, span, modifiers, units, reason, confidence };
      if (alsoIn) mention.alsoIn = alsoIn;
      mentions.push(mention);
      return mention;
    };

    if (isHcpcsShape && modifiers.length > 0) {
      push('hcpcs', `modifier suffix -${modifiers[0].code}`, 'explicit', inIcd ? 'icd10' : undefined);
      continue;
    }
    const icdPrefix = ICD_PREFIX.exec(before);
    if (icdPrefix && (inIcd || !inHcpcs)) {
      push('icd10', `after '${icdPrefix[1]}'`, 'explicit', inHcpcs ? 'hcpcs' : undefined);
      continue;
    }
    const hcpcsPrefix = isHcpcsShape ? HCPCS_PREFIX.exec(before) : null;
    if (hcpcsPrefix && (inHcpcs || !inIcd)) {
      push('hcpcs', `after '${hcpcsPrefix[1]}'`, 'explicit', inIcd ? 'icd10' : undefined);
      continue;
    }
    if (isHcpcsShape && units && !inIcd) {
      push('hcpcs', 'units after the code', 'explicit');
      continue;
    }

    const section = inHcpcs || inIcd || isHcpcsShape ? sectionLean(text, line.start, offset) : undefined;
    const near = inHcpcs || inIcd || isHcpcsShape ? nearestWord(text, line, span) : undefined;
    const agrees = (system: 'hcpcs' | 'icd10') => section?.lean === system || near?.lean === system;

    if (inHcpcs && !inIcd) {
      push('hcpcs', 'found only in HCPCS Level II', agrees('hcpcs') ? 'explicit' : 'inferred');
    } else if (inIcd && !inHcpcs) {
      push('icd10', 'found only in ICD-10-CM', agrees('icd10') ? 'explicit' : 'inferred');
    } else if (inHcpcs && inIcd) {
      const other = (s: 'hcpcs' | 'icd10'): CodeSystem => (s === 'hcpcs' ? 'icd10' : 'hcpcs');
      if (section?.lean) {
        push(section.lean, `in both code sets; ${section.what}`, 'explicit', other(section.lean));
      } else if (near?.lean) {
        push(near.lean, `in both code sets; '${near.word}' on the same line`, 'explicit', other(near.lean));
      } else {
        const mention = push('hcpcs', 'in both code sets; read as HCPCS (no diagnosis words nearby)', 'inferred', 'icd10');
        undecided.push({ mention, lineStart: line.start });
      }
    } else if (isHcpcsShape && near?.lean !== 'icd10' && (section?.lean === 'hcpcs' || (near?.lean === 'hcpcs' && near.distance <= 15))) {
      // In neither table, but the text plainly treats it as a billing code: worth reporting as unknown.
      push('hcpcs', section?.lean === 'hcpcs' ? section.what : `billing word '${near!.word}' right next to it`, 'explicit');
    }
  }

  scanThreeCharacterDiagnoses(text, codeSet, mentions);

  // A code in both sets with no other evidence takes the system of the unambiguous codes listed on its line.
  for (const { mention, lineStart } of undecided) {
    const neighbours = mentions.filter(
      (o) => o !== mention && o.alsoIn === undefined && lineBounds(text, o.span.offset).start === lineStart && o.system !== 'cpt',
    );
    const systems = new Set(neighbours.map((o) => o.system));
    if (systems.size === 1) {
      const system = [...systems][0];
      mention.system = system;
      mention.alsoIn = system === 'hcpcs' ? 'icd10' : 'hcpcs';
      mention.reason = `in both code sets; listed with ${SYSTEM_NAME[system]} codes`;
      if (system === 'icd10') {
        mention.modifiers = [];
        delete mention.units;
      }
    }
  }
  mentions.sort((a, b) => a.span.offset - b.span.offset);
  return { mentions };
}

/**
 * "Dx: C61, C79.51" or "assessment: I10": a billable three-character ICD-10-CM code counts when a diagnosis word
 * is right before it or on its line, or another ICD-10-CM code is on its line.
 */
function scanThreeCharacterDiagnoses(text: string, codeSet: CodeSet, mentions: CodeMention[]): void {
  THREE_CHARACTER.lastIndex = 0;
  for (let m = THREE_CHARACTER.exec(text); m; m = THREE_CHARACTER.exec(text)) {
    const code = m[1];
    if (!codeSet.icd10(code)) continue;
    const offset = m.index;
    const line = lineBounds(text, offset);
    const before = text.slice(Math.max(line.start, offset - 40), offset);
    if (ID_PREFIX.test(before)) continue;
    const prefix = ICD_PREFIX.exec(before);
    let reason: string | undefined = prefix ? `after '${prefix[1]}'` : undefined;
    if (!reason && mentions.some((o) => o.system === 'icd10' && o.span.offset >= line.start && o.span.offset < line.end)) {
      reason = 'listed with ICD-10-CM codes';
    }
    if (!reason) {
      ICD_WORDS.lastIndex = 0;
      const word = ICD_WORDS.exec(text.slice(line.start, line.end));
      if (word) reason = `'${word[0]}' on the same line`;
    }
    if (reason) mentions.push({ code, system: 'icd10', span: { offset, length: code.length }, modifiers: [], reason, confidence: 'explicit' });
  }
}

/** The mention under an offset, if any (the code itself, a modifier, or the units). */
export function mentionAt(
  scan: NoteScan,
  offset: number,
): { mention: CodeMention; part: 'code' | 'modifier' | 'units'; modifier?: ModifierMention } | undefined {
  for (const mention of scan.mentions) {
    if (offset >= mention.span.offset && offset <= mention.span.offset + mention.span.length) return { mention, part: 'code' };
    for (const modifier of mention.modifiers) {
      if (offset >= modifier.span.offset && offset <= modifier.span.offset + modifier.span.length) return { mention, part: 'modifier', modifier };
    }
    if (mention.units && offset >= mention.units.span.offset && offset <= mention.units.span.offset + mention.units.span.length) {
      return { mention, part: 'units' };
    }
  }
  return undefined;
}
