import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noteUnknownCode } from '../../../../server/src/rules/notes/unknownCode';
import { at, noteFixture, run } from './helpers';

test('a code the note plainly names as HCPCS but the code set lacks', () => {
  const text = noteFixture('ambiguous-codes.note.md');
  const findings = run(noteUnknownCode, text);
  assert.equal(findings.length, 1);
  assert.equal(at(text, findings[0]), 'Q9999');
  assert.ok(findings[0].span.offset > text.indexOf('HCPCS Q9999'), 'the billed one, not the reference number');
  assert.match(findings[0].message, /^Q9999 is not a HCPCS Level II code in the 2026-01 release \(read as HCPCS: after 'HCPCS'\)/);
});

test('must not fire: IDs, lot numbers, ICD-10-CM codes and known codes', () => {
  assert.deepEqual(run(noteUnknownCode, 'Visit ID A1234. Lot B4471. Lumbar radiculopathy M5416. Billed A9600 x 4.'), []);
});
