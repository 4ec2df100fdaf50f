/**
 * The X12 envelope, the same for every transaction kind: interchanges (ISA..IEA), functional groups (GS..GE) and
 * transaction sets (ST..SE), with the structural issues the walk notices (a missing trailer, a segment outside any
 * envelope, a trailer without its header). What lies inside a transaction set is read by the transaction's own
 * index (claims for the 837, see claimIndex.ts).
 */
import type { Span } from '../parse/x12';
import type { SegmentReader } from './segmentReader';
import { ID_GE, ID_GS, ID_IEA, ID_ISA, ID_SE, ID_ST } from './segmentIds';
import type { FunctionalGroup, Interchange, ModelIssue, Transaction } from './types';
import { kindOf } from './transactionKinds';

export { kindOf } from './transactionKinds';
import type { ClaimList, LevelList } from './claimIndex';

/** The envelope segments' ids. */
export const ENVELOPE_SEGMENTS = new Set(['SE', 'ST', 'GE', 'GS', 'IEA', 'ISA']);

/** One envelope of the walk: an interchange, a functional group or a transaction set, with the ones around it. */
export type EnvelopeEntry =
  | { level: 'interchange'; interchange: Interchange }
  | { level: 'group'; interchange: Interchange; group: FunctionalGroup }
  | { level: 'transaction'; interchange: Interchange; group: FunctionalGroup; transaction: Transaction };

/** The walk interchange -> group -> transaction in document order: each interchange, then its groups, each with its transactions. */
export function* envelopeWalk(interchanges: readonly Interchange[]): Generator<EnvelopeEntry> {
  for (const interchange of interchanges) {
    yield { level: 'interchange', interchange };
    for (const group of interchange.groups) {
      yield { level: 'group', interchange, group };
      for (const transaction of group.transactions) yield { level: 'transaction', interchange, group, transaction };
    }
  }
}

/** Every transaction set of the interchanges in document order, with its group and interchange. */
export function* transactionsOf(interchanges: readonly Interchange[]): Generator<{ interchange: Interchange; group: FunctionalGroup; transaction: Transaction }> {
  for (const interchange of interchanges) for (const group of interchange.groups) for (const transaction of group.transactions) yield { interchange, group, transaction };
}

/**
 * Walks the envelope segments of a file in order (`segment`), keeping the open interchange, group and transaction
 * set; a segment found outside them opens an implicit one with an issue. Transactions get their item lists from
 * the caller (`emptyLists`) until the caller's index exists.
 */
export class EnvelopeBuilder {
  readonly interchanges: Interchange[] = [];
  readonly issues: ModelIssue[] = [];
  private interchange: Interchange | null = null;
  private group: FunctionalGroup | null = null;
  private transaction: Transaction | null = null;

  constructor(
    private readonly reader: SegmentReader,
    private readonly emptyLists: () => { hierarchy: LevelList; claims: ClaimList },
  ) {}

  /** The transaction set open at the segment last handled, null when none. */
  get openTransaction(): Transaction | null {
    return this.transaction;
  }

  /**
   * Handle envelope segment i (id code `id`: ISA, IEA, GS, GE, ST or SE). Returns the transaction set an ST opened,
   * else null.
   */
  segment(i: number, id: number): Transaction | null {
    const r = this.reader;
    if (id === ID_ISA) {
      this.closeInterchange(i - 1, 'the next ISA');
      this.interchange = this.newInterchange(i, true);
      this.interchanges.push(this.interchange);
    } else if (id === ID_IEA) {
      this.closeGroup(i - 1, 'the IEA');
      const ic = this.interchange;
      if (!ic) {
        this.issue('unexpected-trailer', 'IEA without a matching ISA.', i);
        return null;
      }
      r.load(i);
      ic.trailerControlNumber = r.keptElement(2);
      ic.declaredGroupCount = r.number(1);
      ic.ieaSpan = r.segmentSpan();
      this.extend(ic, i);
      this.interchange = null;
    } else if (id === ID_GS) {
      this.closeGroup(i - 1, 'the next GS');
      const x = this.ensureInterchange(i);
      this.group = this.newGroup(i, true);
      x.groups.push(this.group);
    } else if (id === ID_GE) {
      this.closeTransaction(i - 1, 'the GE');
      const grp = this.group;
      if (!grp) {
        this.issue('unexpected-trailer', 'GE without a matching GS.', i);
        return null;
      }
      r.load(i);
      grp.trailerControlNumber = r.keptElement(2);
      grp.declaredTransactionCount = r.number(1);
      grp.geSpan = r.segmentSpan();
      this.extend(grp, i);
      this.group = null;
    } else if (id === ID_ST) {
      this.closeTransaction(i - 1, 'the next ST');
      const g = this.ensureGroup(i);
      const t = this.newTransaction(i, true, g.version?.value);
      g.transactions.push(t);
      this.transaction = t;
      return t;
    } else if (id === ID_SE) {
      const t = this.transaction;
      if (!t) {
        this.issue('unexpected-trailer', 'SE without a matching ST.', i);
        return null;
      }
      r.load(i);
      t.trailerControlNumber = r.keptElement(2);
      t.declaredSegmentCount = r.number(1);
      t.seSpan = r.segmentSpan();
      t.actualSegmentCount = i - t.firstSegment + 1;
      this.extend(t, i);
      this.transaction = null;
    }
    return null;
  }

  /** A transaction set for segment i, which lies outside any: opened with an issue (the caller checked openTransaction). */
  implicitTransaction(i: number): Transaction {
    const g = this.ensureGroup(i);
    this.issue('outside-envelope', `${this.reader.segments.id(i)} appears outside an ST/SE transaction set.`, i);
    const t = this.newTransaction(i, false, g.version?.value);
    g.transactions.push(t);
    this.transaction = t;
    return t;
  }

  /** Close what is still open at the end of the file (last: the file's last segment). */
  finish(last: number): void {
    this.closeInterchange(last, 'the end of the file');
  }

  private spanAt(i: number): Span {
    const segs = this.reader.segments;
    return { offset: segs.starts[i], length: segs.contentEnd(i) - segs.starts[i] };
  }

  private extend(o: { span: Span; lastSegment: number }, i: number): void {
    o.lastSegment = i;
    o.span = { offset: o.span.offset, length: this.reader.segments.contentEnd(i) - o.span.offset };
  }

  private issue(code: ModelIssue['code'], message: string, i: number): void {
    const s = this.spanAt(i);
    this.issues.push({ code, message, offset: s.offset, length: s.length });
  }

  private ensureInterchange(i: number): Interchange {
    if (this.interchange) return this.interchange;
    this.issue('outside-envelope', `${this.reader.segments.id(i)} appears outside an ISA/IEA interchange.`, i);
    const ic = this.newInterchange(i, false);
    this.interchange = ic;
    this.interchanges.push(ic);
    return ic;
  }

  private ensureGroup(i: number): FunctionalGroup {
    if (this.group) return this.group;
    const x = this.ensureInterchange(i);
    const isGs = this.reader.segments.idCodes[i] === ID_GS;
    if (!isGs) this.issue('outside-envelope', `${this.reader.segments.id(i)} appears outside a GS/GE functional group.`, i);
    const grp = this.newGroup(i, isGs);
    this.group = grp;
    x.groups.push(grp);
    return grp;
  }

  private closeTransaction(last: number, reason: string): void {
    const t = this.transaction;
    if (!t) return;
    if (!t.seSpan) {
      this.issues.push({ code: 'missing-trailer', message: `Transaction set ${t.controlNumber?.value ?? ''} has no SE trailer before ${reason}.`, offset: t.stSpan.offset, length: t.stSpan.length });
      this.extend(t, last);
      t.actualSegmentCount = last - t.firstSegment + 1;
    }
    this.transaction = null;
  }

  private closeGroup(last: number, reason: string): void {
    this.closeTransaction(last, reason);
    const grp = this.group;
    if (!grp) return;
    if (!grp.geSpan) {
      this.issues.push({
        code: 'missing-trailer',
        message: `Functional group ${grp.controlNumber?.value ?? ''} has no GE trailer before ${reason}.`,
        offset: grp.gsSpan?.offset ?? grp.span.offset,
        length: grp.gsSpan?.length ?? 0,
        trailer: grp.gsSpan ? { id: 'GE', count: grp.transactions.length, controlNumber: grp.controlNumber?.value || null, afterSegment: last } : undefined,
      });
      this.extend(grp, last);
    }
    this.group = null;
  }

  private closeInterchange(last: number, reason: string): void {
    this.closeGroup(last, reason);
    const ic = this.interchange;
    if (!ic) return;
    if (!ic.ieaSpan) {
      this.issues.push({
        code: 'missing-trailer',
        message: `Interchange ${ic.controlNumber?.value ?? ''} has no IEA trailer before ${reason}.`,
        offset: ic.isaSpan.offset,
        length: ic.isaSpan.length,
        trailer: ic.controlNumber ? { id: 'IEA', count: ic.groups.length, controlNumber: ic.controlNumber.value || null, afterSegment: last } : undefined,
      });
      this.extend(ic, last);
    }
    this.interchange = null;
  }

  private newInterchange(i: number, real: boolean): Interchange {
    const r = this.reader;
    r.load(i);
    return {
      controlNumber: real ? r.keptElement(13) : null,
      trailerControlNumber: null,
      declaredGroupCount: null,
      senderId: real ? r.keptElement(6) : null,
      receiverId: real ? r.keptElement(8) : null,
      usageIndicator: real ? r.keptElement(15) : null,
      firstSegment: i,
      lastSegment: i,
      span: r.segmentSpan(),
      isaSpan: r.segmentSpan(),
      ieaSpan: null,
      groups: [],
    };
  }

  private newGroup(i: number, real: boolean): FunctionalGroup {
    const r = this.reader;
    r.load(i);
    return {
      functionalIdentifier: real ? r.keptElement(1) : null,
      controlNumber: real ? r.keptElement(6) : null,
      trailerControlNumber: null,
      declaredTransactionCount: null,
      version: real ? r.keptElement(8) : null,
      firstSegment: i,
      lastSegment: i,
      span: r.segmentSpan(),
      gsSpan: real ? r.segmentSpan() : null,
      geSpan: null,
      transactions: [],
    };
  }

  private newTransaction(i: number, real: boolean, gs08: string | undefined): Transaction {
    const r = this.reader;
    r.load(i);
    const st03 = real ? r.keptElement(3) : null;
    const lists = this.emptyLists();
    return {
      controlNumber: real ? r.keptElement(2) : null,
      trailerControlNumber: null,
      declaredSegmentCount: null,
      actualSegmentCount: 0,
      implementationReference: st03,
      kind: kindOf(st03?.value, gs08),
      firstSegment: i,
      lastSegment: i,
      span: r.segmentSpan(),
      stSpan: r.segmentSpan(),
      seSpan: null,
      hierarchy: lists.hierarchy,
      claims: lists.claims,
    };
  }
}
