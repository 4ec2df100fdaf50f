/**
 * What the claim model keeps across an edit must not keep the earlier version's text alive. V8 makes a slice of 13
 * characters or more a view into the whole string, and the envelopes (ISA, GS, ST values) are carried from version
 * to version (model/incremental.ts): an ISA08 slice kept the first version of a 10 MB file in memory for as long as
 * it stayed open. Measured here as the heap after an edit, with only the new version referenced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type ClaimFileAnalysis } from '../../../server/src/analysis';
import type { CodeSet } from '../../../server/src/codeset/types';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'claims', '837p-oncology.837');
const PAD = 8_000_000;

test('after an edit, the first version of a big file is not kept by the envelopes carried over', () => {
  const fixture = fs.readFileSync(FIXTURE, 'utf8');
  // a big file: a long note in the first claim (the checker does not run here, only the parse and the model)
  const firstClaim = fixture.indexOf('\n', fixture.indexOf('CLM*')) + 1;
  const before = heapUsed();
  let text: string | undefined = fixture.slice(0, firstClaim) + `NTE*ADD*${'X'.repeat(PAD)}~\n` + fixture.slice(firstClaim);
  // the notes scan is the only use of the code set, and it runs only when asked
  const cache = new AnalysisCache({} as CodeSet);
  let first: TextDocument | undefined = TextDocument.create('file:///big.837', 'x12', 1, text);
  text = undefined;
  assert.equal(cache.get(first).kind, 'claim');
  // an edit in the last claim's patient control number: the incremental path (the envelopes are carried over)
  const at = first.getText().lastIndexOf('CLM*') + 4;
  const second = TextDocument.update(first, [{ range: { start: first.positionAt(at), end: first.positionAt(at) }, text: 'Z' }], 2);
  first = undefined;
  const edited = cache.get(second) as ClaimFileAnalysis;
  assert.equal(edited.claimFile.interchanges[0].receiverId?.value, 'CLEARHOUSE01   ');
  assert.equal(edited.claimFile.interchanges[0].senderId?.value, 'SUNVALEONC     ');
  const grown = heapUsed() - before;
  // one version's text (8 MB) and its model; two texts would be 16 MB
  assert.ok(grown < PAD * 1.5, `the heap grew by ${(grown / 1e6).toFixed(1)} MB: more than one version's text is kept`);
  assert.equal(edited.version, 2);
});
