import { ICD10_SHAPE, LEVEL_I_SHAPE, LEVEL_II_SHAPE } from '../core/codeShapes';
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
  /(?<![A-Za-z0-9.\-/_@#])([A-Za-z]\d[0-9A-Za-z]\.[0-9A-Za-z]{1,4}|[A-Za-z]\d[0-9A-Za-z]{2,5}|\d{4}[0-9A-Za-z])(?![0-9A-Za-z]|\.[0-9A-Za-z])((?:-[0-9A-Za-z]{2}(?![0-9A-Za-z]))*)(?:\s*(?:x|\u00d7|units?:?)\s*(\d{1,4})(?!\d|[.,]\d))?/g;

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

type Lean = 'hcpcs' | 'icd10' | undefined;

const HCPCS_WORD_TEST = new RegExp(HCPCS_WORDS.source, 'i');
const ICD_WORD_TEST = new RegExp(ICD_WORDS.source, 'i');

function classifyWords(s: string): Lean {
  const h = HCPCS_WORD_TEST.test(s);
  const i = ICD_WORD_TEST.test(s);
  return h === i ? undefined : h ? 'hcpcs' : 'icd10';
}

const LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?([A-Za-z][A-Za-z0-9 /&()-]{1,40}?)(?:\*\*)?\s*:/;
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+(.+)$/;
const COLON_HEADING = /^\s*([A-Za-z][A-Za-z0-9 /&()-]{1,40}):\s*$/;
/** How far up the nearest heading is looked for. */
const HEADING_REACH = 200;

type Section = { lean: Lean; what: string } | undefined;

/**
 * The note's lines, split once, with what the scan asks of each line remembered: its label, the heading it is
 * under, its first diagnosis word. This is what keeps the scan linear (issue 15: searching the whole line
 * once per token made one long line of codes cubic, 53 s at 20 KB); figure in test/unit/parse/noteGrowth.test.ts.
 */
class NoteLines {
  private readonly starts: number[] = [0];
  private readonly labels = new Map<number, { end: number; section: Section } | null>();
  private readonly headings = new Map<number, { lean: Lean; text: string } | null>();
  private readonly nearestHeading = new Map<number, number>();
  private readonly icdWords = new Map<number, string | null>();

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  /** The index of the line holding `offset` (a '\n' belongs to the line it ends). */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** Offset of the line's '\n' (or the text's end). */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }

  private lineText(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }

  /** The line's label ("Diagnoses: ...", "- Charges: ...") when it leans one way and ends before `offset`. */
  private label(line: number, offset: number): Section {
    let label = this.labels.get(line);
    if (label === undefined) {
      const m = LABEL.exec(this.lineText(line));
      const lean = m ? classifyWords(m[1]) : undefined;
      label = m && lean ? { end: this.start(line) + m[0].length, section: { lean, what: `listed under '${m[1].trim()}'` } } : null;
      this.labels.set(line, label);
    }
    return label && label.end <= offset ? label.section : undefined;
  }

  private heading(line: number): { lean: Lean; text: string } | null {
    let heading = this.headings.get(line);
    if (heading === undefined) {
      const text = this.lineText(line);
      const m = MARKDOWN_HEADING.exec(text) ?? COLON_HEADING.exec(text);
      heading = m ? { lean: classifyWords(m[1]), text: m[1].trim() } : null;
      this.headings.set(line, heading);
    }
    return heading;
  }

  /**
   * The nearest heading line above `line` (-1: none), at most HEADING_REACH lines up. A line whose answer is not
   * known yet asks the lines above it, so lines checked in order cost one step each.
   */
  private headingAbove(line: number): number {
    let found = this.nearestHeading.get(line);
    if (found !== undefined) return found;
    found = -1;
    for (let above = line - 1; above >= 0 && above >= line - HEADING_REACH; above--) {
      if (this.heading(above)) {
        found = above;
        break;
      }
      const known = this.nearestHeading.get(above);
      if (known !== undefined) {
        found = known;
        break;
      }
    }
    if (found >= 0 && line - found > HEADING_REACH) found = -1;
    this.nearestHeading.set(line, found);
    return found;
  }

  /** The line's label, or the nearest markdown heading (or "Heading:" line) above it. */
  section(line: number, offset: number): Section {
    const label = this.label(line, offset);
    if (label) return label;
    const above = this.headingAbove(line);
    const heading = above >= 0 ? this.heading(above) : null;
    return heading?.lean ? { lean: heading.lean, what: `in the section '${heading.text}'` } : undefined;
  }

  /** The first diagnosis word on the line, if any. */
  icdWord(line: number): string | undefined {
    let word = this.icdWords.get(line);
    if (word === undefined) {
      ICD_WORDS.lastIndex = 0;
      word = ICD_WORDS.exec(this.lineText(line))?.[0] ?? null;
      this.icdWords.set(line, word);
    }
    return word ?? undefined;
  }
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
  const lines = new NoteLines(text);
  const undecided: { mention: CodeMention; line: number }[] = [];
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

    const lineNumber = lines.lineOf(offset);
    const line = { start: lines.start(lineNumber), end: lines.end(lineNumber) };
    const before = text.slice(Math.max(line.start, offset - 40), offset);

    if (upper.includes('.')) {
      // Dotted: only ICD-10-CM writes codes this way.
      mentions.push({ code: upper.replace('.', ''), system: 'icd10', span, modifiers: [], reason: 'dotted ICD-10-CM form', confidence: 'explicit' });
      continue;
    }

    if (LEVEL_I_SHAPE.test(upper)) {
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
    const isHcpcsShape = LEVEL_II_SHAPE.test(upper);
    const inHcpcs = isHcpcsShape && codeSet.procedure(upper) !== undefined;
    const inIcd = ICD10_SHAPE.test(upper) && codeSet.icd10(upper) !== undefined;
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

    const section = inHcpcs || inIcd || isHcpcsShape ? lines.section(lineNumber, offset) : undefined;
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
        undecided.push({ mention, line: lineNumber });
      }
    } else if (isHcpcsShape && near?.lean !== 'icd10' && (section?.lean === 'hcpcs' || (near?.lean === 'hcpcs' && near.distance <= 15))) {
      // In neither table, but the text plainly treats it as a billing code: worth reporting as unknown.
      push('hcpcs', section?.lean === 'hcpcs' ? section.what : `billing word '${near!.word}' right next to it`, 'explicit');
    }
  }

  scanThreeCharacterDiagnoses(text, codeSet, mentions, lines);

  // A code in both sets with no other evidence takes the system of the unambiguous codes listed on its line.
  // The systems of each line's unambiguous codes are gathered once (undecided codes are never unambiguous).
  const systemsOnLine = new Map<number, Set<CodeSystem>>();
  if (undecided.length > 0) {
    for (const o of mentions) {
      if (o.alsoIn !== undefined || o.system === 'cpt') continue;
      const line = lines.lineOf(o.span.offset);
      let systems = systemsOnLine.get(line);
      if (!systems) systemsOnLine.set(line, (systems = new Set()));
      systems.add(o.system);
    }
  }
  for (const { mention, line } of undecided) {
    const systems = systemsOnLine.get(line);
    if (systems?.size === 1) {
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
function scanThreeCharacterDiagnoses(text: string, codeSet: CodeSet, mentions: CodeMention[], lines: NoteLines): void {
  THREE_CHARACTER.lastIndex = 0;
  let linesWithIcd: Set<number> | undefined; // lines that hold an ICD-10-CM mention, found on the first candidate
  for (let m = THREE_CHARACTER.exec(text); m; m = THREE_CHARACTER.exec(text)) {
    const code = m[1];
    if (!codeSet.icd10(code)) continue;
    const offset = m.index;
    const line = lines.lineOf(offset);
    const before = text.slice(Math.max(lines.start(line), offset - 40), offset);
    if (ID_PREFIX.test(before)) continue;
    if (!linesWithIcd) {
      linesWithIcd = new Set();
      for (const o of mentions) {
        if (o.system === 'icd10') linesWithIcd.add(lines.lineOf(o.span.offset));
      }
    }
    const prefix = ICD_PREFIX.exec(before);
    let reason: string | undefined = prefix ? `after '${prefix[1]}'` : undefined;
    if (!reason && linesWithIcd.has(line)) reason = 'listed with ICD-10-CM codes';
    if (!reason) {
      const word = lines.icdWord(line);
      if (word) reason = `'${word}' on the same line`;
    }
    if (reason) {
      mentions.push({ code, system: 'icd10', span: { offset, length: code.length }, modifiers: [], reason, confidence: 'explicit' });
      linesWithIcd.add(line);
    }
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
