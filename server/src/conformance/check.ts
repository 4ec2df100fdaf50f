/**
 * Conformance of a claim file to its implementation guide, in two parts so an edit re-checks only what it touched:
 * - per claim: the claim's own 2000B/2000C segments (when the claim is the first under them) and its 2300 loop
 *   with everything below it, walked from the loop context the claim index gives;
 * - per file: the envelope, the header loops (BHT, 1000A/1000B), each 2000A billing provider with its 2010A
 *   loops and the trailers, walking around the claims.
 */
import type { Claim, ClaimFile, Transaction } from '../model/claim';
import type { X12Document } from '../parse/x12';
import { checkSegmentElements, guideName, type CheckContext } from './elements';
import { entrySegmentOf, loopLabel, type CompiledGuide, type ElementNode, type ImplementationGuides, type LoopNode, type SegmentNode } from './guides';
import { rejection, type GuideIssue } from './issues';
import { checkClaimByShape, type ClaimStart } from './claimShapes';
import { checkSegmentFormat, findLoop, framesAt, newFrame, SegmentAt, startFrames, Walker, type Frame } from './walker';

/** The HIPAA-adopted version ids, and the guide that checks a claim kind when the file names another. */
const FALLBACK: Record<string, string> = { '837P': '005010X222A1', '837I': '005010X223A2' };

export interface GuideChoice {
  guide: CompiledGuide;
  /** The version id the file gives (ST03, else GS08), '' when none. */
  declared: string;
  /** Whether the declared id is the guide's own. */
  exact: boolean;
}

function groupOf(file: ClaimFile, tx: Transaction): { version: string } {
  for (const x of file.interchanges) for (const g of x.groups) if (g.transactions.includes(tx)) return { version: g.version?.value ?? '' };
  return { version: '' };
}

export function guideForTransaction(guides: ImplementationGuides, file: ClaimFile, tx: Transaction): GuideChoice | null {
  const declared = tx.implementationReference?.value || groupOf(file, tx).version;
  const exact = guides.guide(declared);
  if (exact && (exact.kind === '837P' || exact.kind === '837I')) return { guide: exact, declared, exact: true };
  let kind = tx.kind === 'unknown' ? '' : tx.kind;
  if (!kind) {
    if (/X222/.test(declared)) kind = '837P';
    else if (/X223/.test(declared)) kind = '837I';
  }
  const g = kind ? guides.guide(FALLBACK[kind]) : undefined;
  return g ? { guide: g, declared, exact: false } : null;
}

function transactionAt(file: ClaimFile, segment: number): Transaction | null {
  for (const x of file.interchanges) for (const g of x.groups) for (const t of g.transactions) if (t.firstSegment <= segment && segment <= t.lastSegment) return t;
  return null;
}

/** The loop paths a claim walk starts from, found once per guide (the tree never changes). */
interface ClaimPaths {
  p2000A: LoopNode[] | null;
  p2000B: LoopNode[] | null;
  p2000C: LoopNode[] | null;
}
const pathsByGuide = new WeakMap<CompiledGuide, ClaimPaths>();
function claimPaths(g: CompiledGuide): ClaimPaths {
  let p = pathsByGuide.get(g);
  if (!p) {
    p = {
      p2000A: findLoop(g.root, 'GS_LOOP', 'ST_LOOP', 'DETAIL', '2000A'),
      p2000B: findLoop(g.root, 'GS_LOOP', 'ST_LOOP', 'DETAIL', '2000A', '2000B'),
      p2000C: findLoop(g.root, 'GS_LOOP', 'ST_LOOP', 'DETAIL', '2000A', '2000B', '2000C'),
    };
    pathsByGuide.set(g, p);
  }
  return p;
}

function pathOrNull(g: CompiledGuide, ...ids: string[]): LoopNode[] | null {
  const p = claimPaths(g);
  const last = ids[ids.length - 1];
  return last === '2000A' ? p.p2000A : last === '2000B' ? p.p2000B : last === '2000C' ? p.p2000C : findLoop(g.root, 'GS_LOOP', 'ST_LOOP', ...ids);
}

/** HL01 of the HL level before segment `seg` in its transaction (from the claim index: no scan). */
function previousHlOf(doc: X12Document, file: ClaimFile, txFirst: number): (seg: number) => string | null {
  const levels = file.claims.index.levelSeg;
  return (seg) => {
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (levels[mid] < seg) lo = mid + 1;
      else hi = mid;
    }
    const prev = lo - 1;
    if (prev < 0 || levels[prev] < txFirst) return null;
    return hl01At(doc, levels[prev]);
  };
}

/**
 * HL01 of the HL segment `seg`, read in place (segment(i) would make every element of the HL): null when the HL has
 * no element at all.
 */
export function hl01At(doc: X12Document, seg: number): string | null {
  const segs = doc.segments;
  const t = doc.text;
  const end = segs.contentEnd(seg);
  const sep = doc.delimiters!.element.charCodeAt(0);
  let p = segs.starts[seg];
  while (p < end && t.charCodeAt(p) !== sep) p++;
  if (p >= end) return null;
  let q = p + 1;
  while (q < end && t.charCodeAt(q) !== sep) q++;
  return t.slice(p + 1, q);
}

/** What a claim's conformance walk reads of the claim: its segments and the HL levels above it (HL01, where the HL is). */
export interface ClaimBounds {
  readonly firstSegment: number;
  readonly lastSegment: number;
  readonly billingProvider: { readonly id: { readonly value: string } } | null;
  readonly subscriber: { readonly segmentIndex: number; readonly id: { readonly value: string } } | null;
  readonly patient: { readonly segmentIndex: number; readonly id: { readonly value: string } } | null;
}

/**
 * The 2300 loop's conformance issues for one claim (its 2000B/2000C segments included when it is their first claim).
 * Without `onPlace` a claim whose shape was walked before reuses that walk (conformance/claimShapes.ts), unless
 * `reuseShapes` is false (the tests compare both).
 */
export function checkClaimConformance(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, claim: ClaimBounds, onPlace?: (segmentIndex: number, node: SegmentNode | null) => void, reuseShapes = true): GuideIssue[] {
  const start = claimStart(guides, doc, file, claim);
  if (!start) return [];
  const ctx: CheckContext = { doc, guides, guide: start.guide, issues: [] };
  if (!onPlace && reuseShapes) {
    checkClaimByShape(ctx, start, claim.lastSegment);
    return ctx.issues;
  }
  const w = new Walker(ctx, startFrames(start.path, start.nextItem, start.hlIds), { closeBelow: '2300', previousHl: start.previousHl, onPlace, elements: !onPlace });
  for (let i = start.first; i <= claim.lastSegment; i++) w.step(i);
  w.finish();
  return ctx.issues;
}

/** The walker a claim is checked with, standing before the claim's first segment (its 2000B/2000C when it opens them). */
function claimWalk(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, claim: Claim, onPlace?: (segmentIndex: number, node: SegmentNode | null) => void): { w: Walker; start: number } | null {
  const start = claimStart(guides, doc, file, claim);
  if (!start) return null;
  const ctx: CheckContext = { doc, guides, guide: start.guide, issues: [] };
  const w = new Walker(ctx, startFrames(start.path, start.nextItem, start.hlIds), { closeBelow: '2300', previousHl: start.previousHl, onPlace, elements: !onPlace });
  return { w, start: start.first };
}

/** Where a claim's walk starts: its first segment (its 2000B/2000C when it opens them) and the loop context there. */
function claimStart(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, claim: ClaimBounds): ClaimStart | null {
  const tx = transactionAt(file, claim.firstSegment);
  if (!tx || !doc.delimiters) return null;
  const choice = guideForTransaction(guides, file, tx);
  if (!choice) return null;
  const g = choice.guide;
  const index = file.claims.index;
  const k = index.claimIndexAtSegment(claim.firstSegment);
  const prevLast = k > 0 && index.claimTx[k - 1] === index.claimTx[k] ? index.claimLast[k - 1] : tx.firstSegment;
  const sub = claim.subscriber?.segmentIndex ?? -1;
  const pat = claim.patient?.segmentIndex ?? -1;
  const ids = [claim.billingProvider?.id.value ?? null, claim.subscriber?.id.value ?? null, claim.patient?.id.value ?? null];
  const p2000A = pathOrNull(g, 'DETAIL', '2000A');
  if (!p2000A) return null;
  const hlIdsFor = (path: LoopNode[]): (string | null)[] =>
    path.map((l) => (l.id === '2000A' ? ids[0] : l.id === '2000B' ? ids[1] : l.id === '2000C' ? ids[2] : null));
  const previousHl = previousHlOf(doc, file, tx.firstSegment);
  const at = (variant: number, first: number, path: LoopNode[], nextItem: string): ClaimStart => ({ guide: g, variant, first, path, nextItem, hlIds: hlIdsFor(path), ids, previousHl });
  if (sub > prevLast && sub < claim.firstSegment) return at(0, sub, p2000A, '2000B');
  const p2000B = pathOrNull(g, 'DETAIL', '2000A', '2000B');
  if (!p2000B) return null;
  if (pat > prevLast && pat < claim.firstSegment) return at(1, pat, p2000B, '2000C');
  if (pat >= 0) {
    const p2000C = pathOrNull(g, 'DETAIL', '2000A', '2000B', '2000C');
    if (!p2000C) return null;
    return at(2, claim.firstSegment, p2000C, '2300');
  }
  return at(3, claim.firstSegment, p2000B, '2300');
}

/** Issues of everything outside the claims: ST, the header loops, each 2000A with its 2010A loops, SE. */
/** Envelope elements whose code list is not checked: ISA11 is the repetition separator in 00501 (as the 00501
 * control map has it; the transaction maps still list the 4010 standards identifier "U"); GS08, the version, is
 * x12/guide-version's to judge, once (as ST03 is). */
const UNLISTED: Record<string, number> = { ISA: 11, GS: 8 };

/** The envelope segment `id` of the guide's root (ISA, IEA) or of its GS_LOOP (GS, GE). */
function envelopeNode(g: CompiledGuide, id: string): SegmentNode | null {
  const gs = findLoop(g.root, 'GS_LOOP')?.at(-1);
  const node = [...g.root.items, ...(gs?.items ?? [])].find((it): it is SegmentNode => it.kind === 'segment' && it.id === id);
  const seq = UNLISTED[id];
  if (!node || !seq) return node ?? null;
  const free = (e: ElementNode): ElementNode => (e.seq === seq ? { ...e, codes: null } : e);
  // its own quick-check plan (the copy's elements differ)
  return { ...node, els: node.els.map(free), elsBySeq: node.elsBySeq.map((e) => e && free(e)), quick: null };
}

/** The guide of the interchange's first transaction that has one. */
function firstGuideOf(guides: ImplementationGuides, file: ClaimFile, x: ClaimFile['interchanges'][number]): CompiledGuide | null {
  for (const grp of x.groups) {
    for (const tx of grp.transactions) {
      const choice = guideForTransaction(guides, file, tx);
      if (choice) return choice.guide;
    }
  }
  return null;
}

/**
 * The elements of an interchange's ISA and IEA and of its groups' GS and GE, against the guide of the interchange's
 * first transaction with a guide (the envelope is the same in every 00501 guide): a bad ISA09 date, an ISA01 that is
 * not 00 or 03. The walk itself starts at ST, so these were checked by no one (issue 11's single-fault corpus).
 */
function checkEnvelopeElements(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, x: ClaimFile['interchanges'][number], out: GuideIssue[]): void {
  const g = firstGuideOf(guides, file, x);
  if (!g) return;
  // what the receiver does: an interchange header it cannot read is refused whole (TA1), a group header with its group
  const interchange: CheckContext = { doc, guides, guide: g, issues: out, rejection: 'The clearinghouse rejects the whole interchange (a TA1 acknowledgment) before it reads any claim.' };
  const group: CheckContext = { ...interchange, rejection: 'The clearinghouse rejects the functional group with every claim in it (a 999 with AK9 R).' };
  const check = (segIndex: number, id: string) => {
    if (segIndex < 0 || segIndex >= doc.segments.count || doc.segments.id(segIndex) !== id) return;
    // the layout too (a blank before GS, trailing separators on GE): the walk, which checks it, starts at ST; a
    // blank before ISA is the parser's (text before the interchange)
    if (id !== 'ISA') checkSegmentFormat(id === 'IEA' ? interchange : group, segIndex, new SegmentAt(doc, segIndex), null);
    const node = envelopeNode(g, id);
    if (node) checkSegmentElements(id === 'ISA' || id === 'IEA' ? interchange : group, doc.segments.segment(segIndex), segIndex, node);
  };
  check(x.firstSegment, 'ISA');
  for (const grp of x.groups) {
    check(grp.firstSegment, 'GS');
    check(grp.lastSegment, 'GE');
  }
  check(x.lastSegment, 'IEA');
}

/**
 * Element bounds of HL01..HL04 of segment `i`, read in place: HL0n spans text [b[2n], b[2n + 1]) (empty when the
 * segment has fewer elements).
 */
function readHl(doc: X12Document, i: number, sep: number, b: Int32Array): void {
  const t = doc.text;
  const segs = doc.segments;
  const end = segs.contentEnd(i);
  let p = segs.starts[i];
  while (p < end && t.charCodeAt(p) !== sep) p++;
  for (let n = 1; n <= 4; n++) {
    if (p >= end) {
      b[2 * n] = b[2 * n + 1] = end;
      continue;
    }
    const from = ++p;
    while (p < end && t.charCodeAt(p) !== sep) p++;
    b[2 * n] = from;
    b[2 * n + 1] = p;
  }
}

/** Whether text [a, a + n) equals text [b, b + n). */
function sameText(t: string, a: number, b: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (t.charCodeAt(a + k) !== t.charCodeAt(b + k)) return false;
  return true;
}

/**
 * HL04 "1" (subordinate HL segments follow) on a level with no child level: the HL after it in the transaction is
 * not under it (X12 writes the levels depth first, so a level's first child is the next HL). Read from the claim
 * index's HL list (its level kinds are HL03: 2000A, 2000B, 2000C by depth), the HL elements in place. The opposite
 * (HL04 "0" with a child) is the walker's (walker.ts reportHierarchy), except on 2000A, whose HL04 may only be 1:
 * x12/code-value reports that, with its fix.
 * Part of the file walk's issues, which are walked again after any edit that touches an HL segment
 * (model/incremental.ts rebuilds then), so adding or removing the child level updates the finding.
 */
function checkChildLevels(doc: X12Document, file: ClaimFile, tx: Transaction, g: CompiledGuide, out: GuideIssue[]): void {
  const levels = tx.hierarchy;
  const index = file.claims.index;
  const { p2000A, p2000B, p2000C } = claimPaths(g);
  const loops = [p2000A?.at(-1) ?? null, p2000B?.at(-1) ?? null, p2000C?.at(-1) ?? null];
  const t = doc.text;
  const sep = doc.delimiters!.element.charCodeAt(0);
  const kinds = index.levelKind;
  const here = new Int32Array(10);
  const next = new Int32Array(10);
  for (let j = levels.from; j < levels.to; j++) {
    const segIndex = index.levelSeg[j];
    readHl(doc, segIndex, sep, here);
    // HL04 is "1"
    if (here[9] - here[8] !== 1 || t.charCodeAt(here[8]) !== 49) continue;
    const depth = kinds[j];
    const loop = depth < loops.length ? loops[depth] : null;
    if (!loop) continue;
    if (j + 1 < levels.to) {
      // the next HL is this one's child: its HL02 is this HL01, or it is a deeper level
      readHl(doc, index.levelSeg[j + 1], sep, next);
      const idLength = here[3] - here[2];
      if (idLength > 0 && next[5] - next[4] === idLength && sameText(t, here[2], next[4], idLength)) continue;
      const childDepth = kinds[j + 1];
      if (childDepth < loops.length && childDepth > depth) continue;
    }
    const node = entrySegmentOf(loop);
    const def = node?.elsBySeq[4] ?? null;
    // a level whose HL04 may not be 1 at all (2000C): x12/code-value says so
    if (def?.codes && !def.codes.has('1')) continue;
    const hl04 = { offset: here[8], length: 1 };
    const child = depth + 1 < loops.length ? loops[depth + 1] : null;
    const ack: GuideIssue['ack'] = { ik304: '8', ik403: '7', seq: 4, badValue: '1' };
    const name = guideName(g);
    out.push({
      kind: 'hierarchy',
      span: hl04,
      segmentIndex: segIndex,
      message: `loop ${loopLabel(loop)} says in HL04 that child levels follow (1), but no ${child ? `loop ${loopLabel(child)}` : 'level'} comes under it. ${name[0].toUpperCase()}${name.slice(1)} wants HL04 0 when no subordinate HL segment follows; the receiver cannot build the hierarchy the file announces. Set HL04 to 0 (or add the missing level). ${rejection(ack)}`,
      ack,
      loop,
      segment: node,
      element: def,
      fix: { title: 'Set HL04 to 0', edits: [{ span: hl04, newText: '0' }] },
    });
  }
}

export function checkFileConformance(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, onPlace?: (segmentIndex: number, node: SegmentNode | null) => void): GuideIssue[] {
  const out: GuideIssue[] = [];
  if (!doc.delimiters) return out;
  const index = file.claims.index;
  for (const x of file.interchanges) {
    if (!onPlace) checkEnvelopeElements(guides, doc, file, x, out);
    for (const grp of x.groups) {
      // GS08 is what a receiver reads to choose the guide for the whole group: told once, where it is wrong
      let gs08Told = false;
      let groupGuide: CompiledGuide | null = null;
      for (const tx of grp.transactions) {
        const choice = guideForTransaction(guides, file, tx);
        if (!choice) continue;
        const g = choice.guide;
        groupGuide ??= g;
        const ctx: CheckContext = { doc, guides, guide: g, issues: out };
        if (!choice.exact) {
          const at = tx.implementationReference ?? grp.version;
          // the same wrong id in GS08: one notice, and its fix mends both
          const gs08 = grp.version && grp.version !== at && grp.version.value === choice.declared && grp.version.length > 0 ? grp.version : null;
          if (gs08 || at === grp.version) gs08Told = true;
          const edits = [at, gs08].filter((s): s is NonNullable<typeof s> => !!s && s.length > 0).map((s) => ({ span: { offset: s.offset, length: s.length }, newText: g.id }));
          out.push({
            kind: 'version',
            span: at ? { offset: at.offset, length: at.length } : tx.stSpan,
            segmentIndex: tx.firstSegment,
            message: `${choice.declared ? `"${choice.declared}" is not a HIPAA-adopted version id` : 'The transaction names no version id'} for the ${g.kind}; this file is checked against ${guideName(g)}, the version HIPAA adopted (with its addenda). A clearinghouse refuses a version it does not accept: send ${g.id} in GS08 and ST03.`,
            ack: null,
            loop: null,
            segment: null,
            element: null,
            fix: edits.length > 0 ? { title: `Use ${g.id}`, edits } : undefined,
          });
        }
        if (!onPlace) checkChildLevels(doc, file, tx, g, out);
        const pGs = findLoop(g.root, 'GS_LOOP');
        if (!pGs) continue;
        const { p2000A, p2000B, p2000C } = claimPaths(g);
        const w = new Walker(ctx, framesAt(pGs, 'ST_LOOP'), { closeBelow: 'ST_LOOP', previousHl: previousHlOf(doc, file, tx.firstSegment), onPlace, elements: !onPlace });
        let k = tx.claims.from;
        // the index's columns in locals: this loop passes every claim of the file on each validation (an edit's too)
        const claimsFrom = tx.claims.from;
        const claimsTo = tx.claims.to;
        const { claimFirst, claimLast, claimSubscriber, claimPatient, levelSeg } = index;
        let stepped = true;
        let needFrames = false;
        let lastHadPatient = false;
        let aFrame: Frame | null = null;
        let bItem = -1;
        const last = tx.seSpan ? tx.lastSegment : tx.lastSegment;
        let i = tx.firstSegment;
        while (i <= last) {
          if (k < claimsTo) {
            const first = claimFirst[k];
            const prevLast = k > claimsFrom ? claimLast[k - 1] : tx.firstSegment;
            const subJ = claimSubscriber[k];
            const patJ = claimPatient[k];
            const subSeg = subJ >= 0 ? levelSeg[subJ] : -1;
            const patSeg = patJ >= 0 ? levelSeg[patJ] : -1;
            const unitStart = subSeg > prevLast && subSeg < first ? subSeg : patSeg > prevLast && patSeg < first ? patSeg : first;
            if (i >= unitStart) {
              // the claim walks its own unit: skip it; the walk stands after a 2300 of its 2000B / 2000C
              const opensSubscriber = unitStart === subSeg;
              i = claimLast[k] + 1;
              k++;
              if (!p2000A || !p2000B) continue;
              if (stepped) {
                // first claim after segments this walk placed: close what they opened, move 2000A on to 2000B
                stepped = false;
                const frames = w.frames;
                let a = frames.findIndex((f) => f.loop === p2000A[p2000A.length - 1]);
                if (a >= 0) w.closeAbove(a, unitStart);
                else {
                  frames.length = 0;
                  frames.push(...framesAt(p2000A, '2000B'));
                  a = frames.length - 1;
                }
                frames.length = a + 1;
                aFrame = frames[a];
                bItem = aFrame.loop.items.indexOf(p2000B[p2000B.length - 1]);
                if (bItem >= 0) w.advance(a, bItem, unitStart);
              }
              if (aFrame && bItem >= 0 && (opensSubscriber || aFrame.counts[bItem] === 0)) aFrame.counts[bItem] = Math.max(aFrame.counts[bItem], 0) + 1;
              lastHadPatient = patJ >= 0;
              needFrames = true;
              continue;
            }
          }
          if (needFrames && p2000B && aFrame) {
            // a segment outside the claims follows a claim: stand inside that claim's 2000B (and 2000C)
            needFrames = false;
            const frames = w.frames;
            frames.length = frames.indexOf(aFrame) + 1;
            const fb = newFrame(p2000B[p2000B.length - 1], -1);
            fb.counts.fill(-1);
            const c300 = fb.loop.items.findIndex((it) => it.id === '2300');
            fb.cursor = c300;
            if (c300 >= 0) fb.counts[c300] = 1;
            frames.push(fb);
            if (lastHadPatient && p2000C) {
              fb.cursor = fb.loop.items.indexOf(p2000C[p2000C.length - 1]);
              const fc = newFrame(p2000C[p2000C.length - 1], -1);
              fc.counts.fill(-1);
              const c = fc.loop.items.findIndex((it) => it.id === '2300');
              fc.cursor = c;
              if (c >= 0) fc.counts[c] = 1;
              frames.push(fc);
            }
          }
          stepped = true;
          w.step(i);
          i++;
        }
        w.finish();
        // the version notice says it once; ST03's code list would say it again
        if (!choice.exact) for (let j = out.length - 1; j >= 0; j--) if (out[j].kind === 'code-value' && out[j].element?.ele === '1705') out.splice(j, 1);
      }
      // GS08 other than the guide its transactions are checked against (a pre-addenda id beside an adopted ST03, or
      // another transaction's version): the receiver picks the guide by GS08
      const v = grp.version;
      if (!onPlace && groupGuide && v && !gs08Told && v.value !== groupGuide.id) {
        const adopted = guides.guide(v.value);
        out.push({
          kind: 'version',
          span: { offset: v.offset, length: v.length },
          segmentIndex: grp.firstSegment,
          message:
            `GS08 "${v.value}" ${adopted ? `is the version id of the ${adopted.kind}, not of this group's ${groupGuide.kind} transactions` : 'is not a HIPAA-adopted version id'}; ` +
            `their ST03 says ${groupGuide.id}, and they are checked against ${guideName(groupGuide)}. A clearinghouse chooses the guide by GS08 and refuses a version it does not accept: send ${groupGuide.id} in GS08.`,
          ack: null,
          loop: null,
          segment: null,
          element: null,
          fix: v.length > 0 ? { title: `Use ${groupGuide.id}`, edits: [{ span: { offset: v.offset, length: v.length }, newText: groupGuide.id }] } : undefined,
        });
      }
    }
  }
  return out;
}

/** Every conformance issue of a file: the envelope and header loops, then each claim. */
export function allIssues(guides: ImplementationGuides, doc: X12Document, file: ClaimFile): GuideIssue[] {
  const out = checkFileConformance(guides, doc, file).slice();
  const index = file.claims.index;
  for (let k = 0; k < index.claimCount; k++) out.push(...checkClaimConformance(guides, doc, file, index.buildClaimAt(k)));
  return out;
}

/** Each transaction set of a file walked against one guide as a whole (the 999 checks its own output this way). */
export function checkTransactionsAgainst(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, guide: CompiledGuide): GuideIssue[] {
  const out: GuideIssue[] = [];
  const pGs = findLoop(guide.root, 'GS_LOOP');
  if (!pGs || !doc.delimiters) return out;
  for (const x of file.interchanges) {
    for (const g of x.groups) {
      for (const t of g.transactions) {
        const w = new Walker({ doc, guides, guide, issues: out }, framesAt(pGs, 'ST_LOOP'), { closeBelow: 'ST_LOOP' });
        for (let i = t.firstSegment; i <= t.lastSegment; i++) w.step(i);
        w.finish();
      }
    }
  }
  return out;
}

/**
 * Where the guide puts segment `segmentIndex`: its place (loop, name, elements), found by walking only the claim
 * around it (or the segments outside the claims). Null when it fits nowhere or the file has no guide.
 */
export function guidePlaceOf(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, segmentIndex: number): SegmentNode | null {
  let found: SegmentNode | null = null;
  const onPlace = (i: number, node: SegmentNode | null): void => {
    if (i === segmentIndex) found = node;
  };
  const index = file.claims.index;
  const k = index.firstClaimEndingAtOrAfter(segmentIndex);
  if (k < index.claimCount && index.claimFirst[k] <= segmentIndex) {
    checkClaimConformance(guides, doc, file, index.buildClaimAt(k), onPlace);
    return found;
  }
  if (k < index.claimCount) {
    // between claims: the claim's own 2000B/2000C segments are walked with it
    checkClaimConformance(guides, doc, file, index.buildClaimAt(k), onPlace);
    if (found) return found;
  }
  checkFileConformance(guides, doc, file, onPlace);
  return found;
}

/**
 * The walker's loop state after segment `segmentIndex` (placement only), for completing the segment that follows:
 * the walk covers only the claim around that segment, or the transaction's header segments when it stands before
 * the first claim, or a later 2000A's segments from its HL. Null when the file has no guide or the segment lies
 * after a claim with no 2000A HL of its own before it.
 */
export function framesAfter(guides: ImplementationGuides, doc: X12Document, file: ClaimFile, segmentIndex: number): { frames: Frame[]; guide: CompiledGuide } | null {
  if (!doc.delimiters || segmentIndex < 0) return null;
  const noPlace = (): void => {};
  const index = file.claims.index;
  const k = index.firstClaimEndingAtOrAfter(segmentIndex);
  if (k < index.claimCount) {
    const walk = claimWalk(guides, doc, file, index.buildClaimAt(k), noPlace);
    if (walk && walk.start <= segmentIndex) {
      for (let i = walk.start; i <= segmentIndex; i++) walk.w.step(i);
      return { frames: walk.w.frames, guide: walk.w.ctx.guide };
    }
  }
  const tx = transactionAt(file, segmentIndex);
  if (!tx) return null;
  const choice = guideForTransaction(guides, file, tx);
  if (!choice) return null;
  const g = choice.guide;
  const ctx: CheckContext = { doc, guides, guide: g, issues: [] };
  if (k - 1 >= tx.claims.from && k - 1 < tx.claims.to) {
    // after a claim of this transaction, outside the claims: a later 2000A's own segments, walked from its HL
    const after = index.claimLast[k - 1];
    let hl = -1;
    for (let i = segmentIndex; i > after && hl < 0; i--) if (doc.segments.id(i) === 'HL' && doc.segments.segment(i).elements[2]?.value === '20') hl = i;
    const pDetail = pathOrNull(g, 'DETAIL');
    if (hl < 0 || !pDetail) return null;
    const w = new Walker(ctx, framesAt(pDetail, '2000A'), { onPlace: noPlace, elements: false });
    for (let i = hl; i <= segmentIndex; i++) w.step(i);
    return { frames: w.frames, guide: g };
  }
  // the header before the transaction's first claim: the walk covers the header alone
  const pGs = findLoop(g.root, 'GS_LOOP');
  if (!pGs) return null;
  const w = new Walker(ctx, framesAt(pGs, 'ST_LOOP'), { onPlace: noPlace, elements: false });
  for (let i = tx.firstSegment; i <= segmentIndex; i++) w.step(i);
  return { frames: w.frames, guide: g };
}
