import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentFormat, SEGMENT_FORMAT } from '../../../../server/src/rules/conformance/segmentFormat';
import { applyFix, at, edit, I, P, run } from './helpers';

describe(SEGMENT_FORMAT, () => {
  test('fires on a segment written with a leading blank; the fix removes it', () => {
    const broken = edit(P, '\nN3*220 ORCHARD AVENUE~', '\n N3*220 ORCHARD AVENUE~');
    const [f, ...rest] = run(segmentFormat, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), ' N3');
    assert.equal(applyFix(broken, f.fixes![0]), P);
    // a blank before the id is a real rejection: the translator cannot read the segment
    assert.match(f.message, /The clearinghouse rejects the transaction set with a 999 \(IK3 error 1, /);
    // so it is an error, though the rule's default (trailing separators) is a warning
    assert.equal(f.severity, 'error');
  });

  test('fires on trailing element separators; the fix removes them', () => {
    const broken = edit(P, 'N3*220 ORCHARD AVENUE~', 'N3*220 ORCHARD AVENUE**~');
    const [f] = run(segmentFormat, broken);
    assert.equal(at(broken, f), '**');
    assert.match(f.message, /ends with 2 empty elements/);
    // a warning: many receivers accept trailing separators, so the message says a strict one rejects, not that the clearinghouse does
    assert.equal(segmentFormat.defaultSeverity, 'warning');
    assert.equal(f.severity, undefined);
    assert.match(f.message, /A strict clearinghouse rejects the transaction set with a 999 \(IK3 error 8, .+\) before any payer sees the claim; others accept it\./);
    assert.doesNotMatch(f.message, /The clearinghouse rejects/);
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(segmentFormat, P), []);
    assert.deepEqual(run(segmentFormat, I), []);
  });
});
