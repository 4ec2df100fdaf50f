/**
 * A prefix search index over codes and descriptor words. Built once (lazily, on first search); a query costs
 * binary searches in sorted arrays plus work proportional to the candidates, never a scan of all descriptions.
 *
 * Speed trick: the words of each record and the records of each word are numbers in flat typed arrays (a word's
 * number is its place in the sorted vocabulary, so "begins with" is a range test), not a string array per record.
 * Protects: protocol "one-character edit -> its diagnostics" on the 10 MB file (`npm run bench`). The server builds
 * this index for ICD-10-CM and HCPCS while idle; as 700,000 word strings and 100,000 arrays it was most of the
 * server's live heap, which every full garbage collection marks again (about every tenth edit of a 10 MB file,
 * since each version's text is a new 10 MB string).
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
  /** Every descriptor word once, sorted: a word's number is its place here, so a prefix is a range of numbers. */
  private readonly vocab: string[];
  /** The records of word w: postingIds[postingStart[w] .. postingStart[w + 1]), ascending. */
  private readonly postingStart: Int32Array;
  private readonly postingIds: Int32Array;
  /** The words of record i, in their order, each once: recordWordIds[recordWordStart[i] .. recordWordStart[i + 1]). */
  private readonly recordWordStart: Int32Array;
  private readonly recordWordIds: Int32Array;
  /** The first word of record i, -1 when it has none. */
  private readonly firstWord: Int32Array;
  private readonly active: Uint8Array;
  private readonly stamp: Uint32Array;
  private stampNo = 0;

  constructor(items: readonly Searchable[]) {
    const n = items.length;
    this.active = new Uint8Array(n);
    this.stamp = new Uint32Array(n);
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (items[a].code < items[b].code ? -1 : items[a].code > items[b].code ? 1 : a - b));
    this.codeOrder = Int32Array.from(order);
    for (const i of order) this.codes.push(items[i].code);
    // word -> its number in first-seen order; each record's words as those numbers, a word once per record
    const seen = new Map<string, number>();
    const seenWords: string[] = [];
    const lastRecordOf: number[] = [];
    const wordStart = new Int32Array(n + 1);
    const ids: number[] = [];
    const splitter = /[^a-z0-9]+/;
    for (let i = 0; i < n; i++) {
      const it = items[i];
      this.active[i] = it.active ? 1 : 0;
      wordStart[i] = ids.length;
      for (const t of it.texts) {
        for (const w0 of t.toLowerCase().split(splitter)) {
          if (w0 === '') continue;
          let w = seen.get(w0);
          if (w === undefined) {
            w = seenWords.length;
            seen.set(w0, w);
            seenWords.push(w0);
            lastRecordOf.push(-1);
          }
          if (lastRecordOf[w] !== i) {
            lastRecordOf[w] = i;
            ids.push(w);
          }
        }
      }
    }
    wordStart[n] = ids.length;
    // number the words in sorted order, so that the words with a prefix are one range of numbers
    const bySpelling = Array.from({ length: seenWords.length }, (_, w) => w).sort((a, b) => (seenWords[a] < seenWords[b] ? -1 : seenWords[a] > seenWords[b] ? 1 : 0));
    const renumbered = new Int32Array(seenWords.length);
    for (let r = 0; r < bySpelling.length; r++) renumbered[bySpelling[r]] = r;
    this.vocab = bySpelling.map((w) => seenWords[w]);
    const recordWordIds = Int32Array.from(ids, (w) => renumbered[w]);
    this.recordWordStart = wordStart;
    this.recordWordIds = recordWordIds;
    this.firstWord = new Int32Array(n);
    for (let i = 0; i < n; i++) this.firstWord[i] = wordStart[i] < wordStart[i + 1] ? recordWordIds[wordStart[i]] : -1;
    // postings: count, then fill in record order (so each word's records ascend)
    const postingStart = new Int32Array(this.vocab.length + 1);
    for (let k = 0; k < recordWordIds.length; k++) postingStart[recordWordIds[k] + 1]++;
    for (let w = 0; w < this.vocab.length; w++) postingStart[w + 1] += postingStart[w];
    const fill = postingStart.slice(0, this.vocab.length);
    const postingIds = new Int32Array(recordWordIds.length);
    for (let i = 0; i < n; i++) for (let k = wordStart[i]; k < wordStart[i + 1]; k++) postingIds[fill[recordWordIds[k]]++] = i;
    this.postingStart = postingStart;
    this.postingIds = postingIds;
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
      const { vocab, postingStart, postingIds, recordWordStart, recordWordIds } = this;
      // each query word as the range of word numbers it is a prefix of, and the number of the word itself (-1: none)
      const ranges = words.map((w) => {
        const [s, e] = prefixRange(vocab, w);
        const cost = postingStart[e] - postingStart[s];
        return { s, e, whole: s < e && vocab[s] === w ? s : -1, cost };
      });
      const start = ranges[0];
      ranges.sort((a, b) => a.cost - b.cost);
      const [first, ...rest] = ranges;
      // Start from the most selective query word; check the others against each candidate's own words.
      if (first.cost > 0) {
        const stamp = ++this.stampNo;
        if (stamp === 0xffffffff) {
          this.stamp.fill(0);
          this.stampNo = 1;
        }
        for (let k = postingStart[first.s]; k < postingStart[first.e]; k++) {
          const i = postingIds[k];
          if (this.stamp[i] === this.stampNo) continue;
          this.stamp[i] = this.stampNo;
          const from = recordWordStart[i];
          const to = recordWordStart[i + 1];
          let ok = true;
          let whole = 0;
          for (const r of rest) {
            // the record's first word (in its order) that the query word begins
            let found = -1;
            for (let q = from; q < to; q++) {
              const x = recordWordIds[q];
              if (x >= r.s && x < r.e) {
                found = x;
                break;
              }
            }
            if (found < 0) {
              ok = false;
              break;
            }
            if (found === r.whole) whole++;
          }
          if (!ok) continue;
          if (first.whole >= 0) {
            for (let q = from; q < to; q++) {
              if (recordWordIds[q] === first.whole) {
                whole++;
                break;
              }
            }
          }
          let score = (this.active[i] ? SCORE_ACTIVE : 0) + whole * SCORE_WHOLE_WORD;
          const fw = this.firstWord[i];
          if (fw >= start.s && fw < start.e) score += SCORE_START;
          const prev = scores.get(i);
          if (prev === undefined || prev < score) scores.set(i, prev === undefined ? score : Math.max(prev, score));
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
