/**
 * The incremental update of the claim model. After `reparseX12` replaced some segments inside one claim, the claim
 * index is copied with the segment numbers after the edit shifted (a few typed arrays) and the envelopes' spans are
 * moved; claims are built from the new text when read.
 *
 * Speed trick. Protects: "edit inside one claim of a 10 MB file: re-validate" (README benchmark table, 12 ms).
 */
import type { SegmentSplice, Span, X12Document } from '../parse/x12';
import { buildClaimModel, ClaimIndex, ClaimList, LevelList } from './claimIndex';
import type { ClaimFile, FunctionalGroup, Interchange, Transaction } from './types';

/** Segments whose presence changes the structure around claims: edits touching them rebuild everything. */
const STRUCTURAL = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'HL', 'CLM', 'SBR']);

/** Envelope spans may contain the edit: a copy with each end that lies at or after `editEnd` moved. */
function movedSpan<T extends Span>(o: T, editEnd: number, d: number): T;
function movedSpan<T extends Span>(o: T | null, editEnd: number, d: number): T | null;
function movedSpan<T extends Span>(o: T | null, editEnd: number, d: number): T | null {
  if (o === null) return null;
  const s = o.offset;
  const e = s + o.length;
  const ns = s >= editEnd ? s + d : s;
  const ne = e >= editEnd ? e + d : e;
  return { ...o, offset: ns, length: ne - ns };
}

/** The envelopes after a splice inside one claim, as new objects bound to the new index. */
function shiftedEnvelopes(model: ClaimFile, doc: X12Document, splice: SegmentSplice, index: ClaimIndex, touchedClaim: number): Interchange[] {
  const { editEnd, delta: d } = splice;
  const oldLast = splice.first + splice.removedCount - 1;
  const sd = splice.insertedCount - splice.removedCount;
  const segs = doc.segments;
  const first = (n: number) => (n > oldLast ? n + sd : n);
  // an envelope without its trailer ends with the claim's last segment, possibly one of the replaced ones: its end
  // is read again from the new document
  const end = (o: { span: Span; lastSegment: number }) => {
    const n = o.lastSegment;
    if (n > oldLast) o.lastSegment = n + sd;
    else if (n >= splice.first) {
      o.lastSegment = oldLast + sd;
      o.span = { offset: o.span.offset, length: segs.contentEnd(o.lastSegment) - o.span.offset };
    }
  };
  return model.interchanges.map((x0) => {
    const x: Interchange = {
      ...x0,
      controlNumber: movedSpan(x0.controlNumber, editEnd, d),
      trailerControlNumber: movedSpan(x0.trailerControlNumber, editEnd, d),
      declaredGroupCount: movedSpan(x0.declaredGroupCount, editEnd, d),
      senderId: movedSpan(x0.senderId, editEnd, d),
      receiverId: movedSpan(x0.receiverId, editEnd, d),
      usageIndicator: movedSpan(x0.usageIndicator, editEnd, d),
      span: movedSpan(x0.span, editEnd, d),
      isaSpan: movedSpan(x0.isaSpan, editEnd, d),
      ieaSpan: movedSpan(x0.ieaSpan, editEnd, d),
      firstSegment: first(x0.firstSegment),
      groups: x0.groups.map((g0) => {
        const g: FunctionalGroup = {
          ...g0,
          functionalIdentifier: movedSpan(g0.functionalIdentifier, editEnd, d),
          controlNumber: movedSpan(g0.controlNumber, editEnd, d),
          trailerControlNumber: movedSpan(g0.trailerControlNumber, editEnd, d),
          declaredTransactionCount: movedSpan(g0.declaredTransactionCount, editEnd, d),
          version: movedSpan(g0.version, editEnd, d),
          span: movedSpan(g0.span, editEnd, d),
          gsSpan: movedSpan(g0.gsSpan, editEnd, d),
          geSpan: movedSpan(g0.geSpan, editEnd, d),
          firstSegment: first(g0.firstSegment),
          transactions: g0.transactions.map((t0) => {
            const t: Transaction = {
              ...t0,
              controlNumber: movedSpan(t0.controlNumber, editEnd, d),
              trailerControlNumber: movedSpan(t0.trailerControlNumber, editEnd, d),
              declaredSegmentCount: movedSpan(t0.declaredSegmentCount, editEnd, d),
              implementationReference: movedSpan(t0.implementationReference, editEnd, d),
              span: movedSpan(t0.span, editEnd, d),
              stSpan: movedSpan(t0.stSpan, editEnd, d),
              seSpan: movedSpan(t0.seSpan, editEnd, d),
              firstSegment: first(t0.firstSegment),
              hierarchy: new LevelList(index, t0.hierarchy.from, t0.hierarchy.to),
              claims: new ClaimList(index, t0.claims.from, t0.claims.to),
            };
            end(t);
            if (t0.claims.from <= touchedClaim && touchedClaim < t0.claims.to) {
              t.actualSegmentCount = t.seSpan ? t0.actualSegmentCount + sd : t.lastSegment - t.firstSegment + 1;
            }
            return t;
          }),
        };
        end(g);
        return g;
      }),
    };
    end(x);
    return x;
  });
}

/** What `updateClaimModelAt` did: the new model and the claim rebuilt in place (-1 when everything was rebuilt). */
export interface ClaimModelUpdate {
  model: ClaimFile;
  /** Index of the one claim the edit was inside, or -1 after a full rebuild (claim numbering may have changed). */
  touchedClaim: number;
}

/**
 * Update a model after `reparseX12` replaced some segments. When the replaced segments lie inside one claim and no
 * structural segment (envelopes, HL, CLM, SBR) was added or removed, the claim index is copied with the segment
 * numbers after the edit shifted (a few typed arrays) and the envelopes are shifted; claims are built from the new
 * text when read. Otherwise (or when `splice` is null) the model is rebuilt from scratch. The old model stays valid
 * for the old document. `oldDoc` is the document the old model was built from.
 */
export function updateClaimModelAt(old: ClaimFile, doc: X12Document, oldDoc: X12Document, splice: SegmentSplice | null): ClaimModelUpdate {
  const full = (): ClaimModelUpdate => ({ model: buildClaimModel(doc), touchedClaim: -1 });
  if (!splice || splice.removedCount === 0 || splice.insertedCount === 0 || !doc.delimiters) return full();
  const oi = old.claims.index;
  if (oi.doc !== oldDoc) return full();
  const oldLast = splice.first + splice.removedCount - 1;
  const k = oi.firstClaimEndingAtOrAfter(splice.first);
  if (k >= oi.claimCount) return full();
  const tFirst = oi.claimFirst[k];
  const tLast = oi.claimLast[k];
  if (splice.first < tFirst || oldLast > tLast) return full();
  // structural check on both sides (a CLM replaced by a CLM at the claim's first segment is fine)
  for (let i = splice.first; i <= oldLast; i++) {
    const id = oldDoc.segments.id(i);
    if (STRUCTURAL.has(id) && !(i === tFirst && id === 'CLM')) return full();
  }
  for (let i = splice.first; i < splice.first + splice.insertedCount; i++) {
    const id = doc.segments.id(i);
    if (STRUCTURAL.has(id) && !(i === tFirst && id === 'CLM')) return full();
  }
  if (doc.segments.id(tFirst) !== 'CLM') return full();
  const sd = splice.insertedCount - splice.removedCount;
  const shift = (a: Int32Array): Int32Array => {
    const b = a.slice();
    if (sd !== 0) for (let i = 0; i < b.length; i++) if (b[i] > oldLast) b[i] += sd;
    return b;
  };
  const claimLast = oi.claimLast.slice();
  claimLast[k] += sd;
  if (sd !== 0) for (let i = k + 1; i < claimLast.length; i++) claimLast[i] += sd;
  const index = new ClaimIndex(
    doc,
    shift(oi.claimFirst),
    claimLast,
    oi.claimTx,
    oi.claimBilling,
    oi.claimSubscriber,
    oi.claimPatient,
    shift(oi.levelSeg),
    shift(oi.levelSbr),
    shift(oi.levelNm1),
    oi.levelKind,
    oi.txKinds,
  );
  const interchanges = shiftedEnvelopes(old, doc, splice, index, k);
  const issues = old.issues.map((i) => movedSpan(i, splice.editEnd, splice.delta));
  return { model: { interchanges, claims: new ClaimList(index, 0, index.claimCount), issues }, touchedClaim: k };
}

/** `updateClaimModelAt` without the report. */
export function updateClaimModel(old: ClaimFile, doc: X12Document, oldDoc: X12Document, splice: SegmentSplice | null): ClaimFile {
  return updateClaimModelAt(old, doc, oldDoc, splice).model;
}
