/**
 * The segments the guide allows next, from the walker's loop state after the segments before the cursor
 * (check.ts framesAfter): what the current loop instance still allows after its last placed item (in guide order,
 * within the maximum use), the entry segments of the child loops allowed there, and then the same for each
 * enclosing loop the walk would close to reach its following items. Pure: reads the frames, changes nothing.
 */
import { guideLoop, type LoopNode, type SegmentNode } from './guides';
import type { Frame } from './walker';

export interface NextSegment {
  /** The guide's segment (for a loop: its entry segment). */
  node: SegmentNode;
  /** The loop this segment opens (null: a segment of the loop it stands in). */
  opens: LoopNode | null;
  /** The real (guide) loop the segment belongs to: the opened loop, else the frame's loop. */
  loop: LoopNode;
  /** Usage of the item in its frame: a loop's usage for its entry segment (NM1*82 opens a Situational 2310B). */
  usage: string;
  /** Required and not yet present in the current (innermost) loop instance. */
  missingRequired: boolean;
  /** Depth of the frame that offers it (frames.length - 1: the current loop instance). */
  depth: number;
}

/** Items of frame `f` that may come next, in guide order. */
function allowedIn(f: Frame, depth: number, innermost: boolean, out: NextSegment[]): void {
  const items = f.loop.items;
  // the items of the cursor's position group may come in any order (walker.ts search does the same)
  const from = f.cursor < 0 ? 0 : f.loop.groupStart[f.cursor];
  for (let k = from; k < items.length; k++) {
    const it = items[k];
    if (it.usage === 'N') continue;
    const count = Math.max(f.counts[k], 0);
    if (it.kind === 'segment') {
      // a loop's first segment opens the loop's next instance (offered by the parent frame), never repeats in this one
      if (k === 0) continue;
      if (it.max >= 0 && count >= it.max) continue;
      out.push({ node: it, opens: null, loop: guideLoop(f.loop), usage: it.usage, missingRequired: innermost && it.usage === 'R' && f.counts[k] === 0, depth });
    } else {
      const entry = it.entry;
      if (!entry || (it.repeat >= 0 && count >= it.repeat)) continue;
      const opened = entry.loops[entry.loops.length - 1];
      out.push({ node: entry.seg, opens: opened, loop: guideLoop(opened), usage: it.usage, missingRequired: innermost && it.usage === 'R' && f.counts[k] === 0, depth });
    }
  }
}

/** Everything that may follow the walked segments, the current loop instance first, then the enclosing loops outwards. */
export function nextSegments(frames: readonly Frame[]): NextSegment[] {
  const out: NextSegment[] = [];
  for (let d = frames.length - 1; d >= 0; d--) allowedIn(frames[d], d, d === frames.length - 1, out);
  return out;
}
