/**
 * Speed trick: a claim's lists are built at their exact size. An empty literal that is pushed to grows a 17-slot
 * backing store, and most of a claim's lists hold 0 to 4 items. EMPTY_LIST marks a list with no item yet (never
 * exposed: `finishList` replaces it by a fresh [] when the claim or line is finished); the first item makes a
 * one-item literal; scratch lists are copied out by `takeScratch`.
 *
 * Protects: "parse + claim model (index and every claim built once), 10 MB" (README benchmark table) and the
 * garbage a validation of every claim leaves ("all diagnostics, 10 MB realistic").
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const EMPTY_LIST: any[] = [];

/** `list` with `x` appended (a one-item literal when the list is still EMPTY_LIST). */
export function pushItem<T>(list: T[], x: T): T[] {
  if (list === EMPTY_LIST) return [x];
  list.push(x);
  return list;
}

/** A fresh list for EMPTY_LIST, else the list. */
export function finishList<T>(list: T[]): T[] {
  return list === EMPTY_LIST ? [] : list;
}

/** Items [0, n) of a scratch list as an exact-size array; the scratch slots are cleared (no text kept alive). */
export function takeScratch<T>(a: T[], n: number): T[] {
  let r: T[];
  if (n === 0) return [];
  else if (n === 1) r = [a[0]];
  else if (n === 2) r = [a[0], a[1]];
  else if (n === 3) r = [a[0], a[1], a[2]];
  else if (n === 4) r = [a[0], a[1], a[2], a[3]];
  else r = a.slice(0, n);
  for (let k = 0; k < n; k++) (a as unknown[])[k] = null;
  return r;
}

/** `list` (possibly EMPTY_LIST) with scratch items [0, n) appended; the scratch slots are cleared. */
export function appendScratch<T>(list: T[], scratch: T[], n: number): T[] {
  if (n === 0) return list;
  if (list === EMPTY_LIST) return takeScratch(scratch, n);
  for (let k = 0; k < n; k++) {
    list.push(scratch[k]);
    (scratch as unknown[])[k] = null;
  }
  return list;
}
