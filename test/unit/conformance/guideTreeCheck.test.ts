/**
 * The guide table's loop tree is checked by one plain walk (conformance/guideTreeCheck.ts) inside its zod schema:
 * the committed tables pass, and each kind of damage is named with its exact path.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataElementsSchema, guideTableSchema, taxonomySchema, type GuideTable } from '../../../server/src/conformance/schema';
import { formatZodError } from '../../../server/src/codeset/schema';

const x12 = path.resolve(__dirname, '..', '..', '..', 'data', 'x12');
const table837P = JSON.parse(fs.readFileSync(path.join(x12, '005010X222A1.json'), 'utf8')) as GuideTable;

/** The issues (path: message) of the 837P table after `damage`. */
function issuesAfter(damage: (t: any) => void): string[] {
  const t = structuredClone(table837P);
  damage(t);
  const parsed = guideTableSchema.safeParse(t);
  return parsed.success ? [] : formatZodError('t', parsed.error, 50).split('\n').map((l) => l.slice('t: '.length));
}

test('the committed guide tables pass their schema', () => {
  for (const name of ['005010X222A1.json', '005010X223A2.json', '005010X231A1.json']) {
    const parsed = guideTableSchema.safeParse(JSON.parse(fs.readFileSync(path.join(x12, name), 'utf8')));
    assert.ok(parsed.success, `${name}: ${parsed.success ? '' : formatZodError(name, parsed.error)}`);
  }
});

// [what is damaged, the damage, the issues expected]
const cases: [string, (t: any) => void, string[]][] = [
  ['a loop repeat that is text', (t) => (t.root.repeat = '>1'), ['root.repeat: expected an integer, found string']],
  ['an empty loop id', (t) => (t.root.loop = ''), ['root.loop: must not be empty']],
  ['a loop type not known', (t) => (t.root.type = 'table'), ['root.type: expected "wrapper" or "explicit"']],
  ['a key no loop has', (t) => (t.root.note = 'x'), ['root.note: unknown key "note" in a loop']],
  ['a segment usage X', (t) => (t.root.items[0].usage = 'X'), ['root.items.0.usage: expected one of R, S, N, found "X"']],
  ['a segment id in lower case', (t) => (t.root.items[0].seg = 'st'), ['root.items.0.seg: expected a segment id of 2 or 3 capitals or digits, found "st"']],
  ['a syntax note that is no note', (t) => (t.root.items[0].syntax = ['Q0102']), ['root.items.0.syntax.0: "Q0102" does not match /^[PRCEL]\\d{4,}$/']],
  ['an element seq 0', (t) => (t.root.items[0].els[0].seq = 0), ['root.items.0.els.0.seq: must be at least 1']],
  ['a code that is a number', (t) => (t.root.items[0].els[0].codes = [837]), ['root.items.0.els.0.codes.0: expected a string, found number']],
  ['an item that is no object', (t) => (t.root.items[1] = 'BHT'), ['root.items.1: expected a segment or a loop (an object), found string']],
  ['a segment without elements', (t) => delete t.root.items[0].els, ['root.items.0.els: expected an array, found undefined']],
];
for (const [what, damage, expected] of cases) {
  test(`damage named with its path: ${what}`, () => assert.deepEqual(issuesAfter(damage), expected));
}

test('a component deep in a loop: the path goes through the loops, the segment and the composite', () => {
  const t = structuredClone(table837P) as any;
  const found: string[] = [];
  // the first composite anywhere in the tree
  const walk = (l: any, at: string): boolean => {
    for (let i = 0; i < l.items.length; i++) {
      const it = l.items[i];
      if ('loop' in it) {
        if (walk(it, `${at}.items.${i}`)) return true;
        continue;
      }
      for (let k = 0; k < it.els.length; k++) {
        if (it.els[k].comps?.length) {
          it.els[k].comps[0].name = 7;
          found.push(`${at}.items.${i}.els.${k}.comps.0.name: expected a string, found number`);
          return true;
        }
      }
    }
    return false;
  };
  assert.ok(walk(t.root, 'root'));
  const parsed = guideTableSchema.safeParse(t);
  assert.equal(parsed.success, false);
  assert.deepEqual(formatZodError('t', parsed.error!).split('\n').map((l) => l.slice(3)), found);
});

test('a tree nested past the depth limit is refused, not a stack overflow', () => {
  const t = structuredClone(table837P) as any;
  let l = t.root;
  for (let i = 0; i < 100_000; i++) {
    const next = { loop: `L${i}`, name: '', usage: 'S', pos: 0, repeat: 1, items: [] };
    l.items = [next];
    l = next;
  }
  const parsed = guideTableSchema.safeParse(t);
  assert.equal(parsed.success, false);
  assert.match(formatZodError('t', parsed.error!), /nested deeper than 64 levels/);
});

test('the data element and taxonomy rows: each damage named with its path', () => {
  const elements = JSON.parse(fs.readFileSync(path.join(x12, 'elements.json'), 'utf8'));
  const taxonomy = JSON.parse(fs.readFileSync(path.join(x12, 'nucc-taxonomy-25.1.json'), 'utf8'));
  const issues = (schema: typeof dataElementsSchema | typeof taxonomySchema, table: unknown) => {
    const parsed = schema.safeParse(table);
    return parsed.success ? [] : formatZodError('t', parsed.error, 50).split('\n').map((l) => l.slice(3));
  };
  assert.deepEqual(issues(dataElementsSchema, elements), []);
  assert.deepEqual(issues(taxonomySchema, taxonomy), []);

  const e = structuredClone(elements);
  e.elements[0][2] = 'one';
  e.elements[1] = ['1331', 'ID'];
  assert.deepEqual(issues(dataElementsSchema, e), ['elements.0.2: expected an integer', 'elements.1: expected a row of 5 values']);
  const t = structuredClone(taxonomy);
  t.codes[2][0] = '207rx0202x';
  t.codes[3][4] = null;
  assert.deepEqual(issues(taxonomySchema, t), ['codes.2.0: expected a string matching /^[0-9A-Z]{9}X$/', 'codes.3.4: expected a string']);
  assert.deepEqual(issues(taxonomySchema, { ...taxonomy, codes: {} }), ['codes: expected an array of rows']);
});
