/**
 * The implementation-guide loop instances of a claim file, for the outline and folding: each loop the guide places a
 * run of segments in (2010AA Billing Provider Name, 2000B Subscriber Hierarchical Level, 2310B Rendering Provider
 * Name, 2420A ...), with its first and last segment and the loops inside it. Read from the conformance walk's
 * placements (onPlace, elements not checked), per claim for the claim's own units and once for the rest of the file.
 * Plain functions: the caller decides how many claims are worth walking (symbols.ts and folding.ts stop at
 * LOOP_DETAIL_MAX_CLAIMS, so the 10 MB documentSymbol and foldingRange figures never pay for it).
 */
import type { Claim, ClaimFile } from '../model/claim';
import type { X12Document } from '../parse/x12';
import { checkClaimConformance, checkFileConformance } from '../conformance/check';
import type { ImplementationGuides, LoopNode, SegmentNode } from '../conformance/guides';

/** Up to this many claims in a file the outline and folding show the guide's loops; a bigger file keeps its claim-level outline. */
export const LOOP_DETAIL_MAX_CLAIMS = 1000;

export interface LoopInstance {
  loop: LoopNode;
  /** Segment numbers of its first and last segment (the loops inside included). */
  first: number;
  last: number;
  children: LoopInstance[];
}

function isAncestor(a: LoopNode, of: LoopNode): boolean {
  for (let l = of.parent; l; l = l.parent) if (l === a) return true;
  return false;
}

/** Collects placements (in segment order) into loop instances; `roots()` gives the outermost ones. */
function instanceBuilder(): { onPlace: (i: number, node: SegmentNode | null) => void; roots: () => LoopInstance[] } {
  const roots: LoopInstance[] = [];
  const stack: LoopInstance[] = [];
  const pop = (): void => {
    const done = stack.pop()!;
    const parent = stack[stack.length - 1];
    if (parent && done.last > parent.last) parent.last = done.last;
  };
  const open = (loop: LoopNode, i: number): void => {
    while (stack.length && !isAncestor(stack[stack.length - 1].loop, loop)) pop();
    const inst: LoopInstance = { loop, first: i, last: i, children: [] };
    (stack.length ? stack[stack.length - 1].children : roots).push(inst);
    stack.push(inst);
  };
  const onPlace = (i: number, node: SegmentNode | null): void => {
    if (!node) {
      if (stack.length) stack[stack.length - 1].last = i;
      return;
    }
    const loop = node.loop;
    if (node.index === 0) return open(loop, i);
    let at = stack.length - 1;
    while (at >= 0 && stack[at].loop !== loop) at--;
    if (at < 0) return open(loop, i);
    while (stack.length - 1 > at) pop();
    stack[at].last = i;
  };
  return {
    onPlace,
    roots: () => {
      while (stack.length) pop();
      return roots;
    },
  };
}

/** A loop of the guide's own (2010AA, 2300 ...), not a wrapper or the envelope's ISA/GS/ST loops. */
export function isGuideLoop(loop: LoopNode): boolean {
  return loop.type === null;
}

/** The guide loops of a list of instances: the envelope and wrapper loops are looked through. */
export function guideLoopsOf(instances: readonly LoopInstance[]): LoopInstance[] {
  return instances.flatMap((x) => (isGuideLoop(x.loop) ? [x] : guideLoopsOf(x.children)));
}

/** The loops of one claim's walk: its 2000B/2000C levels when it is their first claim, its 2300 with all below. */
export function claimLoops(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, claim: Claim): LoopInstance[] {
  const b = instanceBuilder();
  checkClaimConformance(guides, doc, file, claim, b.onPlace);
  return guideLoopsOf(b.roots());
}

/** The loops outside the claims: 1000A/1000B, each 2000A with its 2010A loops. */
export function fileLoops(guides: ImplementationGuides, doc: X12Document, file: ClaimFile): LoopInstance[] {
  const b = instanceBuilder();
  checkFileConformance(guides, doc, file, b.onPlace);
  return guideLoopsOf(b.roots());
}

/** An HL level loop (2000A, 2000B, 2000C): shown by its own segments, its lower levels and claims beside it. */
export function isLevelLoop(loop: LoopNode): boolean {
  return loop.entry?.seg.id === 'HL';
}

/** The last segment of a level's own part: before its first lower level or claim. */
export function ownLast(x: LoopInstance): number {
  for (const c of x.children) if (isLevelLoop(c.loop) || c.loop.id === '2300') return c.first - 1;
  return x.last;
}
