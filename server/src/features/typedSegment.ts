/**
 * While a segment is being typed it has no terminator yet, so it runs into the next line ("SV1*HC:A9604" then
 * "SE*25*0001~" reads as one SV1 whose code is "A9604\nSE"). Features that place things by line (inlay hints, the
 * outline and breadcrumbs) keep to the line the coder is typing on: up to a line break that is followed by what
 * looks like the next segment (an id of 2-3 letters or digits and the element separator).
 */

function isSegmentStart(text: string, at: number, element: string): boolean {
  let i = at;
  while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++;
  const c0 = text.charCodeAt(i);
  if (!(c0 >= 65 && c0 <= 90)) return false; // A-Z
  let n = 1;
  while (n < 4 && i + n < text.length) {
    const c = text.charCodeAt(i + n);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) n++;
    else break;
  }
  return n >= 2 && n <= 3 && text[i + n] === element;
}

/**
 * The end of [from, to) on its first line when the segment starting at `from` is still being typed and runs into
 * the next one; else `to`. Only the segment's own text counts: its terminator ends the search.
 */
export function typedSegmentEnd(text: string, from: number, to: number, element: string, terminator: string): number {
  for (let i = from; i < to; i++) {
    if (text[i] === terminator) return to;
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 13) && isSegmentStart(text, i, element)) return i;
  }
  return to;
}

/** A value read from a typed segment, cut at its first line break ("A9604\nSE" -> "A9604"). */
export function onItsLine(value: string): string {
  const n = value.indexOf('\n');
  const r = value.indexOf('\r');
  const cut = n < 0 ? r : r < 0 ? n : Math.min(n, r);
  return cut < 0 ? value : value.slice(0, cut);
}
