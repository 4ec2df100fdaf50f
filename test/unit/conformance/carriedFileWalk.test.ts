/**
 * The file walk's issues carried over an edit inside one claim (conformance/carriedFileWalk.ts) equal a fresh walk
 * of the edited file: files with faults outside the claims (the guide-fault fixtures, and files whose header, 2000A
 * and trailer lines were mutated first), then random edits at random places inside a claim (characters, separators,
 * terminators, whole segments, structural ones included), re-parsed and the model updated in place as the analysis
 * does it. Whenever the model is updated in place and the carry does not refuse, carried and fresh are deepEqual.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { applyEdit, parseX12, reparseX12 } from '../../../server/src/parse/x12';
import { buildClaimModel, updateClaimModelAt } from '../../../server/src/model/claim';
import { checkFileConformance } from '../../../server/src/conformance/check';
import { carriedFileIssues } from '../../../server/src/conformance/carriedFileWalk';
import { bundledGuides } from '../../../server/src/guides/loader';
import { generate837P } from '../../../bench/generate';
import { implementationGuides } from '../rules/conformance/helpers';
import { fuzz, realCodeSet } from '../../robustness/helpers';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures');
const read = (f: string) => fs.readFileSync(path.join(fixtures, f), 'utf8');
const BASES = [
  read('conformance/837p-guide-faults.837'),
  read('conformance/837i-guide-faults.837'),
  read('conformance/837p-clean.837'),
  read('claims/837p-broken-claims.837'),
  generate837P(realCodeSet(), { targetBytes: 30_000, seed: 9, profile: 'manyFindings', guides: bundledGuides() }),
];

/** Faults outside the claims, after the first one (the guide-fault fixtures have their own before it): a line between claims (a later 2000A is the file walk's) or a trailer changed. */
const HEADER_FAULTS = [
  (l: string) => l.replace(/\*[^*~]*~$/, '**~'),
  (l: string) => ` ${l}`,
  () => 'REF*ZZ*X~',
  (l: string) => l.replace(/^HL\*\d+/, 'HL*77'),
  () => '',
];

/** What is typed inside a claim. */
const PIECES = ['*', ':', '~', '\n', ' ', 'A', '9', '', 'JW', 'DTP*472*D8*20240101~', 'HL*99*1*22*0~', 'CLM*X*1***11:B:1~', 'SE*1*1~', 'LX*9~', 'NM1*QC*1*X~'];

const editArb = fc.record({
  base: fc.nat({ max: BASES.length - 1 }),
  header: fc.array(fc.record({ at: fc.nat({ max: 9999 }).map((n) => n / 10000), fault: fc.nat({ max: HEADER_FAULTS.length - 1 }) }), { maxLength: 3 }),
  // (integers: fast-check's doubles crowd at 0 and 1, the claim's CLM id and the next HL)
  claim: fc.nat({ max: 9999 }).map((n) => n / 10000),
  at: fc.nat({ max: 9999 }).map((n) => n / 10000),
  removed: fc.nat({ max: 12 }),
  inserted: fc.array(fc.constantFrom(...PIECES), { maxLength: 2 }).map((xs) => xs.join('')),
});

/** The base text with some lines outside the claims changed (one segment a line in these files). */
function withHeaderFaults(text: string, faults: { at: number; fault: number }[]): string {
  const lines = text.split('\n');
  const inClaim: boolean[] = [];
  let open = false;
  for (const l of lines) {
    if (l.startsWith('CLM')) open = true;
    else if (/^(HL|SE|GE|IEA)\*/.test(l)) open = false;
    inClaim.push(open);
  }
  const firstClaim = inClaim.indexOf(true);
  const outside = lines.map((_, k) => k).filter((k) => !inClaim[k] && k > firstClaim && firstClaim >= 0 && lines[k].length > 0);
  // half of them in the trailers (SE, GE, IEA): most lines between claims are the next claim's own 2000B/2000C
  const trailers = outside.slice(-3);
  for (const f of faults) {
    if (outside.length === 0) break;
    const pool = f.at < 0.5 ? trailers : outside;
    const k = pool[Math.floor(f.at * 2 * pool.length) % pool.length];
    lines[k] = HEADER_FAULTS[f.fault](lines[k]);
  }
  return lines.join('\n');
}

test('the file walk carried over an edit inside one claim equals a fresh walk of the edited file', () => {
  let carried = 0;
  let carriedWithIssues = 0;
  let refused = 0;
  let moved = 0;
  fc.assert(
    fc.property(editArb, (e) => {
      const text = withHeaderFaults(BASES[e.base], e.header);
      const doc = parseX12(text);
      const file = buildClaimModel(doc);
      const index = file.claims.index;
      if (index.claimCount === 0 || !doc.delimiters) return;
      const before = checkFileConformance(implementationGuides, doc, file);
      // somewhere from the claim's CLM to the end of its last segment
      const k = Math.floor(e.claim * index.claimCount) % index.claimCount;
      const from = doc.segments.offset(index.claimFirst[k]);
      const to = doc.segments.contentEnd(index.claimLast[k]) + 1;
      const offset = from + Math.floor(e.at * (to - from));
      const edit = { offset, removed: Math.min(e.removed, text.length - offset), inserted: e.inserted || (e.removed ? '' : '9') };
      const next = applyEdit(text, edit);
      const { document, splice } = reparseX12(doc, edit, next);
      const { model, touchedClaim } = updateClaimModelAt(file, document, doc, splice);
      if (touchedClaim < 0 || !splice) return;
      const kept = carriedFileIssues(before, splice);
      if (!kept) {
        refused++;
        return;
      }
      assert.deepEqual(kept, checkFileConformance(implementationGuides, document, model), JSON.stringify(e));
      carried++;
      if (splice.insertedCount !== splice.removedCount && kept.some((x) => x.segmentIndex >= splice.first + splice.insertedCount)) moved++;
      if (kept.length > 0) carriedWithIssues++;
    }),
    fuzz(1000),
  );
  // the property is not empty: most edits inside a claim are carried, many with issues, some with segment numbers to move
  assert.ok(carried > 100 && carriedWithIssues > 50 && moved > 20, `carried ${carried}, with issues ${carriedWithIssues}, moved ${moved}, refused ${refused}`);
});
