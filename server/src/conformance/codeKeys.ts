/**
 * Short code values as numbers, so the quick element check (fastCheck.ts) can ask "is this value in the code list"
 * without cutting a string out of the text: a value of 1 to 5 characters of 0-9 and A-Z (nearly every X12 code:
 * qualifiers, states, place of service) is a number below 37^5 (a small integer), and the code list also as a
 * set of those numbers (a `CodeMatcher`, made once per list and kept in the segment's quick-check plan,
 * quickCheckPlan.ts). A value that is not of that form is looked up as a string, as before; a code that is not of
 * that form never equals a value that is, so the answer is the same. When every code of the list has a number, a
 * value without one is in no list: answered without cutting it out either.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (the code look-ups were the
 * largest part of the quick element check; bench/guideCost.ts).
 */
const CH = new Int8Array(128).fill(-1);
for (let c = 48; c <= 57; c++) CH[c] = c - 48 + 1;
for (let c = 65; c <= 90; c++) CH[c] = c - 65 + 11;

/** The number of text [s, e), or -1 when it is not 1 to 5 characters of 0-9 and A-Z. */
export function codeKey(t: string, s: number, e: number): number {
  const n = e - s;
  if (n < 1 || n > 5) return -1;
  let k = 0;
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i);
    const v = c < 128 ? CH[c] : -1;
    if (v < 0) return -1;
    k = k * 37 + v;
  }
  return k;
}

/** A code list made for look-ups of text ranges: its codes, their numbers, and whether every code has one. */
export interface CodeMatcher {
  readonly codes: ReadonlySet<string>;
  readonly keys: ReadonlySet<number>;
  readonly everyKeyed: boolean;
}

export function codeMatcher(codes: ReadonlySet<string>): CodeMatcher {
  const keys = new Set<number>();
  let everyKeyed = true;
  for (const c of codes) {
    const k = codeKey(c, 0, c.length);
    if (k >= 0) keys.add(k);
    else everyKeyed = false;
  }
  return { codes, keys, everyKeyed };
}

/** Whether text [s, e) is one of the matcher's codes. */
export function inCodes(t: string, s: number, e: number, m: CodeMatcher): boolean {
  const k = codeKey(t, s, e);
  if (k >= 0) return m.keys.has(k);
  return m.everyKeyed ? false : m.codes.has(t.slice(s, e));
}
