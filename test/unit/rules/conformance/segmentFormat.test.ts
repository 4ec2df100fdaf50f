import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentFormat, SEGMENT_FORMAT } from '../../../../server/src/rules/conformance/segmentFormat';
import { applyFix, at, edit, I, P, run } from './helpers';

describe(SEGMENT_FORMAT, () => {
  test('fires on a segment written with a leading blank inside a line; an error, and the fix removes it', () => {
    const broken = edit(P, '~\nN3*220 ORCHARD AVENUE~', '~ N3*220 ORCHARD AVENUE~');
    const [f, ...rest] = run(segmentFormat, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), ' N3');
    assert.equal(applyFix(broken, f.fixes![0]), edit(P, '~\nN3*220 ORCHARD AVENUE~', '~N3*220 ORCHARD AVENUE~'));
    // a blank between two segments of one line is a real rejection: the translator cannot read the segment
    assert.match(f.message, /^The N3 segment starts with a blank\. A translator reads the blank as part of the segment id/);
    assert.match(f.message, /The clearinghouse rejects the transaction set with a 999 \(IK3 error 1, /);
    assert.doesNotMatch(f.message, /Format Document/);
    // so it is an error, though the rule's default (trailing separators, line layout) is a warning
    assert.equal(f.severity, 'error');
  });

  test('an indented segment (a pretty-printed file): one finding over the whole indentation, whose fix removes all of it, and the message points to Format Document', () => {
    const broken = edit(P, '\nN3*220 ORCHARD AVENUE~', '\n    N3*220 ORCHARD AVENUE~');
    const [f, ...rest] = run(segmentFormat, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '    N3');
    // layout, a warning: many translators strip it, and a pretty-printed file's errors would hide its real ones
    assert.equal(f.severity, undefined);
    assert.equal(segmentFormat.defaultSeverity, 'warning');
    assert.match(f.message, /^The N3 segment starts with 4 blanks\. A strict translator reads the blanks as part of the segment id/);
    assert.match(f.message, /A strict clearinghouse rejects the transaction set with a 999 \(IK3 error 1, .+\) before any payer sees the claim; others strip the whitespace between lines\./);
    assert.doesNotMatch(f.message, /The clearinghouse rejects/);
    assert.match(f.message, /Format Document removes the indentation of every segment at once\.$/);
    assert.equal(f.fixes![0].title, 'Remove the blanks');
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('a single blank at a line start is indentation too; the fix removes it', () => {
    const broken = edit(P, '\nN3*220 ORCHARD AVENUE~', '\n N3*220 ORCHARD AVENUE~');
    const [f] = run(segmentFormat, broken);
    assert.equal(at(broken, f), ' N3');
    assert.equal(f.severity, undefined);
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('the envelope segments too (the walk starts at ST): a blank before GS, trailing separators on GE, each saying what the receiver refuses', () => {
    const gs = P.slice(P.indexOf('\nGS*') + 1, P.indexOf('~', P.indexOf('\nGS*')) + 1);
    const blank = edit(P, `\n${gs}`, `\n  ${gs}`);
    const [f, ...rest] = run(segmentFormat, blank);
    assert.equal(rest.length, 0);
    assert.equal(at(blank, f), '  GS');
    assert.equal(f.severity, undefined);
    assert.match(f.message, /A strict translator refuses the segment, and with it its group or interchange; others strip the whitespace between lines\./);
    // within a line, the receiver's plain refusal of the group
    const inLine = edit(P, `~\n${gs}`, `~ ${gs}`);
    const [e] = run(segmentFormat, inLine);
    assert.equal(e.severity, 'error');
    assert.match(e.message, /The clearinghouse rejects the functional group with every claim in it/);
    assert.equal(applyFix(blank, f.fixes![0]), P);
    const ge = P.slice(P.indexOf('\nGE*') + 1, P.indexOf('~', P.indexOf('\nGE*')));
    const trailing = edit(P, `${ge}~`, `${ge}*~`);
    const [g] = run(segmentFormat, trailing);
    assert.equal(at(trailing, g), '*');
    assert.equal(g.severity, undefined);
    assert.match(g.message, /A strict translator refuses the segment, and with it its group or interchange; others accept it\./);
    assert.equal(applyFix(trailing, g.fixes![0]), P);
  });

  test('a blank left behind the previous terminator, before the line break: the translator reads it as part of the next id too', () => {
    const broken = edit(P, '~\nN3*220 ORCHARD AVENUE~', '~ \nN3*220 ORCHARD AVENUE~');
    const [f, ...rest] = run(segmentFormat, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), ' \nN3');
    assert.equal(f.severity, undefined);
    assert.match(f.message, /^A blank stands between the previous segment's terminator and the N3 segment\. A strict translator reads the blank as part of the segment id/);
    assert.doesNotMatch(f.message, /Format Document/);
    assert.equal(applyFix(broken, f.fixes![0]), P);
  });

  test('line breaks alone between segments are not blanks (CRLF, a blank line)', () => {
    assert.deepEqual(run(segmentFormat, P.replace(/\n/g, '\r\n')), []);
    assert.deepEqual(run(segmentFormat, edit(P, '~\nN3*220 ORCHARD AVENUE~', '~\n\nN3*220 ORCHARD AVENUE~')), []);
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
