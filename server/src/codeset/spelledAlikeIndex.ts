/**
 * The codes spelled most like a code, without scoring every code. The suggestions are ordered by edits first, so
 * when three codes are one edit away, no code two edits away can be among the first three: those one edit away are
 * found by forming every string one edit from the code (a substitution, deletion or insertion of a character the
 * codes use: about 400 strings for a 5-character code) and looking each up. Otherwise every code is tested: its
 * characters are kept as a 32-bit set; a character of one code that the other lacks needs an edit of its own (a
 * deletion or a substitution touches one character), so when three or more distinct characters of either code are
 * missing from the other, the two are more than two edits apart. Only the codes that pass this test are scored
 * exactly (`levenshteinWithin`). What it finds is exactly what scoring every code
 * finds, first three included.
 *
 * Speed trick. Protects: didOpen -> all diagnostics over LSP on the 10 MB realistic file (`npm run bench`, protocol
 * table): the first check scored each distinct unknown code against the ~7,300 active codes, about 190 ms of it.
 */
import { levenshteinWithin } from './editDistance';

/** Edits allowed between a code and what it is spelled like. */
const MAX_EDITS = 2;

/**
 * The bit of a character: 0-9 and A-V have one each, W-Z and the rest share bits with them. A shared bit only makes
 * the test pass more codes (a lower bound stays a lower bound), never fewer.
 */
function bitOf(c: number): number {
  if (c >= 48 && c <= 57) return 1 << (c - 48); // 0-9: bits 0..9
  if (c >= 65 && c <= 90) return 1 << ((c - 55) & 31); // A-V: bits 10..31, W-Z: bits 0..3
  return 1 << (c & 31);
}

function characterSet(code: string): number {
  let set = 0;
  for (let i = 0; i < code.length; i++) set |= bitOf(code.charCodeAt(i));
  return set;
}

/** Whether at most two bits of x are set. */
function atMostTwo(x: number): boolean {
  const fewer = x & (x - 1);
  return (fewer & (fewer - 1)) === 0;
}

export class SpelledAlikeIndex {
  private readonly sets: Int32Array;
  private readonly known: Set<string>;
  /** The characters the codes use (what a one-edit neighbour can substitute or insert). */
  private readonly alphabet: string[];

  constructor(private readonly candidates: readonly string[]) {
    this.sets = new Int32Array(candidates.length);
    const chars = new Set<string>();
    for (let c = 0; c < candidates.length; c++) {
      const code = candidates[c];
      this.sets[c] = characterSet(code);
      for (const ch of code) chars.add(ch);
    }
    this.known = new Set(candidates);
    this.alphabet = [...chars];
  }

  /**
   * Enough of the candidates within two edits of `code` for the first `max` suggestions (`closestOf` orders them):
   * those one edit away when there are at least `max` of them, else all within two edits. Each with its distance.
   */
  nearest(code: string, max: number): { code: string; distance: number }[] {
    const near = this.oneEditAway(code);
    return near.length >= max ? near : this.within2(code);
  }

  /** The candidates at most one edit from `code` (the code itself at distance 0 when it is one). */
  oneEditAway(code: string): { code: string; distance: number }[] {
    const found = new Map<string, number>();
    const look = (s: string, distance: number) => {
      if (this.known.has(s) && !found.has(s)) found.set(s, distance);
    };
    look(code, 0);
    for (let i = 0; i <= code.length; i++) {
      const head = code.slice(0, i);
      if (i < code.length) look(head + code.slice(i + 1), 1);
      for (const ch of this.alphabet) {
        look(head + ch + code.slice(i), 1);
        if (i < code.length && ch !== code[i]) look(head + ch + code.slice(i + 1), 1);
      }
    }
    return [...found].map(([c, distance]) => ({ code: c, distance }));
  }

  /** The candidates within two edits of `code`, each with its distance, in the candidates' order. */
  within2(code: string): { code: string; distance: number }[] {
    const out: { code: string; distance: number }[] = [];
    const own = characterSet(code);
    const sets = this.sets;
    for (let c = 0; c < sets.length; c++) {
      const other = sets[c];
      if (!atMostTwo(own & ~other) || !atMostTwo(other & ~own)) continue;
      const candidate = this.candidates[c];
      const distance = levenshteinWithin(code, candidate, MAX_EDITS);
      if (distance <= MAX_EDITS) out.push({ code: candidate, distance });
    }
    return out;
  }
}
