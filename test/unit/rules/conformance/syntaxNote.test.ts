import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { syntaxNote, SYNTAX_NOTE } from '../../../../server/src/rules/conformance/syntaxNote';
import { edit, I, P, run } from './helpers';

describe(SYNTAX_NOTE, () => {
  test('fires on a communication number qualifier without its number (PER03/PER04 paired)', () => {
    const broken = edit(P, 'PER*IC*MARTA QUILL*TE*5555550142~', 'PER*IC*MARTA QUILL*TE*5555550142*EM~');
    const [f, ...rest] = run(syntaxNote, broken);
    assert.equal(rest.length, 0);
    assert.match(f.message, /PER05, PER06 go together: fill all of them or none\. \(X12 syntax note P0506\)/);
    assert.match(f.message, /IK4 error 2, conditional required data element missing/);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(syntaxNote, P), []);
    assert.deepEqual(run(syntaxNote, I), []);
  });
});
