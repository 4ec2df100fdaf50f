/**
 * Claim walks reused by shape (conformance/claimShapes.ts) give the same issues, in the same order, as a walk of
 * each claim: on the hand-written fixtures, on generated batches (realistic and many findings), and on claims
 * mutated after their clean shape was seen (segments dropped, repeated, swapped, a qualifier, HL or LX value
 * changed, a blank or trailing separators added), so a mutated claim meets the shape memo of its clean twin.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseX12 } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { checkClaimConformance } from '../../../server/src/conformance/check';
import { bundledGuides } from '../../../server/src/guides/loader';
import { generate837P } from '../../../bench/generate';
import { implementationGuides } from '../rules/conformance/helpers';
import { fuzz, realCodeSet } from '../../robustness/helpers';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures');
const FILES = ['conformance/837p-clean.837', 'conformance/837i-clean.837', 'conformance/837p-guide-faults.837', 'conformance/837i-guide-faults.837', 'claims/837p-broken-claims.837', 'claims/837p-oncology.837', 'claims/837i-outpatient.837', 'claims/837p-billing-data.837', 'rules/all-rules.837', 'x12/837i-outpatient-pipe.x12', 'x12/837p-radiopharm.x12'].map((f) => fs.readFileSync(path.join(fixtures, f), 'utf8'));

/** Each claim's issues by shape and by a walk of its own; asserts they are equal. Returns the number of issues. */
function compare(text: string, label: string): number {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  const index = file.claims.index;
  let count = 0;
  // twice: the first pass records the shapes, the second reuses them for every claim
  for (let pass = 0; pass < 2; pass++) {
    for (let k = 0; k < index.claimCount; k++) {
      const claim = index.buildClaimAt(k);
      const byShape = checkClaimConformance(implementationGuides, doc, file, claim);
      const walked = checkClaimConformance(implementationGuides, doc, file, claim, undefined, false);
      assert.deepEqual(byShape, walked, `${label}, claim ${k}, pass ${pass}`);
      count += walked.length;
    }
  }
  return count;
}

test('fixtures: the same issues by shape as by walking each claim', () => {
  let issues = 0;
  FILES.forEach((text, i) => (issues += compare(text, `fixture ${i}`)));
  assert.ok(issues > 0, 'the fixtures have guide faults');
});

test('generated batches (realistic, many findings): the same issues by shape', () => {
  const codeSet = realCodeSet();
  const guides = bundledGuides();
  for (const profile of ['realistic', 'manyFindings'] as const) {
    const text = generate837P(codeSet, { targetBytes: 150_000, seed: 3, profile, guides });
    compare(text, profile);
  }
});

/** Lines of a one-segment-a-line fixture (837P). */
const P_LINES = FILES[0].split('\n');
const GEN = generate837P(realCodeSet(), { targetBytes: 40_000, seed: 5, profile: 'realistic', guides: bundledGuides() }).split('\n');

type Mutation = 'drop' | 'repeat' | 'swap' | 'qualifier' | 'hl01' | 'hl02' | 'hl04' | 'lx' | 'blank' | 'trailing' | 'copyClaim';

function mutate(lines: string[], at: number, kind: Mutation, pick: number): string[] {
  const out = lines.slice();
  // inside the transaction: never the envelope's first three or last three lines
  const k = Math.min(out.length - 5, Math.max(3, Math.floor(at * out.length)));
  const line = out[k];
  const star = line.indexOf('*');
  const els = line.replace(/~$/, '').split('*');
  const set = (seq: number, v: string) => {
    while (els.length <= seq) els.push('');
    els[seq] = v;
    out[k] = `${els.join('*')}~`;
  };
  switch (kind) {
    case 'drop':
      out.splice(k, 1);
      break;
    case 'repeat':
      out.splice(k, 0, line);
      break;
    case 'swap':
      [out[k], out[k + 1]] = [out[k + 1], out[k]];
      break;
    case 'qualifier':
      if (star > 0) set(1, ['85', '87', 'IL', 'PR', 'QC', '472', '431', 'G1', 'XX', '82', 'DN', '77', 'ZZ'][pick % 13]);
      break;
    case 'hl01':
    case 'hl02':
    case 'hl04': {
      const hl = out.findIndex((l, j) => j >= k && l.startsWith('HL*'));
      if (hl < 0) break;
      const e = out[hl].replace(/~$/, '').split('*');
      const seq = kind === 'hl01' ? 1 : kind === 'hl02' ? 2 : 4;
      while (e.length <= seq) e.push('');
      e[seq] = ['', '0', '1', '2', '3', '9', 'X', '01', '02', '10', '1234567890123456789'][pick % 11];
      out[hl] = `${e.join('*')}~`;
      break;
    }
    case 'lx': {
      const lx = out.findIndex((l, j) => j >= k && l.startsWith('LX*'));
      if (lx >= 0) out[lx] = `LX*${['', '1', '2', '3', '7'][pick % 5]}~`;
      break;
    }
    case 'blank':
      out[k] = ` ${line}`;
      break;
    case 'trailing':
      out[k] = line.replace(/~$/, '**~');
      break;
    case 'copyClaim': {
      // a second claim like the one at k, right after it (the shape seen again, at other segment indexes)
      const clm = out.findIndex((l, j) => j >= k && l.startsWith('CLM*'));
      if (clm < 0) break;
      let end = clm + 1;
      while (end < out.length && !/^(CLM|HL|SE)\*/.test(out[end])) end++;
      out.splice(end, 0, ...out.slice(clm, end));
      break;
    }
  }
  return out;
}

const mutationArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom<Mutation>('drop', 'repeat', 'swap', 'qualifier', 'hl01', 'hl02', 'hl04', 'lx', 'blank', 'trailing', 'copyClaim'),
  pick: fc.nat({ max: 100 }),
});

test('mutated claims meet the shapes of their clean twins and still get their own issues', () => {
  compare(P_LINES.join('\n'), 'clean 837P');
  compare(GEN.join('\n'), 'clean generated');
  fc.assert(
    fc.property(fc.boolean(), fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (generated, muts) => {
      let lines = generated ? GEN : P_LINES;
      for (const m of muts) lines = mutate(lines, m.at, m.kind, m.pick);
      compare(lines.join('\n'), JSON.stringify(muts));
    }),
    fuzz(150),
  );
});
