/** Code values as numbers (conformance/codeKeys.ts): the same answer as the string set, for any text. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeKey, codeMatcher, inCodes } from '../../../server/src/conformance/codeKeys';
import { fuzz } from '../../robustness/helpers';

const chars = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZaz*:^ -.é'.split(''));
const word = fc.array(chars, { minLength: 0, maxLength: 7 }).map((x) => x.join(''));

test('in the code list by number exactly when by string', () => {
  fc.assert(
    fc.property(fc.array(word, { maxLength: 12 }), word, word, word, (codes, before, value, after) => {
      const set = new Set([...codes, value.slice(1)]);
      const text = before + value + after;
      assert.equal(inCodes(text, before.length, before.length + value.length, codeMatcher(set)), set.has(value));
      // a list whose every code has a number
      const keyed = new Set([...set].filter((c) => codeKey(c, 0, c.length) >= 0));
      assert.equal(inCodes(text, before.length, before.length + value.length, codeMatcher(keyed)), keyed.has(value));
    }),
    fuzz(2000),
  );
});

test('distinct short codes get distinct numbers', () => {
  assert.notEqual(codeKey('1', 0, 1), codeKey('01', 0, 2));
  assert.notEqual(codeKey('A0', 0, 2), codeKey('0A', 0, 2));
  assert.equal(codeKey('ZZZZZ', 0, 5) < 2 ** 30, true);
  assert.equal(codeKey('ABCDEF', 0, 6), -1);
  assert.equal(codeKey('ab', 0, 2), -1);
  assert.equal(codeKey('', 0, 0), -1);
});
