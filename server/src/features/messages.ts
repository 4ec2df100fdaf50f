/**
 * Messages in claim terms, in one place: every finding's message starts with where the coder is ("HOLD-B line 1,
 * A9604:" = claim ID, service line number, code) and its first sentence says what is wrong. Rule modules keep their
 * own text; this only places it and ends the first clause as a sentence.
 */
import type { Span } from '../core/span';
import type { Claim } from '../model/claim';

/** "HOLD-B line 1, A9604:" for a finding inside a service line; "HOLD-B:" for one elsewhere in the claim. */
export function claimPlace(claim: Claim, span: Span): string {
  const id = claim.patientControlNumber?.value || 'claim without CLM01';
  const lines = claim.serviceLines;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (span.offset < l.span.offset || span.offset > l.span.offset + l.span.length) continue;
    const number = l.lineNumber?.text || String(i + 1);
    const code = l.procedureCode?.value;
    return `${id} line ${number}${code ? `, ${code}` : ''}:`;
  }
  return `${id}:`;
}

const MIN_CLAUSE = 12; // "A9604: ..." is a label, not a clause: the sentence ends at the next break

/** Words of guide loop and element names that start in lower case ("Place of Service Code", "From and To Date"). */
const NAME_WORDS = new Set(['and', 'or', 'of', 'to', 'for', 'in', 'on', 'by', 'with', 'per', 'the', 'a', 'an']);

/**
 * Whether `text` (a message up to its first ": ") is an implementation-guide place, "loop 2300 Claim Information,
 * DTP03 Statement From and To Date": a label like "A9604:", not a clause; any other lower-case word (a verb: "holds",
 * "is") makes it a clause.
 */
function guidePlace(text: string): boolean {
  if (!text.startsWith('loop ')) return false;
  for (const w of text.slice(5).split(/[\s,]+/)) {
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122 && !NAME_WORDS.has(w)) return false;
  }
  return true;
}

/**
 * The message with its first clause ended as a sentence: the first ": " (before a word) or " — " outside
 * parentheses and quotes, past a short label or a guide place ("loop 2300 Claim Information, DTP03 ...:"), becomes
 * ". " with a capital. One pass.
 */
export function sentenceFirst(message: string): string {
  let depth = 0;
  let quoted = false;
  let placed = false;
  for (let i = 0; i < message.length - 2; i++) {
    const c = message[i];
    if (c === '.' && message[i + 1] === ' ' && i >= MIN_CLAUSE && depth === 0 && !quoted) return message; // already a sentence
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '"') quoted = !quoted;
    if (depth > 0 || quoted || i < MIN_CLAUSE) continue;
    if (c === ':' && message[i + 1] === ' ') {
      // a guide rule's place ends in ": " too: the first sentence is what follows it
      if (!placed && guidePlace(message.slice(0, i))) {
        placed = true;
        continue;
      }
      placed = true;
      const next = message[i + 2];
      // a word follows (not a code such as J9035): "...statute"): Medicare will deny" ends the clause
      const after = message[i + 3] ?? '';
      const word = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z' && after >= 'a' && after <= 'z');
      if (word) return `${message.slice(0, i)}. ${next.toUpperCase()}${message.slice(i + 3)}`;
    } else if (c === ' ' && message[i + 1] === '—' && message[i + 2] === ' ') {
      const next = message[i + 3] ?? '';
      return `${message.slice(0, i)}. ${next.toUpperCase()}${message.slice(i + 4)}`;
    }
  }
  return message;
}

/** The message as the coder reads it: place first (claims), then the rule's text with its first sentence ended. */
export function coderMessage(message: string, place?: string): string {
  const text = sentenceFirst(message);
  return place ? `${place} ${text}` : text;
}
