/**
 * Claim walks reused by shape. A claim's placement in the guide's loops and its structural findings (a loop or
 * segment missing, a segment out of order or not allowed, a repeat, a Not Used segment) depend only on its "shape":
 * where its walk starts, the sequence of its segment ids, the qualifier values that decide loop entry and placement
 * (NM101, HL03, DTP01 ...), and how its HL01/HL02/HL04 and LX01 relate to the ids and counts the walk compares
 * them with. Claims of one shape (most claims of a batch look alike) reuse the first one's walk: its placement and
 * structural issues, re-based to the claim's segment indexes; only the per-segment checks run for each claim
 * (layout, and the element checks at the segment's place).
 *
 * A shape whose walk gave an issue that is not just "this segment" (a hierarchy or numbering message quoting
 * values, an element span) is kept as "walk again": those claims are walked in full, as before.
 *
 * Memo per compiled guide (bounded, cleared when full), the way guides/patterns.ts keeps compiled patterns; it
 * holds no document text (segment ids are interned, messages are made of guide names).
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (guide rules < +30% over the
 * figure without them; bench/guideCost.ts). The issues are the same as a walk's, in the same order
 * (test/unit/conformance/claimShapes.test.ts compares both on the fixtures and on mutated claims).
 */
import type { LoopNode, SegmentNode, CompiledGuide } from './guides';
import type { CheckContext } from './elements';
import type { GuideIssue } from './issues';
import { IRREGULAR_SEGMENT_ID, segmentIdCode } from '../parse/x12';
import { codeKey as codeKeyOf } from './codeKeys';
import { checkPlacedElements, checkSegmentFormat, SegmentAt, startFrames, Walker } from './walker';

/** Where a claim's walk starts (conformance/check.ts claimStart). */
export interface ClaimStart {
  guide: CompiledGuide;
  /** Which of the four start places (opens a 2000B, opens a 2000C, under a 2000C, under a 2000B). */
  variant: number;
  /** The walk's first segment. */
  first: number;
  path: LoopNode[];
  nextItem: string;
  hlIds: (string | null)[];
  /** HL01 of the billing provider, subscriber and patient levels of the claim (null: none). */
  ids: (string | null)[];
  previousHl: (seg: number) => string | null;
}

/** A structural issue of a shape: the issue of its first claim, with the segment it is about relative to the walk. */
interface ShapeIssue {
  /** The step (relative segment) it was reported at; the segment count for the walk's end. */
  step: number;
  /** The segment it is about (span and segmentIndex), relative to the walk's first segment. */
  rel: number;
  /** Whether its fix removes that segment (the Not Used fix). */
  removes: boolean;
  issue: GuideIssue;
}

interface Shape {
  tokens: Int32Array;
  /** false: walk claims of this shape in full. */
  reusable: boolean;
  /** Each segment's place (null: it fits nowhere). */
  nodes: (SegmentNode | null)[];
  /** The loop the walk stood in before each segment (named by a layout issue). */
  loops: (LoopNode | null)[];
  issues: ShapeIssue[];
}

interface ShapeMemo {
  /** By segment id number (dense small numbers): the (seq, comp) pairs of the qualifiers of the guide's segments of that id. */
  qualifiers: ({ seq: number; comp: number }[] | undefined)[];
  byHash: Map<number, Shape[]>;
  size: number;
  hl: number;
  lx: number;
}

/** Shapes kept per guide before the memo is cleared (a few hundred in a real batch). */
const MAX_SHAPES = 4096;
/** HL levels a claim walk may hold and still be keyed (each is a candidate parent of the next). */
const MAX_HL = 24;

const memos = new WeakMap<CompiledGuide, ShapeMemo>();

// bound once: from source (tsx) every use of an imported name is a getter call (docs/architecture.md)
const IRREGULAR = IRREGULAR_SEGMENT_ID;
const codeKey = codeKeyOf;

function memoFor(guide: CompiledGuide): ShapeMemo {
  let m = memos.get(guide);
  if (m) return m;
  const qualifiers: ({ seq: number; comp: number }[] | undefined)[] = [];
  const visit = (loop: LoopNode): void => {
    for (const it of loop.items) {
      if (it.kind === 'loop') {
        visit(it);
        continue;
      }
      if (!it.qualifier) continue;
      const code = segmentIdCode(it.id);
      if (code === IRREGULAR) continue;
      const list = qualifiers[code] ?? [];
      if (!list.some((q) => q.seq === it.qualifier!.seq && q.comp === it.qualifier!.comp)) list.push({ seq: it.qualifier.seq, comp: it.qualifier.comp });
      while (qualifiers.length < code) qualifiers.push(undefined);
      qualifiers[code] = list;
    }
  };
  visit(guide.root);
  m = { qualifiers, byHash: new Map(), size: 0, hl: segmentIdCode('HL'), lx: segmentIdCode('LX') };
  memos.set(guide, m);
  return m;
}

/**
 * The key of a claim walk, written to `KEY` (written and read within one call: nothing outlives it). Returns its
 * length, or -1 when the claim is not keyed (an irregular segment id, too many HL levels).
 */
let KEY = new Int32Array(1024);
let keyLength = 0;

/** The FNV-1a hash of the key so far, kept as it is written. */
let keyHash = 0;

function put(v: number): void {
  keyHash = Math.imul(keyHash ^ v, 16777619);
  if (keyLength === KEY.length) {
    const bigger = new Int32Array(KEY.length * 2);
    bigger.set(KEY);
    KEY = bigger;
  }
  KEY[keyLength++] = v;
}

/**
 * Text [s, e) into the key, read in place: a short code as its number (codeKeys.ts, >= 0), else -1 - its length
 * followed by its characters (a value is told apart from the tokens after it by its first token).
 */
function putText(t: string, s: number, e: number): void {
  const k = codeKey(t, s, e);
  if (k >= 0) {
    put(k);
    return;
  }
  put(-1 - (e - s));
  for (let i = s; i < e; i++) put(t.charCodeAt(i));
}

/**
 * HL01 against the number the walk expects after the HL before it (walker.ts checkHierarchy: "1" after none, the
 * previous number plus one after a number, nothing expected after anything else): 1 nothing expected, 2 as
 * expected, 3 another. Read without a regular expression or a number made into a string.
 */
function hl01Against(hl01: string, prev: string | null): number {
  if (prev === null) return hl01 === '1' ? 2 : 3;
  if (prev.length === 0 || prev.length > 15) return prev.length === 0 ? 1 : hl01Slow(hl01, prev);
  let n = 0;
  for (let k = 0; k < prev.length; k++) {
    const c = prev.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return 1;
    n = n * 10 + c;
  }
  n++;
  // hl01 === String(n): digits, no leading zero, the same number
  if (hl01.length > 16 || hl01.charCodeAt(0) === 48) return 3;
  let m = 0;
  for (let k = 0; k < hl01.length; k++) {
    const c = hl01.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return 3;
    m = m * 10 + c;
  }
  return m === n ? 2 : 3;
}

/** hl01Against for numbers past 15 digits, as the walk compares them. */
function hl01Slow(hl01: string, prev: string): number {
  const expected = /^\d+$/.test(prev) ? String(Number(prev) + 1) : null;
  return expected === null ? 1 : hl01 === expected ? 2 : 3;
}

/** 0 null, 1 empty, 2 a value. */
function presence(v: string | null): number {
  return v === null ? 0 : v === '' ? 1 : 2;
}

function shapeKey(ctx: CheckContext, start: ClaimStart, last: number, memo: ShapeMemo, at: SegmentAt): number {
  keyLength = 0;
  keyHash = 0x811c9dc5 | 0;
  const segs = ctx.doc.segments;
  const text = ctx.doc.text;
  const ids = start.ids;
  put(start.variant);
  put(presence(ids[0]) * 9 + presence(ids[1]) * 3 + presence(ids[2]));
  // the values an HL02 may be compared with: the claim's levels, then each HL01 of the walk (null when empty)
  const candidates: (string | null)[] = [ids[0], ids[1], ids[2]];
  for (let i = start.first; i <= last; i++) {
    const code = segs.idCodes[i];
    if (code === IRREGULAR) return -1;
    put(code);
    const qs = code < memo.qualifiers.length ? memo.qualifiers[code] : undefined;
    if (qs === undefined && code !== memo.lx) continue;
    at.at(i);
    if (qs !== undefined)
      for (let q = 0; q < qs.length; q++) {
        at.bounds(qs[q].seq, qs[q].comp);
        putText(text, at.from, at.to);
      }
    // LX01 is compared with the line's number
    if (code === memo.lx) {
      at.bounds(1, 0);
      putText(text, at.from, at.to);
    }
    if (code === memo.hl) {
      if (candidates.length >= 3 + MAX_HL) return -1;
      // HL01 against the number expected after the level before it (walker.ts checkHierarchy)
      const hl01 = at.value(1, 0);
      put(!hl01 ? 0 : hl01Against(hl01, start.previousHl(i)));
      // HL02: which candidates it equals
      const hl02 = at.value(2, 0);
      let mask = hl02 ? 1 : 0;
      for (let c = 0; c < candidates.length; c++) if (hl02 && candidates[c] === hl02) mask |= 2 << c;
      put(mask);
      const hl04 = at.value(4, 0);
      put(!hl04 ? 0 : hl04 === '0' ? 1 : 2);
      candidates.push(hl01 || null);
    }
  }
  return keyLength;
}

function sameKey(tokens: Int32Array, n: number): boolean {
  if (tokens.length !== n) return false;
  for (let i = 0; i < n; i++) if (tokens[i] !== KEY[i]) return false;
  return true;
}

function segmentSpanEquals(ctx: CheckContext, i: number, span: { offset: number; length: number }): boolean {
  const segs = ctx.doc.segments;
  return span.offset === segs.starts[i] && span.length === segs.contentEnd(i) - segs.starts[i];
}

/** The span of removing segment `i` with its terminator (walker.ts, the Not Used fix). */
function removalSpan(ctx: CheckContext, at: SegmentAt): { offset: number; length: number } {
  return { offset: at.offset, length: at.end - at.offset + (at.seg.terminatorOffset >= 0 ? 1 : 0) };
}

/** Walk a claim for its shape: placement and structural issues only, recorded step by step. */
function record(ctx: CheckContext, start: ClaimStart, last: number, tokens: Int32Array, at: SegmentAt): Shape {
  const n = last - start.first + 1;
  const nodes: (SegmentNode | null)[] = new Array(n).fill(null);
  const loops: (LoopNode | null)[] = new Array(n).fill(null);
  const raw: GuideIssue[] = [];
  const steps: number[] = [];
  const walkCtx: CheckContext = { doc: ctx.doc, guides: ctx.guides, guide: ctx.guide, issues: raw };
  const w = new Walker(walkCtx, startFrames(start.path, start.nextItem, start.hlIds), {
    closeBelow: '2300',
    previousHl: start.previousHl,
    elements: false,
    format: false,
    onPlace: (i, node) => {
      nodes[i - start.first] = node;
    },
  });
  for (let r = 0; r < n; r++) {
    loops[r] = w.frames[w.frames.length - 1]?.loop ?? null;
    w.step(start.first + r);
    while (steps.length < raw.length) steps.push(r);
  }
  w.finish();
  while (steps.length < raw.length) steps.push(n);
  let reusable = true;
  const issues: ShapeIssue[] = [];
  for (let k = 0; k < raw.length; k++) {
    const issue = raw[k];
    const i = issue.segmentIndex;
    if (issue.kind === 'hierarchy' || issue.kind === 'numbering' || i < start.first || i > last || !segmentSpanEquals(ctx, i, issue.span)) {
      reusable = false;
      break;
    }
    let removes = false;
    if (issue.fix) {
      const e = issue.fix.edits;
      const r = removalSpan(ctx, at.at(i));
      removes = e.length === 1 && e[0].newText === '' && e[0].span.offset === r.offset && e[0].span.length === r.length;
      if (!removes) {
        reusable = false;
        break;
      }
    }
    issues.push({ step: steps[k], rel: i - start.first, removes, issue });
  }
  return { tokens, reusable, nodes, loops, issues: reusable ? issues : [] };
}

/** A shape's issue for the claim whose walk starts at segment `first`. */
function rebased(ctx: CheckContext, s: ShapeIssue, first: number, at: SegmentAt): GuideIssue {
  const i = first + s.rel;
  const segs = ctx.doc.segments;
  const offset = segs.starts[i];
  const issue: GuideIssue = { ...s.issue, span: { offset, length: segs.contentEnd(i) - offset }, segmentIndex: i };
  if (s.removes) issue.fix = { title: s.issue.fix!.title, edits: [{ span: removalSpan(ctx, at.at(i)), newText: '' }] };
  return issue;
}

/** The claim's issues from its shape: layout, then the shape's issues of the step, then the element checks. */
function replay(ctx: CheckContext, shape: Shape, first: number, at: SegmentAt): void {
  const out = ctx.issues;
  const n = shape.nodes.length;
  const si = shape.issues;
  let c = 0;
  for (let r = 0; r < n; r++) {
    const i = first + r;
    at.at(i);
    checkSegmentFormat(ctx, i, at, shape.loops[r]);
    if (c < si.length && si[c].step === r) {
      while (c < si.length && si[c].step === r) out.push(rebased(ctx, si[c++], first, at));
      at.at(i);
    }
    const node = shape.nodes[r];
    if (node) checkPlacedElements(ctx, at, i, node);
  }
  while (c < si.length) out.push(rebased(ctx, si[c++], first, at));
}

/** The issues of a claim walked from `start` to `last`, into ctx.issues: by its shape when it has been seen. */
export function checkClaimByShape(ctx: CheckContext, start: ClaimStart, last: number): void {
  const memo = memoFor(ctx.guide);
  const at = new SegmentAt(ctx.doc, start.first);
  const n = shapeKey(ctx, start, last, memo, at);
  let shape: Shape | undefined;
  if (n >= 0) {
    const h = keyHash;
    const list = memo.byHash.get(h);
    if (list) for (let k = 0; k < list.length && !shape; k++) if (sameKey(list[k].tokens, n)) shape = list[k];
    if (!shape) {
      if (memo.size >= MAX_SHAPES) {
        memo.byHash.clear();
        memo.size = 0;
      }
      shape = record(ctx, start, last, KEY.slice(0, n), at);
      const l = memo.byHash.get(h);
      if (l) l.push(shape);
      else memo.byHash.set(h, [shape]);
      memo.size++;
    }
  }
  if (shape && shape.reusable) {
    replay(ctx, shape, start.first, at);
    return;
  }
  const w = new Walker(ctx, startFrames(start.path, start.nextItem, start.hlIds), { closeBelow: '2300', previousHl: start.previousHl });
  for (let i = start.first; i <= last; i++) w.step(i);
  w.finish();
}
