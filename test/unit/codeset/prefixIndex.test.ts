/**
 * The search index (codeset/search.ts `PrefixIndex`) against a plain scan of every record that scores by the same
 * written rules: exact code > code prefix > active before terminated > the first query word begins the descriptor
 * > whole-word matches; ties in code order. The index keeps its words as numbers in flat arrays; this says that it
 * finds and ranks exactly what the scan does, on random records and queries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PrefixIndex, tokenize, type Searchable } from '../../../server/src/codeset/search';

const SCORE_EXACT_CODE = 100_000;
const SCORE_CODE_PREFIX = 50_000;
const SCORE_ACTIVE = 10_000;
const SCORE_START = 1_000;
const SCORE_WHOLE_WORD = 10;

/** Upper-case codes, as the code sets normalise them; anything else is not a code query. */
const codeQuery = (q: string) => (/^[A-Z0-9]+$/i.test(q.trim()) ? q.trim().toUpperCase() : undefined);

/** Each record's words in their order, each once. */
function wordsOf(item: Searchable): string[] {
  const out: string[] = [];
  for (const t of item.texts) for (const w of tokenize(t)) if (!out.includes(w)) out.push(w);
  return out;
}

function scan(items: readonly Searchable[], query: string, limit: number): { index: number; score: number }[] {
  if (limit <= 0) return [];
  const byCode = items.map((_, i) => i).sort((a, b) => (items[a].code < items[b].code ? -1 : items[a].code > items[b].code ? 1 : a - b));
  const rank = new Map(byCode.map((i, k) => [i, k]));
  const scores = new Map<number, number>();
  const code = codeQuery(query);
  if (code) {
    // at most `limit` active and `limit` terminated records by code prefix, in code order
    let act = 0;
    let term = 0;
    for (const i of byCode) {
      if (!items[i].code.startsWith(code)) continue;
      if (items[i].active ? act++ >= limit : term++ >= limit) continue;
      scores.set(i, (items[i].code === code ? SCORE_EXACT_CODE : SCORE_CODE_PREFIX) + (items[i].active ? SCORE_ACTIVE : 0));
    }
  }
  const words = tokenize(query);
  if (words.length > 0) {
    const recordWords = items.map(wordsOf);
    // the most selective query word first (fewest record words it begins); the others in query order
    const cost = (w: string) => recordWords.reduce((n, rw) => n + rw.filter((x) => x.startsWith(w)).length, 0);
    const ordered = words.map((w) => ({ w, cost: cost(w) })).sort((a, b) => a.cost - b.cost);
    const [first, ...rest] = ordered;
    items.forEach((item, i) => {
      const rw = recordWords[i];
      if (!rw.some((x) => x.startsWith(first.w))) return;
      let whole = 0;
      for (const r of rest) {
        const found = rw.find((x) => x.startsWith(r.w));
        if (found === undefined) return;
        if (found === r.w) whole++;
      }
      if (rw.includes(first.w)) whole++;
      let score = (item.active ? SCORE_ACTIVE : 0) + whole * SCORE_WHOLE_WORD;
      if ((rw[0] ?? '').startsWith(words[0])) score += SCORE_START;
      scores.set(i, Math.max(scores.get(i) ?? -Infinity, score));
    });
  }
  return [...scores]
    .map(([index, score]) => ({ index, score }))
    .sort((a, b) => b.score - a.score || rank.get(a.index)! - rank.get(b.index)!)
    .slice(0, limit);
}

const word = fc.constantFrom('ab', 'abc', 'abd', 'b', 'bc', 'c', 'a1', 'inj', 'injection', 'x');
const record = fc.record({
  code: fc.constantFrom('A1', 'A12', 'A123', 'B2', 'B21', 'C', 'J9', 'J99'),
  texts: fc.array(fc.tuple(fc.array(word, { maxLength: 5 }), fc.constantFrom(' ', ', ', '-', '/')).map(([ws, sep]) => ws.join(sep)), { minLength: 1, maxLength: 2 }),
  active: fc.boolean(),
});
const query = fc.oneof(
  fc.array(fc.constantFrom('a', 'ab', 'abc', 'b', 'c', 'in', 'inj', 'x', 'z', 'a1'), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  fc.constantFrom('A1', 'a12', 'B', 'J9', 'J99', 'C', 'Q'),
);

test('the index finds and ranks what a scan of every record finds', () => {
  fc.assert(
    fc.property(fc.array(record, { maxLength: 30 }), query, fc.integer({ min: 0, max: 8 }), (items, q, limit) => {
      const index = new PrefixIndex(items);
      assert.deepEqual(index.search(q, limit, codeQuery), scan(items, q, limit));
    }),
    { numRuns: 2000 },
  );
});

test('the same index answers many queries (the stamp of one query does not leak into the next)', () => {
  const items: Searchable[] = [
    { code: 'J9035', texts: ['Injection, bevacizumab, 10 mg'], active: true },
    { code: 'J9036', texts: ['Injection, bendamustine hydrochloride, 1 mg'], active: true },
    { code: 'A9604', texts: ['Samarium sm-153 lexidronam, therapeutic, per treatment dose, up to 150 millicuries'], active: true },
    { code: 'A9600', texts: ['Strontium sr-89 chloride, therapeutic, per millicurie'], active: false },
  ];
  const index = new PrefixIndex(items);
  for (const q of ['inj', 'inj beva', 'therapeutic', 'therap per', 'J90', 'sm-153', 'inj', 'therapeutic']) {
    assert.deepEqual(index.search(q, 5, codeQuery), scan(items, q, 5), q);
  }
  assert.deepEqual(index.search('therapeutic', 5, codeQuery).map((h) => items[h.index].code), ['A9604', 'A9600']);
});
