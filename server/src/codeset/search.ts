/**
 * A prefix search index over codes and descriptor words. Built once (lazily, on first search); a query costs
 * binary searches in sorted arrays plus work proportional to the candidates, never a scan of all descriptions.
 */

export interface Searchable {
  /** Normalised code: upper case, no dot. */
  code: string;
  /** Text whose words are searchable; the first entry's first word counts as "the start". */
  texts: string[];
  /** Terminated records rank after active ones. */
  active: boolean;
}

export interface RawHit {
  index: number;
  score: number;
}

const SCORE_EXACT_CODE = 100_000;
const SCORE_CODE_PREFIX = 50_000;
const SCORE_ACTIVE = 10_000;
const SCORE_START = 1_000;
const SCORE_WHOLE_WORD = 10;

export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** First index in the sorted array whose value is >= key. */
function lowerBound(arr: readonly string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [start, end) of the entries starting with prefix. */
function prefixRange(arr: readonly string[], prefix: string): [number, number] {
  const start = lowerBound(arr, prefix);
  let end = lowerBound(arr, prefix + '\uffff');
  if (end < start) end = start;
  return [start, end];
}

export class PrefixIndex {
  private readonly codes: string[] = [];
  private readonly codeOrder: Int32Array;
  private readonly vocab: string[];
  private readonly postings: number[][];
  private readonly recordWords: string[][];
  private readonly firstWord: string[];
  private readonly active: Uint8Array;
  private readonly stamp: Uint32Array;
  private stampNo = 0;

  constructor(items: readonly Searchable[]) {
    const n = items.length;
    this.active = new Uint8Array(n);
    this.recordWords = new Array(n);
    this.firstWord = new Array(n);
    this.stamp = new Uint32Array(n);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (items[a].code < items[b].code ? -1 : items[a].code > items[b].code ? 1 : a - b));
    this.codeOrder = Int32Array.from(order);
    for (const i of order) this.codes.push(items[i].code);
    // word -> record ids; a record id is pushed once per word (the last id pushed tells).
    const posting = new Map<string, number[]>();
    const splitter = /[^a-z0-9]+/;
    for (let i = 0; i < n; i++) {
      const it = items[i];
      this.active[i] = it.active ? 1 : 0;
      const words: string[] = [];
      for (const t of it.texts) {
        for (const w0 of t.toLowerCase().split(splitter)) {
          if (w0 === '') continue;
          let p = posting.get(w0);
          if (!p) posting.set(w0, (p = []));
          if (p[p.length - 1] !== i) {
            p.push(i);
            words.push(w0);
          }
        }
      }
      this.firstWord[i] = words[0] ?? '';
      this.recordWords[i] = words;
    }
    this.vocab = [...posting.keys()].sort();
    this.postings = this.vocab.map((w) => posting.get(w)!);
  }

  /**
   * Ranking: exact code > code prefix > active before terminated > first word matches the descriptor's start >
   * whole-word matches; ties keep code order.
   */
  search(query: string, limit: number, normalizeCode: (q: string) => string | undefined): RawHit[] {
    if (limit <= 0) return [];
    const scores = new Map<number, number>();
    const codeQuery = normalizeCode(query);
    if (codeQuery) {
      const [s, e] = prefixRange(this.codes, codeQuery);
      // Within a prefix range, code order is the rank order except for active-before-terminated, so at most
      // `limit` active and `limit` terminated entries can make the cut.
      let act = 0;
      let term = 0;
      for (let k = s; k < e && (act < limit || term < limit); k++) {
        const i = this.codeOrder[k];
        const isActive = this.active[i] === 1;
        if (isActive ? act++ >= limit : term++ >= limit) continue;
        const exact = this.codes[k] === codeQuery;
        scores.set(i, (exact ? SCORE_EXACT_CODE : SCORE_CODE_PREFIX) + (isActive ? SCORE_ACTIVE : 0));
      }
    }
    const words = tokenize(query);
    if (words.length > 0) {
      // Start from the most selective query word; check the others against each candidate's own words.
      const ranges = words.map((w) => {
        const [s, e] = prefixRange(this.vocab, w);
        let cost = 0;
        for (let k = s; k < e; k++) cost += this.postings[k].length;
        return { w, s, e, cost };
      });
      ranges.sort((a, b) => a.cost - b.cost);
      const [first, ...rest] = ranges;
      if (first.cost > 0) {
        const stamp = ++this.stampNo;
        if (stamp === 0xffffffff) {
          this.stamp.fill(0);
          this.stampNo = 1;
        }
        for (let k = first.s; k < first.e; k++) {
          const p = this.postings[k];
          for (let j = 0; j < p.length; j++) {
            const i = p[j];
            if (this.stamp[i] === this.stampNo) continue;
            this.stamp[i] = this.stampNo;
            const rw = this.recordWords[i];
            let ok = true;
            let whole = 0;
            for (const r of rest) {
              let found = false;
              for (const x of rw) {
                if (x.startsWith(r.w)) {
                  found = true;
                  if (x.length === r.w.length) whole++;
                  break;
                }
              }
              if (!found) {
                ok = false;
                break;
              }
            }
            if (!ok) continue;
            if (rw.includes(first.w)) whole++;
            let score = (this.active[i] ? SCORE_ACTIVE : 0) + whole * SCORE_WHOLE_WORD;
            if (this.firstWord[i].startsWith(words[0])) score += SCORE_START;
            const prev = scores.get(i);
            if (prev === undefined || prev < score) scores.set(i, prev === undefined ? score : Math.max(prev, score));
          }
        }
      }
    }
    const hits: RawHit[] = [];
    for (const [index, score] of scores) hits.push({ index, score });
    hits.sort((a, b) => b.score - a.score || this.compareCodes(a.index, b.index));
    if (hits.length > limit) hits.length = limit;
    return hits;
  }

  private rankOf?: Int32Array;
  private compareCodes(a: number, b: number): number {
    if (!this.rankOf) {
      this.rankOf = new Int32Array(this.codeOrder.length);
      for (let k = 0; k < this.codeOrder.length; k++) this.rankOf[this.codeOrder[k]] = k;
    }
    return this.rankOf[a] - this.rankOf[b];
  }
}
