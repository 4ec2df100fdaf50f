/** nextSegments: what may follow, read from walker frames (the loop tree of the committed 837P guide). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextSegments } from '../../../server/src/conformance/nextSegments';
import { findLoop, framesAt } from '../../../server/src/conformance/walker';
import { implementationGuides } from '../rules/conformance/helpers';

const g = implementationGuides.guide('005010X222A1')!;
const path2400 = findLoop(g.root, 'GS_LOOP', 'ST_LOOP', 'DETAIL', '2000A', '2000B', '2300', '2400')!;

describe('nextSegments', () => {
  test('right after LX: the 2400 items in guide order, SV1 first; the required DTP*472 marked missing; LX only as a new 2400', () => {
    const frames = framesAt(path2400, 'LX');
    const next = nextSegments(frames);
    const top = next.filter((n) => n.depth === frames.length - 1);
    assert.equal(top[0].node.id, 'SV1');
    assert.ok(top.some((n) => n.node.id === 'DTP' && n.node.qualifier?.codes.has('472') && n.missingRequired));
    assert.ok(!top.some((n) => n.node.id === 'LX'), 'the loop entry never repeats inside its instance');
    const lx = next.find((n) => n.node.id === 'LX')!;
    assert.equal(lx.opens?.id, '2400');
    assert.equal(lx.depth, frames.length - 2, 'offered by 2300: the next 2400');
    assert.ok(!next.some((n) => n.missingRequired && n.depth < frames.length - 1), 'missing is said of the current loop only');
  });

  test('a segment at its maximum use is not offered again; nothing is changed in the frames', () => {
    const frames = framesAt(path2400, 'LX');
    const f = frames[frames.length - 1];
    const sv1 = f.loop.items.findIndex((it) => it.kind === 'segment' && it.id === 'SV1');
    f.cursor = sv1;
    f.counts[sv1] = 1;
    const before = JSON.stringify(f.counts);
    const next = nextSegments(frames).filter((n) => n.depth === frames.length - 1);
    assert.ok(!next.some((n) => n.node.id === 'SV1'));
    assert.ok(next.some((n) => n.node.id === 'DTP'));
    assert.equal(JSON.stringify(f.counts), before);
  });
});
