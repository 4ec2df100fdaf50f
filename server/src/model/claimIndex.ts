/**
 * The lazy claim model: the claim index and the lists that build claims on demand.
 *
 * A claim file keeps its envelopes (interchanges, groups, transactions: few objects) and a compact index of its
 * claims and HL levels in typed arrays: segment ranges and the levels each claim belongs to. Claims and levels are
 * built from the text when read (`ClaimList.get`), and only the last few built are kept, so a validation builds
 * each claim once, checks it and lets it go: short-lived objects cost the garbage collector little, a retained
 * model of 129 objects per claim cost it a lot. An edit inside one claim shifts integers in the index, nothing else.
 *
 * Speed trick. Protects: "resident memory with a 50 MB file open" (258 MB; a fully built model took over 1 GB) and
 * "parse + claim model, 10 MB" (README benchmark table).
 */
import type { SegmentTable, X12Document } from '../parse/x12';
import { ClaimBuilder, levelEntity as levelEntityOf } from './claimBuilder';
import { EnvelopeBuilder, transactionsOf } from './envelope';
import { LazyList } from './lazyList';
import { SegmentReader } from './segmentReader';
import * as ids from './segmentIds';
import type { Claim, ClaimContext, ClaimFile, FunctionalGroup, HierarchyLevel, Interchange, ModelIssue, Transaction, TransactionKind } from './types';

export { LazyList } from './lazyList';

// The index loop's constants bound once to module constants: run from source (tsx, CommonJS) every use of an
// imported name is a getter call, which cost the index loop ~40% in `npm run bench`; the bundle has no getters.
const { ID_CLM, ID_GE, ID_GS, ID_HL, ID_IEA, ID_ISA, ID_NM1, ID_SBR, ID_SE, ID_ST, idSet } = ids;
const levelEntity = levelEntityOf;

/** Level kinds as the index stores them (levelKind). */
const LEVEL_KINDS: HierarchyLevel['level'][] = ['billingProvider', 'subscriber', 'patient', 'other'];
const LEVEL_BILLING = 0;
const LEVEL_SUBSCRIBER = 1;
const LEVEL_PATIENT = 2;
const LEVEL_OTHER = 3;

/** How many built claims a file keeps (what hover, completion and the last validated claims read again). */
const CLAIM_CACHE_SIZE = 32;

/**
 * The compact index behind a claim file. Claim i spans segments [claimFirst[i], claimLast[i]] and belongs to
 * transaction claimTx[i] and to the levels claimBilling/Subscriber/Patient[i] (-1: none). Level j is the HL segment
 * levelSeg[j] with its SBR levelSbr[j] and entity NM1 levelNm1[j] (-1: none). Immutable once built: an incremental
 * update makes a new one (copying a few typed arrays is cheap).
 */
export class ClaimIndex {
  private readonly cache = new Map<number, Claim>();
  /** Made on the first claim or level read (an index of a file without delimiters never reads one). */
  private builder: ClaimBuilder | null = null;
  /**
   * The billing provider level of the last claim built, shared with the next claim of the same level (a transaction's
   * hundreds of claims have one billing provider; levels are read-only once built).
   */
  private billingJ = -1;
  private billing: HierarchyLevel | null = null;

  constructor(
    readonly doc: X12Document,
    readonly claimFirst: Int32Array,
    readonly claimLast: Int32Array,
    readonly claimTx: Int32Array,
    readonly claimBilling: Int32Array,
    readonly claimSubscriber: Int32Array,
    readonly claimPatient: Int32Array,
    readonly levelSeg: Int32Array,
    readonly levelSbr: Int32Array,
    readonly levelNm1: Int32Array,
    readonly levelKind: Uint8Array,
    /** Kind of each transaction, by the transaction numbers claimTx holds. */
    readonly txKinds: TransactionKind[],
  ) {}

  get claimCount(): number {
    return this.claimFirst.length;
  }

  private claimBuilder(): ClaimBuilder {
    return (this.builder ??= new ClaimBuilder(new SegmentReader(this.doc)));
  }

  /** Claim i, built (or from the small cache of recently built ones). */
  claim(i: number): Claim {
    const cached = this.cache.get(i);
    if (cached) {
      this.cache.delete(i);
      this.cache.set(i, cached);
      return cached;
    }
    const c = this.buildClaimAt(i);
    if (this.cache.size >= CLAIM_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(i, c);
    return c;
  }

  /** Claim i built afresh and not kept (for one pass over every claim). */
  buildClaimAt(i: number): Claim {
    const builder = this.claimBuilder();
    const ctx: ClaimContext = {
      kind: this.txKinds[this.claimTx[i]] ?? 'unknown',
      billingProvider: this.billingLevelAt(builder, this.claimBilling[i]),
      subscriber: this.levelAt(builder, this.claimSubscriber[i]),
      patient: this.levelAt(builder, this.claimPatient[i]),
    };
    return builder.claim(this.claimFirst[i], this.claimLast[i], ctx);
  }

  /** Level j (a billing provider level), shared with the previous claim's when it is the same. */
  private billingLevelAt(builder: ClaimBuilder, j: number): HierarchyLevel | null {
    if (j < 0) return null;
    if (j !== this.billingJ) {
      this.billing = this.levelAt(builder, j);
      this.billingJ = j;
    }
    return this.billing;
  }

  level(j: number): HierarchyLevel {
    return this.levelAt(this.claimBuilder(), j)!;
  }

  private levelAt(builder: ClaimBuilder, j: number): HierarchyLevel | null {
    if (j < 0) return null;
    return builder.level(this.levelSeg[j], this.levelSbr[j], this.levelNm1[j]);
  }

  /** Offset of claim i's CLM segment. */
  claimOffset(i: number): number {
    return this.doc.segments.starts[this.claimFirst[i]];
  }

  /** Index of the first claim ending at or after `segment` (claimCount when none). */
  firstClaimEndingAtOrAfter(segment: number): number {
    const last = this.claimLast;
    let lo = 0;
    let hi = last.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (last[mid] < segment) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the claim containing `segment`, -1 when none. */
  claimIndexAtSegment(segment: number): number {
    const i = this.firstClaimEndingAtOrAfter(segment);
    return i < this.claimFirst.length && this.claimFirst[i] <= segment ? i : -1;
  }
}

/** The claims of a file (or of one transaction: a contiguous range of the file's claims). */
export class ClaimList extends LazyList<Claim> {
  constructor(
    readonly index: ClaimIndex,
    /** Range in the file's claim numbering. */
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
  get length(): number {
    return this.to - this.from;
  }
  get(i: number): Claim {
    return (i >= 0 && i < this.to - this.from ? this.index.claim(this.from + i) : undefined) as Claim;
  }
  /** Position of a claim in this list, by its segment range (claims are built on demand: identity is not kept). */
  indexOf(claim: Claim): number {
    const k = this.index.claimIndexAtSegment(claim.firstSegment);
    return k >= this.from && k < this.to && this.index.claimFirst[k] === claim.firstSegment && this.index.claimLast[k] === claim.lastSegment ? k - this.from : -1;
  }
  includes(claim: Claim): boolean {
    return this.indexOf(claim) >= 0;
  }
}

/** The HL levels of a transaction. */
export class LevelList extends LazyList<HierarchyLevel> {
  constructor(
    readonly index: ClaimIndex,
    readonly from: number,
    readonly to: number,
  ) {
    super();
  }
  get length(): number {
    return this.to - this.from;
  }
  get(i: number): HierarchyLevel {
    return (i >= 0 && i < this.to - this.from ? this.index.level(this.from + i) : undefined) as HierarchyLevel;
  }
}

/** The index behind a claim file's lazy lists. */
export function claimIndexOf(model: ClaimFile): ClaimIndex {
  return model.claims.index;
}

class IntList {
  a = new Int32Array(64);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.slice(0, this.n);
  }
}

const EMPTY_DOC_INDEX = (doc: X12Document) =>
  new ClaimIndex(doc, new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Int32Array(0), new Uint8Array(0), []);

/** Build the claim model of a parsed document: envelopes and the claim index (claims are built when read). Never throws. */

/** Segments that end a claim loop, by interned id code. */
const CLAIM_END = idSet([ID_CLM, ID_HL, ID_SE, ID_ST, ID_GE, ID_GS, ID_IEA, ID_ISA]);

/** Segments the claim index looks at (all others are skipped after the claim-end check), by interned id code. */
const INDEXED = idSet([ID_ISA, ID_IEA, ID_GS, ID_GE, ID_ST, ID_SE, ID_HL, ID_SBR, ID_NM1, ID_CLM]);

/** The envelope segments among them. */
const ENVELOPE = idSet([ID_ISA, ID_IEA, ID_GS, ID_GE, ID_ST, ID_SE]);

/** Build the claim model of a parsed document: envelopes and the claim index (claims are built when read). Never throws. */
export function buildClaimModel(doc: X12Document): ClaimFile {
  if (!doc.delimiters) {
    const index = EMPTY_DOC_INDEX(doc);
    return { interchanges: [], claims: new ClaimList(index, 0, 0), issues: [] };
  }
  return indexClaims(doc, new SegmentReader(doc));
}

/** Claim and level numbers of one transaction set (the index numbers them across the file). */
interface TransactionRanges {
  transaction: Transaction;
  claimFrom: number;
  claimTo: number;
  levelFrom: number;
  levelTo: number;
}

/** Placeholder lists until the index exists (replaced at the end of the build). */
const NO_INDEX = EMPTY_DOC_INDEX({ text: '', delimiters: null, segments: null as unknown as SegmentTable, errors: [] });
const noLists = () => ({ hierarchy: new LevelList(NO_INDEX, 0, 0), claims: new ClaimList(NO_INDEX, 0, 0) });

function indexClaims(doc: X12Document, reader: SegmentReader): ClaimFile {
  const segs = doc.segments;
  const codes = segs.idCodes;
  const envelope = new EnvelopeBuilder(reader, noLists);
  const cFirst = new IntList();
  const cLast = new IntList();
  const cTx = new IntList();
  const cBilling = new IntList();
  const cSubscriber = new IntList();
  const cPatient = new IntList();
  const lSeg = new IntList();
  const lSbr = new IntList();
  const lNm1 = new IntList();
  const lKind: number[] = [];
  const txs: TransactionRanges[] = [];
  let levels = new Map<string, number>();
  let level = -1;
  let levelNameLocked = false;
  let billing = -1;
  let subscriber = -1;
  let patient = -1;
  let claimStart = -1;

  const openTransaction = (t: Transaction): TransactionRanges => {
    const tx: TransactionRanges = { transaction: t, claimFrom: cFirst.n, claimTo: cFirst.n, levelFrom: lSeg.n, levelTo: lSeg.n };
    txs.push(tx);
    return tx;
  };
  /** The ranges of the open transaction set (one opened, with an issue, for a segment outside any). */
  const currentTransaction = (i: number): TransactionRanges =>
    envelope.openTransaction !== null ? txs[txs.length - 1] : openTransaction(envelope.implicitTransaction(i));

  const count = segs.count;
  for (let i = 0; i < count; i++) {
    const id = codes[i];
    if (claimStart >= 0 && CLAIM_END[id] === 1) {
      cLast.push(i - 1);
      claimStart = -1;
    }
    if (INDEXED[id] === 0) continue;
    if (ENVELOPE[id] === 1) {
      const opened = envelope.segment(i, id);
      if (opened !== null) {
        openTransaction(opened);
        levels = new Map();
        level = billing = subscriber = patient = -1;
      }
    } else if (id === ID_HL) {
      const t = currentTransaction(i);
      reader.load(i);
      const lc = reader.elementValue(3);
      const kind = lc === '20' ? LEVEL_BILLING : lc === '22' ? LEVEL_SUBSCRIBER : lc === '23' ? LEVEL_PATIENT : LEVEL_OTHER;
      const l = lSeg.n;
      lSeg.push(i);
      lSbr.push(-1);
      lNm1.push(-1);
      lKind.push(kind);
      t.levelTo = lSeg.n;
      const hlId = reader.elementValue(1);
      const parentId = reader.elementValue(2);
      if (hlId) levels.set(hlId, l);
      level = l;
      levelNameLocked = false;
      if (kind === LEVEL_BILLING) {
        billing = l;
        subscriber = patient = -1;
      } else if (kind === LEVEL_SUBSCRIBER) {
        subscriber = l;
        patient = -1;
        const parent = parentId !== undefined ? levels.get(parentId) : undefined;
        if (parent !== undefined && lKind[parent] === LEVEL_BILLING) billing = parent;
      } else if (kind === LEVEL_PATIENT) {
        patient = l;
        const parent = parentId !== undefined ? levels.get(parentId) : undefined;
        if (parent !== undefined && lKind[parent] === LEVEL_SUBSCRIBER) subscriber = parent;
      }
    } else if (id === ID_SBR) {
      if (level >= 0 && claimStart < 0 && lSbr.a[level] < 0) lSbr.a[level] = i;
    } else if (id === ID_NM1) {
      if (level >= 0 && claimStart < 0 && !levelNameLocked) {
        const entity = levelEntity(LEVEL_KINDS[lKind[level]]);
        reader.load(i);
        if (entity !== '' && reader.elementIs(1, entity)) {
          lNm1.a[level] = i;
          // a level keeps the first entity name it finds (an NM1 without a last name does not count)
          if (reader.hasElement(3)) levelNameLocked = true;
        }
      }
    } else if (id === ID_CLM) {
      const t = currentTransaction(i);
      claimStart = i;
      cFirst.push(i);
      cTx.push(txs.length - 1);
      cBilling.push(billing);
      cSubscriber.push(subscriber);
      cPatient.push(patient);
      t.claimTo = cFirst.n;
    }
  }
  if (claimStart >= 0) cLast.push(count - 1);
  envelope.finish(count - 1);
  const index = new ClaimIndex(
    doc,
    cFirst.done(),
    cLast.done(),
    cTx.done(),
    cBilling.done(),
    cSubscriber.done(),
    cPatient.done(),
    lSeg.done(),
    lSbr.done(),
    lNm1.done(),
    Uint8Array.from(lKind),
    txs.map((t) => t.transaction.kind),
  );
  for (const t of txs) {
    t.transaction.claims = new ClaimList(index, t.claimFrom, t.claimTo);
    t.transaction.hierarchy = new LevelList(index, t.levelFrom, t.levelTo);
  }
  return { interchanges: envelope.interchanges, claims: new ClaimList(index, 0, index.claimCount), issues: envelope.issues };
}

/**
 * One long-lived instance of each class the model allocates per document (see hiddenClassAnchors.ts).
 */
export const MODEL_MAP_ANCHORS: readonly object[] = [new IntList(), new ClaimList(NO_INDEX, 0, 0), new LevelList(NO_INDEX, 0, 0), NO_INDEX];

// ---------------------------------------------------------------------------------------------
// Queries

/** Claims whose segment range overlaps [firstSegment, lastSegment] (inclusive). */
export function claimsInRange(model: ClaimFile, firstSegment: number, lastSegment: number): Claim[] {
  const out: Claim[] = [];
  const index = model.claims.index;
  for (let i = index.firstClaimEndingAtOrAfter(firstSegment); i < index.claimCount && index.claimFirst[i] <= lastSegment; i++) out.push(index.claim(i));
  return out;
}

/** The claim containing a segment index, or null. */
export function claimAtSegment(model: ClaimFile, segmentIndex: number): Claim | null {
  const index = model.claims.index;
  const i = index.claimIndexAtSegment(segmentIndex);
  return i < 0 ? null : index.claim(i);
}

/**
 * The model with every claim and level built, as plain arrays (no lazy lists): for tests (deepEqual), structuredClone
 * or postMessage. Costs what the eager model cost: avoid on large files.
 */
export interface PlainTransaction extends Omit<Transaction, 'claims' | 'hierarchy'> {
  hierarchy: HierarchyLevel[];
  claims: Claim[];
}
export interface PlainClaimFile {
  interchanges: (Omit<Interchange, 'groups'> & { groups: (Omit<FunctionalGroup, 'transactions'> & { transactions: PlainTransaction[] })[] })[];
  claims: Claim[];
  issues: ModelIssue[];
}
export function materializeClaimFile(model: ClaimFile): PlainClaimFile {
  return {
    interchanges: model.interchanges.map((x) => ({
      ...x,
      groups: x.groups.map((g) => ({ ...g, transactions: g.transactions.map((t) => ({ ...t, hierarchy: t.hierarchy.toArray(), claims: t.claims.toArray() })) })),
    })),
    claims: model.claims.toArray(),
    issues: model.issues,
  };
}

/** The transaction set a claim belongs to, undefined when none (a scan of the few transactions of the file). */
export function transactionOfClaim(model: ClaimFile, claim: Claim): Transaction | undefined {
  for (const { transaction } of transactionsOf(model.interchanges)) if (transaction.claims.includes(claim)) return transaction;
  return undefined;
}
