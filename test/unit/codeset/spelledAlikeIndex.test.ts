// The spelled-alike index (codeset/spelledAlikeIndex.ts) must find exactly what scoring every code finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SpelledAlikeIndex } from '../../../server/src/codeset/spelledAlikeIndex';
import { closestCodes, closestOf, codeSetFacts } from '../../../server/src/codeset/codeFacts';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { fuzz } from '../../robustness/helpers';
import { dataDir } from './paths';

const activeCodes = (() => {
  const { codeSet } = loadCodeSet(dataDir);
  assert.ok(codeSet);
  return codeSet.allProcedures().filter((r) => !r.terminated).map((r) => r.code);
})();
const index = new SpelledAlikeIndex(activeCodes);

/** What the index finds, in the suggestions' order, all of it (not only the first three). */
const viaIndex = (code: string) => closestOf(code, index.within2(code), Infinity);
const byScan = (code: string) => closestCodes(code, activeCodes, Infinity);

test('spelled alike: a typo in the last digit, a swapped pair, a dropped character', () => {
  // A9605 is not a code: A9604 (samarium Sm-153) and A9606 (radium Ra-223) are one edit away
  assert.deepEqual(viaIndex('A9605').slice(0, 2), ['A9604', 'A9606']);
  assert.deepEqual(viaIndex('A9605'), byScan('A9605'));
  // J1745 with 7 and 4 swapped is two substitutions away
  assert.ok(viaIndex('J1475').length > 0);
  assert.deepEqual(viaIndex('J1475'), byScan('J1475'));
  // a character dropped or added
  assert.ok(viaIndex('J174').includes('J1745'));
  assert.ok(viaIndex('J17455').includes('J1745'));
  assert.deepEqual(viaIndex('J174'), byScan('J174'));
});

test('spelled alike: nothing within two edits, or nothing the table can hold', () => {
  assert.deepEqual(viaIndex('ZZZZZ'), []);
  assert.deepEqual(byScan('ZZZZZ'), []);
  assert.deepEqual(viaIndex(''), byScan(''));
  assert.deepEqual(viaIndex('J1745-JZ-with-a-long-tail'), []);
  // characters the keys cannot spell: found once deleted
  assert.deepEqual(viaIndex('J1-45'), byScan('J1-45'));
  assert.deepEqual(viaIndex('j1745'), byScan('j1745'));
});

test('spelled alike: the first three come from the one-edit neighbours when there are three', () => {
  // J1745 is a code: itself at distance 0, then J1740, J1746 ... at one edit
  const near = index.nearest('J1745', 3);
  assert.ok(near.every((n) => n.distance <= 1));
  assert.ok(near.some((n) => n.code === 'J1745' && n.distance === 0));
  assert.deepEqual(closestOf('J1745', near), closestCodes('J1745', activeCodes));
  // nothing one edit from ZZZZZ: every code is tested
  assert.deepEqual(index.nearest('ZZZZZ', 3), []);
});

test('spelled alike: codes of other lengths and characters are scored too', () => {
  const small = new SpelledAlikeIndex(['A9604', 'A9606', 'CODE-1', 'LONGERCODE', 'ab', 'WXYZ0']);
  assert.deepEqual(small.within2('A9605').map((n) => n.code), ['A9604', 'A9606']);
  assert.deepEqual(small.within2('CODE-2'), [{ code: 'CODE-1', distance: 1 }]);
  assert.deepEqual(small.within2('LONGERCODX'), [{ code: 'LONGERCODE', distance: 1 }]);
  assert.deepEqual(small.within2('AB').map((n) => n.code), ['ab']);
  // W-Z share their bits with 0-3: the test lets more through, the exact score still decides
  assert.deepEqual(small.within2('WXYZ1'), [{ code: 'WXYZ0', distance: 1 }]);
  assert.deepEqual(small.within2('0123W'), []);
});

const codeChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVXYZ-a'.split(''));
const edit = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace', 'swap'), at: fc.nat(), char: codeChar });

test('spelled alike: the index agrees with scoring every active code (random edits of real codes)', () => {
  fc.assert(
    fc.property(fc.nat(activeCodes.length - 1), fc.array(edit, { maxLength: 3 }), (which, edits) => {
      let code = activeCodes[which];
      for (const e of edits) {
        const at = e.at % (code.length + 1);
        if (e.kind === 'insert') code = code.slice(0, at) + e.char + code.slice(at);
        else if (e.kind === 'delete') code = code.slice(0, at) + code.slice(at + 1);
        else if (e.kind === 'replace') code = code.slice(0, at) + e.char + code.slice(at + 1);
        else if (at + 1 < code.length) code = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
      }
      assert.deepEqual(viaIndex(code), byScan(code), code);
      // the first three, through the one-edit neighbours when there are three of them
      assert.deepEqual(closestOf(code, index.nearest(code, 3)), closestCodes(code, activeCodes), code);
      const oneEdit = index.oneEditAway(code).map((n) => `${n.code}:${n.distance}`).sort();
      assert.deepEqual(oneEdit, index.within2(code).filter((n) => n.distance <= 1).map((n) => `${n.code}:${n.distance}`).sort(), code);
    }),
    fuzz(400),
  );
});

test('spelled alike: the code set facts give the same three suggestions as scoring every active code', () => {
  const { codeSet } = loadCodeSet(dataDir);
  assert.ok(codeSet);
  const facts = codeSetFacts(codeSet);
  // many distinct unknown codes, each through the index
  const unknown = Array.from({ length: 270 }, (_, i) => `J${String(i * 37).padStart(4, '0')}`).filter((c) => !codeSet.procedure(c)).slice(0, 40);
  assert.equal(unknown.length, 40);
  for (const code of unknown) assert.deepEqual(facts.closestActiveCodes(code), closestCodes(code, activeCodes), code);
});
