/** Levenshtein distance between two short strings (codes): insertions, deletions and substitutions cost 1. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

// Speed trick: the two scratch rows are reused (grown when a longer string comes), so scoring an unknown code
// against the 8,000 active codes allocates nothing. Protects: the first validation of a file with unknown codes
// ("all diagnostics, 10 MB many findings"; ~300 ms were spent scoring candidates before). Synchronous, not
// re-entrant: the rows hold nothing between calls.
let previousRow = new Int32Array(16);
let currentRow = new Int32Array(16);

/**
 * `levenshtein(a, b)` when it is at most `max`, otherwise some number greater than `max`: for "which codes are within
 * two edits" over thousands of candidates (no allocation, and a candidate stops as soon as every path costs more).
 */
export function levenshteinWithin(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const n = b.length;
  if (previousRow.length <= n) {
    previousRow = new Int32Array(n + 1);
    currentRow = new Int32Array(n + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = previous[j] + 1;
      const ins = current[j - 1] + 1;
      if (ins < v) v = ins;
      const sub = previous[j - 1] + cost;
      if (sub < v) v = sub;
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1; // every later row costs at least as much
    const t = previous;
    previous = current;
    current = t;
  }
  return previous[n];
}
