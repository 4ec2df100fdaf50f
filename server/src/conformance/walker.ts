/**
 * The loop walker: places each segment in its loop instance the way the guide's loop-entry segments and their
 * qualifiers decide (NM1*85 opens 2010AA, HL*22 opens 2000B, CLM opens 2300, LX opens 2400), and reports what
 * does not fit: a segment out of order or not allowed where it stands, a segment or loop over its maximum, a
 * required segment or loop missing, an HL whose parent is not the level above it. Each placed segment's elements
 * are checked against the guide (elements.ts).
 *
 * A walk covers a stretch of segments from a known loop context (`startFrames`), so a claim can be checked on its
 * own: the claim's 2000B/2000C segments and its 2300 loop, starting inside 2000A or 2000B.
 *
 * Speed: a segment is compared only with the items of its id (LoopNode.byId), missing items are looked for among
 * the required ones only (LoopNode.required), one segment reader serves the whole walk, and a claim walk starts
 * from a copy of frames made once (startFrames). Protects "all diagnostics, 10 MB realistic" with the guide rules
 * (README benchmark: guide rules < +30%); the results are the same as without (test/unit/rules/conformance).
 */
import type { Span } from '../core/span';
import type { X12Document, X12Segment } from '../parse/x12';
import { checkSegmentElements, guideName, type CheckContext } from './elements';
import { segmentLooksClean } from './fastCheck';
import { entrySegmentOf, guideLoop, loopLabel, type ElementNode, type LoopNode, type SegmentNode } from './guides';
import { rejection, strictRejection, type GuideIssue } from './issues';

/**
 * Where the whitespace between the previous segment's terminator (char code `terminator`) and the segment id at
 * `offset` starts, when it holds a space or tab (a segment written with a leading blank, indented, or after a blank
 * left behind the terminator); -1 when it holds none (line breaks alone, or nothing).
 */
function blankRunBefore(text: string, offset: number, terminator: number): number {
  let p = offset - 1;
  let blank = false;
  while (p >= 0) {
    const c = text.charCodeAt(p);
    if (c === terminator) break;
    if (c === 32 || c === 9) blank = true;
    else if (c !== 10 && c !== 13) break;
    p--;
  }
  return blank ? p + 1 : -1;
}

export interface Frame {
  loop: LoopNode;
  /** Index of the item matched last (-1 before any). */
  cursor: number;
  /** How often each item appeared in this instance; -1: reported missing, or not this walk's business. */
  counts: number[];
  /** Segment index of the loop instance's first segment, -1 when it lies outside the walk. */
  entrySeg: number;
  /** HL01 of the instance, for HL loops. */
  hlId: string | null;
  /** HL04 of the instance. */
  hlChild: string | null;
}

export function newFrame(loop: LoopNode, entrySeg: number): Frame {
  // plain arrays: a typed array per loop instance cost more to allocate than the walk itself; a copy of the
  // loop's zeros is a packed array (cheaper to make and to read than a filled one)
  const counts = loop.zeroCounts.slice();
  return { loop, cursor: -1, counts, entrySeg, hlId: null, hlChild: null };
}

/**
 * Frames from the root down to `loops[last]`, each positioned at the next loop of the path; the innermost one
 * positioned so that the next segment may open its item `nextItem` (a loop or a segment id).
 */
export function framesAt(loops: LoopNode[], nextItem: string, hlIds: (string | null)[] = []): Frame[] {
  const frames: Frame[] = [];
  for (let d = 0; d < loops.length; d++) {
    const f = newFrame(loops[d], -1);
    f.hlId = hlIds[d] ?? null;
    const next = d + 1 < loops.length ? loops[d + 1] : null;
    const k = next ? loops[d].items.indexOf(next) : loops[d].items.findIndex((it) => (it.kind === 'loop' ? it.id : it.id) === nextItem);
    if (k >= 0) {
      f.cursor = k;
      if (next) f.counts[k] = 1;
      // the items before the cursor were seen (or are not this walk's business)
      for (let j = 0; j < k; j++) if (f.counts[j] === 0) f.counts[j] = -1;
    }
    frames.push(f);
  }
  return frames;
}

/** Frames made by framesAt for a path and next item, copied for each walk (a claim walk starts from one of three). */
const startTemplates = new WeakMap<LoopNode, Map<string, Frame[]>>();

/** framesAt for a walk that starts often from the same place (each claim): a copy of frames made once per guide. */
export function startFrames(loops: LoopNode[], nextItem: string, hlIds: (string | null)[]): Frame[] {
  const last = loops[loops.length - 1];
  let byNext = startTemplates.get(last);
  if (!byNext) startTemplates.set(last, (byNext = new Map()));
  let template = byNext.get(nextItem);
  if (!template) byNext.set(nextItem, (template = framesAt(loops, nextItem)));
  const out: Frame[] = [];
  for (let d = 0; d < template.length; d++) {
    const t = template[d];
    out.push({ loop: t.loop, cursor: t.cursor, counts: t.counts.slice(), entrySeg: t.entrySeg, hlId: hlIds[d] ?? null, hlChild: null });
  }
  return out;
}

/** The loop path of the first loop named `id` under `parent` (depth first). */
export function findLoop(root: LoopNode, ...ids: string[]): LoopNode[] | null {
  const path: LoopNode[] = [root];
  let cur = root;
  for (const id of ids) {
    const search = (l: LoopNode): LoopNode[] | null => {
      for (const it of l.items) {
        if (it.kind !== 'loop') continue;
        if (it.id === id) return [it];
        if (it.type === 'wrapper' || it.type === 'explicit') {
          const sub = search(it);
          if (sub) return [it, ...sub];
        }
      }
      return null;
    };
    const found = search(cur);
    if (!found) return null;
    path.push(...found);
    cur = found[found.length - 1];
  }
  return path;
}

/**
 * A segment as the walk sees it: its id and span read from the segment table, the qualifier it is matched by read
 * straight from the text, and the element objects made only when a check needs them.
 */
export class SegmentAt {
  id = '';
  offset = 0;
  end = 0;
  index = -1;
  private full: X12Segment | null = null;
  private qKey = -1;
  private qValue = '';

  constructor(
    readonly doc: X12Document,
    index: number,
  ) {
    this.at(index);
  }

  /** Point at segment `index` (the walker reads one segment at a time through one of these). */
  at(index: number): this {
    this.index = index;
    this.id = this.doc.segments.id(index);
    this.offset = this.doc.segments.starts[index];
    this.end = this.doc.segments.contentEnd(index);
    this.full = null;
    this.qKey = -1;
    return this;
  }

  get seg(): X12Segment {
    this.full ??= this.doc.segments.segment(this.index);
    return this.full;
  }

  get span(): Span {
    return { offset: this.offset, length: this.end - this.offset };
  }

  /** Where the last `bounds` call found its element or component: text [from, to). */
  from = 0;
  to = 0;

  /** Find element `seq` (component `comp`, 0 = the whole element; of the first repetition) in place: sets from / to. */
  bounds(seq: number, comp: number): void {
    const d = this.doc.delimiters!;
    const t = this.doc.text;
    const el = d.element.charCodeAt(0);
    let p = this.offset + this.id.length;
    for (let k = 0; k < seq; k++) {
      if (p >= this.end) {
        this.from = this.to = p;
        return;
      }
      p++;
      if (k < seq - 1) while (p < this.end && t.charCodeAt(p) !== el) p++;
    }
    let q = p;
    while (q < this.end && t.charCodeAt(q) !== el) q++;
    if (comp > 0) {
      // component `comp` of the first repetition, found in place (no split)
      const cc = d.component.charCodeAt(0);
      const rc = d.repetition ? d.repetition.charCodeAt(0) : -1;
      let e = p;
      while (e < q && t.charCodeAt(e) !== rc) e++;
      q = e;
      for (let c = 1; c < comp; c++) {
        while (p < q && t.charCodeAt(p) !== cc) p++;
        if (p >= q) {
          p = q;
          break;
        }
        p++;
      }
      e = p;
      while (e < q && t.charCodeAt(e) !== cc) e++;
      q = e;
    }
    this.from = p;
    this.to = q;
  }

  /** Element `seq` (component `comp`, 0 = the whole element) as text. */
  value(seq: number, comp: number): string {
    const key = seq * 64 + comp;
    if (key === this.qKey) return this.qValue;
    this.bounds(seq, comp);
    const v = this.doc.text.slice(this.from, this.to);
    this.qKey = key;
    this.qValue = v;
    return v;
  }
}

function matches(node: SegmentNode, seg: SegmentAt, strict: boolean): boolean {
  if (node.id !== seg.id) return false;
  if (!strict || !node.qualifier) return true;
  return node.qualifier.codes.has(seg.value(node.qualifier.seq, node.qualifier.comp));
}

/** The loops to open and the segment that opens them, when `loop`'s entry segment matches (compiled once). */
function entryOf(loop: LoopNode): { loops: LoopNode[]; seg: SegmentNode } | null {
  return loop.entry;
}

interface Match {
  depth: number;
  item: number;
  seg: SegmentNode;
  open: LoopNode[];
}

function search(frames: Frame[], seg: SegmentAt, strict: boolean, onlyTop: boolean): Match | null {
  // strict: the id and the qualifier match; loose (onlyTop): the id matches a segment of the current loop that has
  // not appeared yet (its qualifier is then reported as a wrong code). Only the items of the segment's id are
  // looked at (LoopNode.byId), in item order.
  for (let d = frames.length - 1; d >= 0; d--) {
    const f = frames[d];
    const items = f.loop.items;
    const candidates = f.loop.byId.get(seg.id);
    if (candidates !== undefined) {
      // a loop's first segment opens the next instance of the loop (in the parent frame), never repeats in this one
      const from = Math.max(f.cursor < 0 ? 0 : f.loop.groupStart[f.cursor], items[0]?.kind === 'segment' && f.counts[0] > 0 ? 1 : 0);
      for (let c = 0; c < candidates.length; c++) {
        const k = candidates[c];
        if (k < from) continue;
        const it = items[k];
        if (it.kind === 'segment') {
          if (matches(it, seg, strict) && (strict || f.counts[k] === 0)) return { depth: d, item: k, seg: it, open: [] };
        } else {
          const e = entryOf(it);
          if (e && matches(e.seg, seg, strict)) return { depth: d, item: k, seg: e.seg, open: e.loops };
        }
      }
    }
    if (onlyTop) return null;
  }
  return null;
}

/** Whether a segment id appears anywhere in a frame's loop (for "out of order"). */
function earlier(frames: Frame[], seg: SegmentAt): SegmentNode | null {
  for (let d = frames.length - 1; d >= 0; d--) {
    const f = frames[d];
    const candidates = f.loop.byId.get(seg.id);
    if (candidates === undefined) continue;
    const to = f.cursor < 0 ? 0 : f.loop.groupStart[f.cursor];
    for (let c = 0; c < candidates.length && candidates[c] < to; c++) {
      const it = f.loop.items[candidates[c]];
      if (it.kind === 'segment') return it;
    }
  }
  return null;
}

export interface WalkOptions {
  /** Close (check for missing items) the frames left at the end whose loop is at or below a loop with this id. */
  closeBelow?: string;
  /** Called with each segment's place (null when it fits nowhere). */
  onPlace?(segmentIndex: number, node: SegmentNode | null): void;
  /** Check elements (false: placement only, for hover). */
  elements?: boolean;
  /** Check each segment's layout (checkSegmentFormat; false: a shape walk, conformance/claimShapes.ts). */
  format?: boolean;
  /** HL01 of the HL segment before segment `i` in the same transaction (null for the first). */
  previousHl?(i: number): string | null;
}

function segSpan(seg: SegmentAt): Span {
  return seg.span;
}

function where(loop: LoopNode): string {
  const l = guideLoop(loop);
  return l.type ? l.name : `loop ${loopLabel(l)}`;
}

/**
 * Layout faults a translator rejects: a blank before the segment id, empty elements at the end. `loop` is the loop
 * the walk stands in before placing the segment (named in the issue).
 */
export function checkSegmentFormat(ctx: CheckContext, i: number, at: SegmentAt, loop: LoopNode | null): void {
  const text = ctx.doc.text;
  const d = ctx.doc.delimiters;
  let from = d ? blankRunBefore(text, at.offset, d.segment.charCodeAt(0)) : -1;
  if (from >= 0) {
    // from the first blank (the line breaks before it stay out of the finding)
    while (text.charCodeAt(from) !== 32 && text.charCodeAt(from) !== 9) from++;
    const run = text.slice(from, at.offset);
    const breaks = run.replace(/[ \t]/g, '');
    const n = run.length - breaks.length;
    const blanks = n === 1 ? 'a blank' : `${n} blanks`;
    // the blanks right before the id (a leading blank, or indentation when they start a line); any others were left
    // behind the previous terminator, before a line break
    let q = at.offset;
    while (q > from && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9)) q--;
    const direct = at.offset - q === n;
    const lineStart = direct && (q === 0 || text.charCodeAt(q - 1) === 10 || text.charCodeAt(q - 1) === 13);
    // Layout around a line break (indentation, a blank before the line break) is a warning: many translators strip
    // whitespace between lines, and a pretty-printed file has it on every segment, whose errors would crowd the
    // file's real errors out of the editor's 1,000 problems. A blank between two segments within a line is an error.
    const layout = lineStart || breaks.length > 0;
    // Format Document (features/formatting.ts) writes one segment per line without them, unless the terminator is itself a line break
    const hint = lineStart && d!.segment !== '\n' && d!.segment !== '\r' ? ' Format Document removes the indentation of every segment at once.' : '';
    const where = direct ? `The ${at.id} segment starts with ${blanks}.` : `${n === 1 ? 'A blank stands' : `${n} blanks stand`} between the previous segment's terminator and the ${at.id} segment.`;
    const reads = `${layout ? 'A strict translator reads' : 'A translator reads'} ${n === 1 ? 'the blank' : 'the blanks'} as part of the segment id and cannot recognize the segment.`;
    const receiver = layout
      ? ctx.rejection
        ? 'A strict translator refuses the segment, and with it its group or interchange; others strip the whitespace between lines.'
        : strictRejection({ ik304: '1' }).replace(/; others accept it\.$/, '; others strip the whitespace between lines.')
      : (ctx.rejection ?? rejection({ ik304: '1' }));
    ctx.issues.push({ kind: 'format', span: { offset: from, length: at.offset - from + at.id.length }, segmentIndex: i, message: `${where} ${reads} ${receiver}${hint}`, ack: { ik304: '1' }, loop, segment: null, element: null, severity: layout ? undefined : 'error', fix: {
      title: n === 1 ? 'Remove the blank' : 'Remove the blanks',
      edits: [{ span: { offset: from, length: run.length }, newText: breaks }],
    } });
  }
  if (!d || at.end <= at.offset + at.id.length || text.charCodeAt(at.end - 1) !== d.element.charCodeAt(0)) return;
  const seg = at.seg;
  const n = seg.elements.length;
  if (n > 0 && seg.elements[n - 1].value.length === 0) {
    let k = n - 1;
    while (k > 0 && seg.elements[k - 1].value.length === 0) k--;
    const from = k > 0 ? seg.elements[k - 1].offset + seg.elements[k - 1].length : seg.idSpan.offset + seg.idSpan.length;
    const to = seg.offset + seg.length;
    ctx.issues.push({ kind: 'format', span: { offset: from, length: to - from }, segmentIndex: i, message: `The ${seg.id} segment ends with ${n - k} empty element${n - k === 1 ? '' : 's'}: X12 wants trailing element separators left out. ${ctx.rejection ? 'A strict translator refuses the segment, and with it its group or interchange; others accept it.' : strictRejection({ ik304: '8' })}`, ack: { ik304: '8' }, loop, segment: null, element: null, fix: {
      title: 'Remove the trailing separators',
      edits: [{ span: { offset: from, length: to - from }, newText: '' }],
    } });
  }
}

/** The element checks of a segment placed at `node`: the quick pass, and the full check when it may find a fault. */
export function checkPlacedElements(ctx: CheckContext, seg: SegmentAt, i: number, node: SegmentNode): void {
  if (!segmentLooksClean(ctx.doc.text, seg.offset, seg.end, seg.id.length, node, ctx.guides, ctx.doc.delimiters!, ctx.guide.kind)) checkSegmentElements(ctx, seg.seg, i, node);
}

export class Walker {
  readonly frames: Frame[];
  private lastIndex = -1;
  /** The segment being placed (one reader, moved from segment to segment). */
  private readonly cur: SegmentAt | null;

  constructor(
    readonly ctx: CheckContext,
    frames: Frame[],
    readonly options: WalkOptions = {},
  ) {
    this.frames = frames;
    this.cur = ctx.doc.segments.count > 0 ? new SegmentAt(ctx.doc, 0) : null;
  }

  private spanOf(i: number): Span {
    if (i < 0) return { offset: 0, length: 0 };
    const segs = this.ctx.doc.segments;
    const offset = segs.starts[i];
    return { offset, length: segs.contentEnd(i) - offset };
  }

  private push(kind: GuideIssue['kind'], span: Span, segIndex: number, message: string, ack: GuideIssue['ack'], loop: LoopNode | null, node: SegmentNode | null, fix?: GuideIssue['fix'], element: ElementNode | null = null): void {
    this.ctx.issues.push({ kind, span, segmentIndex: segIndex, message: ack ? `${message} ${rejection(ack)}` : message, ack, loop, segment: node, element, fix });
  }

  /** Report the required items of frame `f` in [from, to) that never appeared. */
  private missingItems(f: Frame, from: number, to: number, atIndex: number): void {
    const required = f.loop.required;
    for (let r = 0; r < required.length; r++) {
      const k = required[r];
      if (k < from) continue;
      if (k >= to) break;
      const it = f.loop.items[k];
      if (f.counts[k] !== 0) continue;
      f.counts[k] = -1;
      const anchorIndex = f.entrySeg >= 0 ? f.entrySeg : atIndex;
      const anchor = this.spanOf(anchorIndex);
      if (it.kind === 'loop') {
        const e = entryOf(it);
        const q = e?.seg.qualifier && e.seg.qualifier.codes.size === 1 ? `${e.seg.id}*${[...e.seg.qualifier.codes][0]}` : (e?.seg.id ?? '');
        this.push(
          'loop-missing',
          anchor,
          anchorIndex,
          `${where(f.loop)} has no ${loopLabel(it)} loop (starting with ${q}), which ${guideName(this.ctx.guide)} requires here.`,
          { ik304: '3' },
          it,
          e?.seg ?? null,
        );
      } else {
        this.push('segment-missing', anchor, anchorIndex, `${where(f.loop)} has no ${it.id} ${it.name} segment, which ${guideName(this.ctx.guide)} requires.`, { ik304: '3' }, f.loop, it);
      }
    }
  }

  private close(f: Frame, atIndex: number): void {
    const from = f.cursor < 0 ? 0 : f.loop.groupStart[f.cursor];
    this.missingItems(f, from, f.loop.items.length, atIndex);
    this.checkLevelWithoutClaim(f);
  }

  /**
   * A hierarchical level that may hold claims (its 2300 loop is situational: the 2000B subscriber), says in HL04
   * that no level follows under it (0), and holds no claim: nothing under it for a payer to process. Seen when its
   * frame closes, which only the file walk does for such a level (a claim's walk never closes the levels above its
   * claim), so a subscriber with claims is never looked at here.
   */
  private checkLevelWithoutClaim(f: Frame): void {
    if (f.entrySeg < 0 || f.hlChild !== '0') return;
    const items = f.loop.items;
    let claims = -1;
    for (let k = 0; k < items.length; k++) if (items[k].kind === 'loop' && items[k].id === '2300') claims = k;
    if (claims < 0 || items[claims].usage !== 'S' || f.counts[claims] !== 0) return;
    const claimLoop = items[claims] as LoopNode;
    const message = `${where(f.loop)} holds no claim: it has no ${where(claimLoop)}, and its HL04 0 says no level follows under it. When the patient is the subscriber the claim goes in this loop, so the payer gets a subscriber with nothing to process (a claim deleted and its subscriber left behind?). Add the claim, or remove the loop.`;
    this.push('level-without-claim', this.spanOf(f.entrySeg), f.entrySeg, message, null, f.loop, entrySegmentOf(f.loop));
  }

  /** Place and check segment `i`. */
  step(i: number): void {
    const frames = this.frames;
    const seg = this.cur!.at(i);
    if (this.options.format !== false) checkSegmentFormat(this.ctx, i, seg, frames[frames.length - 1]?.loop ?? null);
    let m = search(frames, seg, true, false);
    if (!m) m = search(frames, seg, false, true);
    if (!m) {
      const prior = earlier(frames, seg);
      const top = frames[frames.length - 1];
      if (prior) {
        this.push('unexpected-segment', segSpan(seg), i, `${seg.id} is out of order in ${where(top.loop)}: ${guideName(this.ctx.guide)} puts ${seg.id} ${prior.name} before the segments already given.`, { ik304: '7' }, top.loop, prior);
      } else {
        this.push('unexpected-segment', segSpan(seg), i, `${seg.id} is not allowed here (${where(top.loop)}) in ${guideName(this.ctx.guide)}.`, { ik304: '2' }, top.loop, null);
      }
      this.options.onPlace?.(i, null);
      this.lastIndex = i;
      return;
    }
    // close the frames above the match
    while (frames.length - 1 > m.depth) this.close(frames.pop()!, i);
    const f = frames[m.depth];
    const k = m.item;
    if (f.cursor >= 0 && k > f.cursor) this.missingItems(f, f.loop.groupStart[f.cursor], f.loop.groupStart[k], i);
    else if (f.cursor < 0) this.missingItems(f, 0, f.loop.groupStart[k], i);
    if (k > f.cursor) f.cursor = k;
    f.counts[k] = f.counts[k] < 0 ? 1 : f.counts[k] + 1;
    const item = f.loop.items[k];
    let node = m.seg;
    if (m.open.length > 0) {
      const loop = item as LoopNode;
      if (loop.repeat >= 0 && f.counts[k] > loop.repeat) {
        this.push('repeat', segSpan(seg), i, `${loopLabel(loop)} appears more often than the ${loop.repeat} time${loop.repeat === 1 ? '' : 's'} ${guideName(this.ctx.guide)} allows in ${where(f.loop)}.`, { ik304: '4' }, loop, node);
      }
      for (let d = 0; d < m.open.length; d++) {
        const nf = newFrame(m.open[d], i);
        if (d + 1 < m.open.length) {
          nf.cursor = 0;
          nf.counts[0] = 1;
        } else {
          nf.cursor = 0;
          nf.counts[0] = 1;
        }
        frames.push(nf);
      }
      if (seg.id === 'HL') this.checkHierarchy(i, seg, node);
      if (seg.id === 'LX' && m.open[0].id === '2400' && seg.value(1, 0) !== String(f.counts[k])) this.checkLineNumber(i, seg.seg, f.counts[k], node);
    } else if (node.max >= 0 && f.counts[k] > node.max) {
      this.push('repeat', segSpan(seg), i, `${seg.id} ${node.name} is used ${f.counts[k]} times in ${where(f.loop)}; ${guideName(this.ctx.guide)} allows ${node.max}.`, { ik304: '5' }, f.loop, node);
    }
    if (node.usage === 'N') {
      this.push('unexpected-segment', segSpan(seg), i, `${seg.id} ${node.name} is marked Not Used in ${where(node.loop)} by ${guideName(this.ctx.guide)}.`, { ik304: 'I4' }, node.loop, node, {
        title: `Remove the ${seg.id} segment`,
        edits: [{ span: { offset: seg.offset, length: seg.end - seg.offset + (seg.seg.terminatorOffset >= 0 ? 1 : 0) }, newText: '' }],
      });
    }
    this.options.onPlace?.(i, node);
    if (this.options.elements !== false) checkPlacedElements(this.ctx, seg, i, node);
    this.lastIndex = i;
  }

  private checkLineNumber(i: number, seg: X12Segment, n: number, node: SegmentNode): void {
    const lx = seg.elements[0];
    if (!lx || !lx.value || lx.value === String(n)) return;
    this.push('numbering', lx, i, `${where(node.loop)}: LX01 is ${lx.value}, but this is service line ${n} of the claim. Service lines are numbered 1, 2, 3 ... in order, and the payer's line-level answers (835 LX / SVC) refer to these numbers.`, { ik304: '8', ik403: '7', seq: 1, badValue: lx.value }, node.loop, node, {
      title: `Set LX01 to ${n}`,
      edits: [{ span: { offset: lx.offset, length: lx.length }, newText: String(n) }],
    });
  }

  private checkHierarchy(i: number, at: SegmentAt, node: SegmentNode): void {
    const frames = this.frames;
    const me = frames[frames.length - 1];
    const id = at.value(1, 0);
    const parentId = at.value(2, 0);
    me.hlId = id || null;
    me.hlChild = at.value(4, 0) || null;
    let parentFrame: Frame | null = null;
    for (let d = frames.length - 2; d >= 0; d--) if (frames[d].hlId !== null || entrySegmentOf(frames[d].loop)?.id === 'HL') {
      parentFrame = frames[d];
      break;
    }
    const prev = this.options.previousHl?.(i);
    const expected = prev === undefined ? null : prev === null ? '1' : /^\d+$/.test(prev) ? String(Number(prev) + 1) : null;
    const fine = (!id || expected === null || id === expected) && (!parentFrame || !parentFrame.hlId || ((!parentId || parentId === parentFrame.hlId) && parentFrame.hlChild !== '0'));
    if (!fine) this.reportHierarchy(i, at.seg, node);
  }

  private reportHierarchy(i: number, seg: X12Segment, node: SegmentNode): void {
    const frames = this.frames;
    const hl01 = seg.elements[0];
    if (hl01 && hl01.value && this.options.previousHl) {
      const prev = this.options.previousHl(i);
      const expected = prev === null ? '1' : /^\d+$/.test(prev) ? String(Number(prev) + 1) : null;
      if (expected !== null && hl01.value !== expected) {
        this.push('numbering', hl01, i, `${where(node.loop)}: HL01 is ${hl01.value}, but ${prev === null ? 'the first HL of a transaction is 1' : `the HL before it is ${prev}`}: hierarchical IDs count up by one (${expected} expected here), and the receiver follows HL02 by these numbers.`, { ik304: '8', ik403: '7', seq: 1, badValue: hl01.value }, node.loop, node);
      }
    }
    let parent: Frame | null = null;
    for (let d = frames.length - 2; d >= 0; d--) {
      if (frames[d].hlId !== null || entrySegmentOf(frames[d].loop)?.id === 'HL') {
        parent = frames[d];
        break;
      }
    }
    const hl02 = seg.elements[1];
    if (parent && parent.hlId) {
      if (hl02 && hl02.value && hl02.value !== parent.hlId) {
        this.push('hierarchy', hl02, i, `${where(node.loop)}: HL02 says its parent is HL ${hl02.value}, but the level above it (${where(parent.loop)}) is HL ${parent.hlId}. The receiver cannot tie this level to its parent.`, { ik304: '8', ik403: '7', seq: 2, badValue: hl02.value }, node.loop, node, {
          title: `Set HL02 to ${parent.hlId}`,
          edits: [{ span: { offset: hl02.offset, length: hl02.length }, newText: parent.hlId }],
        });
      }
      // a level whose HL04 may not be 0 at all (2000A: only 1) is x12/code-value's, once, on that HL04 with its fix;
      // saying it again here would put a second fault (and a second 999 IK3, on the child's HL) on one value
      const parentHl04 = entrySegmentOf(parent.loop)?.elsBySeq[4] ?? null;
      if (parent.hlChild === '0' && !(parentHl04?.codes && !parentHl04.codes.has('0'))) this.reportChildlessParent(parent, i, seg, node);
    }
  }

  /**
   * A parent level whose HL04 says it has no child levels (0) with a level under it (HL `i`, `seg`): the fault is the
   * parent's HL04, so the finding, its 999 (IK3 on the parent's HL, IK4 HL04) and the fix "Set HL04 to 1" are there.
   * Said once per parent, however many levels follow under it.
   */
  private reportChildlessParent(parent: Frame, i: number, seg: X12Segment, node: SegmentNode): void {
    const parentNode = entrySegmentOf(parent.loop);
    parent.hlChild = null;
    const message = `${where(parent.loop)} says in HL04 that it has no child levels (0), but ${where(node.loop)} follows under it. Set HL04 to 1.`;
    const ack = { ik304: '8', ik403: '7', seq: 4, badValue: '0' };
    if (parent.entrySeg < 0) {
      // the parent's HL lies outside this walk (not seen: its HL04 was not read): the child's HL is all there is to point at
      this.push('hierarchy', { offset: seg.offset, length: seg.length }, i, message, ack, parent.loop, node);
      return;
    }
    const hl = new SegmentAt(this.ctx.doc, parent.entrySeg);
    hl.bounds(4, 0);
    const hl04 = { offset: hl.from, length: hl.to - hl.from };
    const fix = hl04.length > 0 ? { title: 'Set HL04 to 1', edits: [{ span: hl04, newText: '1' }] } : undefined;
    this.push('hierarchy', hl04, parent.entrySeg, message, ack, parent.loop, parentNode, fix, parentNode?.elsBySeq[4] ?? null);
  }

  /** Move frame `depth` on to its item `item` (a claim walked on its own stands there), reporting what it skipped. */
  advance(depth: number, item: number, i: number): void {
    const f = this.frames[depth];
    if (item > f.cursor) {
      this.missingItems(f, f.cursor < 0 ? 0 : f.loop.groupStart[f.cursor], f.loop.groupStart[item], i);
      f.cursor = item;
    }
  }

  /** Close (report missing items of) the frames deeper than `depth`, as segment `i` leaves them. */
  closeAbove(depth: number, i: number): void {
    while (this.frames.length - 1 > depth) this.close(this.frames.pop()!, i);
  }

  /** Close the frames the walk opened at or below a loop with id `closeBelow`. */
  finish(): void {
    const stop = this.options.closeBelow;
    if (!stop) return;
    while (this.frames.length > 0) {
      const top = this.frames[this.frames.length - 1];
      let inside = false;
      for (let l: LoopNode | null = top.loop; l; l = l.parent) if (l.id === stop) inside = true;
      if (!inside) break;
      this.close(this.frames.pop()!, this.lastIndex);
    }
  }
}
