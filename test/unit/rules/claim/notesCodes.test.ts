/**
 * hcpcs/unknown-code and hcpcs/terminated-code in clinical notes: only mentions the text plainly names as HCPCS.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unknownCode } from '../../../../server/src/rules/claim/unknownCode';
import { terminatedCode } from '../../../../server/src/rules/claim/terminatedCode';
import { at, codeSet, noteFixture, run } from '../notes/helpers';

test('unknown-code fires on a code the note plainly names as HCPCS but the code set lacks', () => {
  const text = noteFixture('ambiguous-codes.note.md');
  const findings = run(unknownCode, text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'hcpcs/unknown-code');
  assert.equal(at(text, findings[0]), 'Q9999');
  assert.ok(findings[0].span.offset > text.indexOf('HCPCS Q9999'), 'the billed one, not the reference number');
  assert.match(findings[0].message, /^Q9999 is not a HCPCS Level II code in the 2026-01 release \(read as HCPCS: after 'HCPCS'\)/);
});

test('unknown-code must not fire on IDs, lot numbers, ICD-10-CM codes and known codes', () => {
  assert.deepEqual(run(unknownCode, 'Visit ID A1234. Lot B4471. Lumbar radiculopathy M5416. Billed A9600 x 4.'), []);
});

test('unknown-code in a note: no code is offered as a fix; the codes spelled alike are named as different services', () => {
  const text = 'Billed A9605-JZ today.';
  const [finding] = run(unknownCode, text);
  assert.ok(finding);
  assert.deepEqual(finding.fixes ?? [], []);
  assert.match(finding.message, /Codes spelled alike are different services, not corrections: A9604 \(/);
});

test('terminated-code fires in a note for a code terminated before the fallback date, with its replacement as the fix', () => {
  const terminated = codeSet.allProcedures().find((r) => r.terminated && r.terminated < '2026-02-10' && r.crossReference.length === 1);
  assert.ok(terminated, 'the fixture code set has a terminated code with one cross-reference');
  const text = `Billed ${terminated.code}-JZ for the infusion.`;
  const findings = run(terminatedCode, text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'hcpcs/terminated-code');
  assert.equal(findings[0].fixes?.[0].edits[0].newText, terminated.crossReference[0]);
  assert.deepEqual(run(terminatedCode, 'Billed A9600-JZ for the dose.'), [], 'an active code does not fire');
});
