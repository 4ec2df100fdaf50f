/**
 * The claim model: what an 837P/837I file says in billing terms (claims, service lines, diagnoses,
 * pointers, dates), built from the X12 segment table. Every value keeps its span (offset, length into
 * the document text) so rules can point at it and fixes can replace it.
 *
 * Loop boundaries used (005010X222A1 / X223A2):
 * - a claim (loop 2300) runs from CLM to the segment before the next CLM, HL, SE (or envelope trailer);
 *   claim-level REF/DTP/HI/NTE are read only from the claim "header", i.e. before the first NM1, SBR or
 *   LX (so the REF*G1 of another payer in 2330B is not taken for the claim's prior authorization);
 * - a service line (loop 2400) runs from LX to the next LX or the end of the claim; its DTP/REF/NTE/LIN/CTP
 *   are read before the first NM1 or SVD (2420/2430 loops).
 *
 * Never throws on malformed input: missing pieces are null / empty arrays.
 */
import { segmentIdCode, type SegmentSplice, type SegmentTable, type Span, type X12Document } from '../parse/x12';

export type { Span } from '../parse/x12';

/** A string value with its location. */
export interface Spanned<T = string> extends Span {
  value: T;
}

/** A number read from the text: `value` is null when `text` is not a valid number. */
export interface NumericValue extends Span {
  value: number | null;
  text: string;
}

export type TransactionKind = '837P' | '837I' | 'unknown';

/** A DTP segment: qualifier (472 = service date, 434 = statement period, ...), format and the date(s). */
export interface DateValue {
  /** DTP01, e.g. "472". */
  qualifier: Spanned;
  /** DTP02: "D8" single date or "RD8" range. */
  format: Spanned | null;
  /** DTP03 as written: "20250102" or "20250102-20250105". */
  value: Spanned;
  /** First (or only) date as ISO YYYY-MM-DD; null when unreadable. */
  from: string | null;
  /** Last date of a range (equal to `from` for D8); null when unreadable. */
  to: string | null;
  segmentIndex: number;
  /** The whole DTP segment. */
  span: Span;
}

/** The date of service of a line: its own DTP*472, else the claim's (472, then the 434 statement period). */
export interface ServiceDate extends DateValue {
  source: 'line' | 'claim';
}

/** A NTE note: NTE01 reference code (ADD, CER, DCP, ...) and NTE02 free text. */
export interface Note {
  reference: Spanned | null;
  text: Spanned | null;
  segmentIndex: number;
  span: Span;
}

/** A REF segment: REF01 qualifier (G1 prior authorization, EI, D9, F8, ...) and REF02 value. */
export interface Reference {
  qualifier: Spanned;
  value: Spanned | null;
  segmentIndex: number;
  span: Span;
}

/** One code of an HI segment (HI01..HI12): qualifier (ABK, ABF, BK, BG, ...) and code. */
export interface HealthCareCode {
  /** Component 1: code list qualifier (ABK = principal ICD-10 diagnosis, ABF = other, BG = condition code ...). */
  qualifier: Spanned;
  /** Component 2: the code as written, without a dot ("C7951"). */
  code: Spanned | null;
  /** HI element number, 1..12 (HI01 is 1). */
  elementIndex: number;
  segmentIndex: number;
  /** The whole composite. */
  span: Span;
  /** Component 9 (837I present-on-admission indicator: Y N U W 1), null when absent. */
  presentOnAdmission: Spanned | null;
}

/** A diagnosis of the claim (an HI code with a diagnosis qualifier), numbered for the line pointers. */
export interface Diagnosis extends HealthCareCode {
  code: Spanned;
  /** 1-based position among the claim's diagnoses: what SV107 pointers refer to. */
  position: number;
  /** principal (ABK/BK), other (ABF/BF), admitting (ABJ/BJ), reasonForVisit (APR/PR), externalCause (ABN/BN). */
  role: 'principal' | 'other' | 'admitting' | 'reasonForVisit' | 'externalCause';
  /** ICD-10-CM for AB* qualifiers, ICD-9-CM for B* qualifiers. */
  codeSystem: 'ICD-10-CM' | 'ICD-9-CM';
}

/** A procedure modifier (SV101-3..6 / SV202-3..6). */
export interface Modifier extends Spanned {
  /** 1..4: the first modifier is 1 (component 3 of the composite). */
  position: number;
}

/** The composite procedure identifier SV101 (837P) / SV202 (837I). */
export interface Procedure {
  /** Component 1: product/service ID qualifier, HC = HCPCS/CPT, ER, IV, WK, N4 ... */
  qualifier: Spanned;
  /** Component 2: the procedure code ("A9600"). */
  code: Spanned | null;
  /** Components 3-6: modifiers, only the non-empty ones, with their position. */
  modifiers: Modifier[];
  /** Component 7: description (required for not-otherwise-classified codes), null when absent. */
  description: Spanned | null;
  /** The whole composite element. */
  span: Span;
}

/** One SV107 diagnosis pointer (837P): a number 1..12 pointing at claim.diagnoses[position - 1]. */
export interface DiagnosisPointer extends NumericValue {
  /** 1..4: which component of SV107. */
  index: number;
  /** The diagnosis it points at, null when it points nowhere. */
  diagnosis: Diagnosis | null;
}

/** A drug identification (loop 2410): LIN NDC plus CTP quantity. */
export interface DrugIdentification {
  /** LIN02, "N4" for an NDC in 5-4-2 format. */
  qualifier: Spanned | null;
  /** LIN03, the 11-digit NDC. */
  ndc: Spanned | null;
  /** CTP04 drug quantity. */
  quantity: NumericValue | null;
  /** CTP05-1 unit: F2 international unit, GR gram, ME milligram, ML milliliter, UN unit. */
  unit: Spanned | null;
  /** LIN segment index (and CTP's when present). */
  segmentIndex: number;
  ctpSegmentIndex: number | null;
  span: Span;
}

/** A service line (loop 2400): LX plus SV1 (professional) or SV2 (institutional). */
export interface ServiceLine {
  kind: 'professional' | 'institutional' | 'unknown';
  /** LX01 assigned line number. */
  lineNumber: NumericValue | null;
  /** Index of the LX segment: the loop starts here. */
  firstSegment: number;
  /** Last segment of the loop (inclusive). */
  lastSegment: number;
  /** Index of the SV1/SV2 segment, null when the line has none. */
  serviceSegmentIndex: number | null;
  /** From the LX to the end of the loop's last segment. */
  span: Span;
  /** Span of the SV1/SV2 segment (or the LX when missing). */
  serviceSpan: Span;
  /** SV101 / SV202 composite. */
  procedure: Procedure | null;
  /** Shortcut for procedure.code. */
  procedureCode: Spanned | null;
  /** Shortcut for procedure.modifiers. */
  modifiers: Modifier[];
  /** SV201 revenue code (837I). */
  revenueCode: Spanned | null;
  /** SV102 / SV203 line charge amount. */
  charge: NumericValue | null;
  /** SV103 / SV204 unit basis: UN units, MJ minutes (anesthesia), DA days. */
  unitBasis: Spanned | null;
  /** SV104 / SV205 service unit count. */
  units: NumericValue | null;
  /** SV105 place of service when it overrides the claim's (837P). */
  placeOfService: Spanned | null;
  /** SV107-1..4 diagnosis pointers (837P; empty for 837I). */
  diagnosisPointers: DiagnosisPointer[];
  /** Span of the SV107 element (the pointers), null when absent. */
  diagnosisPointerSpan: Span | null;
  /** Line date of service (DTP*472), else the claim's; null when neither exists. */
  dateOfService: ServiceDate | null;
  /** All DTP segments of the line. */
  dates: DateValue[];
  /** LIN/CTP drug identification, null when no LIN. */
  drug: DrugIdentification | null;
  /** Line NTE notes. */
  notes: Note[];
  /** Line REF*G1 prior authorization number. */
  priorAuthorization: Spanned | null;
  /** All line-level REF segments. */
  references: Reference[];
}

/** An HL hierarchical level: 20 billing provider, 22 subscriber, 23 patient. */
export interface HierarchyLevel {
  /** HL01 hierarchical ID number. */
  id: Spanned;
  /** HL02 parent ID, null for the top level. */
  parentId: Spanned | null;
  /** HL03 level code: "20", "22", "23". */
  levelCode: Spanned | null;
  level: 'billingProvider' | 'subscriber' | 'patient' | 'other';
  /** HL04 child code: "1" has children, "0" none. */
  childCode: Spanned | null;
  segmentIndex: number;
  span: Span;
  /** SBR01 payer responsibility (P primary, S secondary, T tertiary ...), subscriber levels only. */
  payerResponsibility: Spanned | null;
  /** SBR09 claim filing indicator (MB Medicare Part B, MA Part A, MC Medicaid, CI commercial ...). */
  claimFilingIndicator: Spanned | null;
  /** SBR segment index, null when none. */
  sbrSegmentIndex: number | null;
  /** Name of the level's entity (NM1*85 / IL / QC): "LAST, FIRST" or the organization name. */
  name: Spanned | null;
  /** NM109 identifier of that entity (NPI, member ID). */
  identifier: Spanned | null;
}

/** One claim (loop 2300, CLM). */
export interface Claim {
  transactionKind: TransactionKind;
  /** Index of the CLM segment: the claim loop starts here. */
  firstSegment: number;
  /** Last segment of the claim loop (inclusive). */
  lastSegment: number;
  /** From CLM to the end of the last segment of the claim (service lines included). */
  span: Span;
  /** Span of the CLM segment itself. */
  clmSpan: Span;
  /** CLM01 patient control number (the provider's claim ID). */
  patientControlNumber: Spanned | null;
  /** CLM02 total claim charge amount. */
  totalCharge: NumericValue | null;
  /** CLM05 composite: facility code (place of service for 837P, facility type for 837I), qualifier, frequency. */
  facility: { code: Spanned | null; qualifier: Spanned | null; frequency: Spanned | null; span: Span } | null;
  /** CLM05-1 when it is a place of service (837P, or qualifier B). */
  placeOfService: Spanned | null;
  /** REF*G1 (prior authorization number) in the claim header. */
  priorAuthorization: Spanned | null;
  /** All claim-header REF segments. */
  references: Reference[];
  /** All claim-header DTP segments (434 statement, 435 admission, 096 discharge, 472 service, 431 onset ...). */
  dates: DateValue[];
  /** DTP*472 of the claim, else the DTP*434 statement period; null when neither. */
  serviceDate: DateValue | null;
  /** Diagnoses from HI (diagnosis qualifiers only), numbered 1..n in order of appearance. */
  diagnoses: Diagnosis[];
  /** Every HI code of the claim header (diagnoses plus condition/occurrence/value codes, procedures ...). */
  healthCareCodes: HealthCareCode[];
  /** Claim NTE notes. */
  notes: Note[];
  /** The claim's service lines in order. */
  serviceLines: ServiceLine[];
  /** Nearest billing provider level (HL 20) above the claim. */
  billingProvider: HierarchyLevel | null;
  /** Subscriber level (HL 22) the claim belongs to (parent of the patient level when there is one). */
  subscriber: HierarchyLevel | null;
  /** Patient level (HL 23) when the patient is not the subscriber. */
  patient: HierarchyLevel | null;
  /** Subscriber's SBR09 claim filing indicator (MB = Medicare Part B ...). */
  claimFilingIndicator: Spanned | null;
}

/** One ST..SE transaction set. */
export interface Transaction {
  /** ST02 transaction set control number. */
  controlNumber: Spanned | null;
  /** SE02, must equal ST02. */
  trailerControlNumber: Spanned | null;
  /** SE01 number of included segments as declared. */
  declaredSegmentCount: NumericValue | null;
  /** Segments from ST to SE inclusive, as counted. */
  actualSegmentCount: number;
  /** ST03 implementation convention reference (005010X222A1 ...). */
  implementationReference: Spanned | null;
  /** From ST03, else GS08: 005010X222* = 837P, 005010X223* = 837I. */
  kind: TransactionKind;
  firstSegment: number;
  /** Index of the SE (or of the last segment before the next envelope when SE is missing). */
  lastSegment: number;
  span: Span;
  stSpan: Span;
  seSpan: Span | null;
  /** HL levels in order (materialized on demand). */
  hierarchy: LevelList;
  /** The transaction's claims in order (materialized on demand). */
  claims: ClaimList;
}

/** One GS..GE functional group. */
export interface FunctionalGroup {
  /** GS01 functional identifier code (HC = health care claim). */
  functionalIdentifier: Spanned | null;
  /** GS06 group control number. */
  controlNumber: Spanned | null;
  /** GE02, must equal GS06. */
  trailerControlNumber: Spanned | null;
  /** GE01 number of transaction sets as declared. */
  declaredTransactionCount: NumericValue | null;
  /** GS08 version / release / industry identifier (005010X222A1 ...). */
  version: Spanned | null;
  firstSegment: number;
  lastSegment: number;
  span: Span;
  gsSpan: Span | null;
  geSpan: Span | null;
  transactions: Transaction[];
}

/** One ISA..IEA interchange. */
export interface Interchange {
  /** ISA13 interchange control number. */
  controlNumber: Spanned | null;
  /** IEA02, must equal ISA13. */
  trailerControlNumber: Spanned | null;
  /** IEA01 number of functional groups as declared. */
  declaredGroupCount: NumericValue | null;
  /** ISA06 sender ID, ISA08 receiver ID. */
  senderId: Spanned | null;
  receiverId: Spanned | null;
  /** ISA15 usage indicator: P production, T test. */
  usageIndicator: Spanned | null;
  firstSegment: number;
  lastSegment: number;
  span: Span;
  isaSpan: Span;
  ieaSpan: Span | null;
  groups: FunctionalGroup[];
}

/** A structural problem the model noticed (missing trailer, segment outside any envelope ...). */
export interface ModelIssue extends Span {
  code: 'missing-trailer' | 'outside-envelope' | 'unexpected-trailer';
  message: string;
}

/** Everything the claim file says. */
export interface ClaimFile {
  interchanges: Interchange[];
  /**
   * All claims of the file in document order. A list that builds each claim on demand from a compact index (and
   * keeps the last few built): read it by `get(i)`, iteration or the array-like methods, and do not rely on getting
   * the same object twice.
   */
  claims: ClaimList;
  issues: ModelIssue[];
}

// ---------------------------------------------------------------------------------------------
// Reading values straight from the text.
//
// The builder never materializes X12Segment trees: `load(i)` records the element boundaries of segment
// i in a module-level scratch table and the helpers below slice values out of the text. Everything is
// synchronous and single-threaded, so the scratch state is safe; each entry point calls `begin(doc)`
// first and `done()` last (so no text stays referenced from here).

let T = '';
let SEGS: SegmentTable | null = null;
let EC = 0; // element separator
let CC = -1; // component separator
let RC = -1; // repetition separator, -1 when none
let EB = new Int32Array(128); // element n (1-based) spans [EB[2n], EB[2n+1])
let EN = 0; // element count of the loaded segment
let S_START = 0; // loaded segment: offset of its id
let S_END = 0; // loaded segment: end of its content
let CB = new Int32Array(32); // component k (1-based) of the last split element: [CB[2k], CB[2k+1])
let CN = 0;

function begin(doc: X12Document): void {
  const d = doc.delimiters!;
  T = doc.text;
  SEGS = doc.segments;
  EC = d.element.charCodeAt(0);
  CC = d.component.charCodeAt(0);
  RC = d.repetition === null ? -1 : d.repetition.charCodeAt(0);
}

function done(): void {
  T = '';
  SEGS = null;
}

/**
 * Short values (qualifiers, codes, modifiers, units, dates ...) repeat a lot: share one string per value. Values of
 * up to 8 ASCII characters are keyed exactly by their packed characters (IK1: length and characters 0-3, 7 bits each;
 * IK2: characters 4-7), so a hit needs no character comparison; 9-10 characters (or non-ASCII) go by a hash and
 * compare the characters (IK1 = -1 marks those slots, a value no packed key has).
 */
const INTERN_SIZE = 4096;
const INTERN: string[] = new Array<string>(INTERN_SIZE).fill('');
const IK1 = new Int32Array(INTERN_SIZE);
const IK2 = new Int32Array(INTERN_SIZE);

function val(a: number, b: number): string {
  const len = b - a;
  const t = T;
  if (len > 10) return t.slice(a, b);
  if (len <= 8) {
    let k1 = len << 28;
    let k2 = 0;
    let or = 0;
    const m = len < 4 ? len : 4;
    for (let i = 0; i < m; i++) {
      const c = t.charCodeAt(a + i);
      or |= c;
      k1 |= c << (7 * i);
    }
    for (let i = 4; i < len; i++) {
      const c = t.charCodeAt(a + i);
      or |= c;
      k2 |= c << (7 * (i - 4));
    }
    if (or < 128) {
      const slot = (Math.imul(k1 ^ Math.imul(k2, 0x9e3779b1), 0x85ebca6b) >>> 20) & (INTERN_SIZE - 1);
      if (IK1[slot] === k1 && IK2[slot] === k2) return INTERN[slot];
      const v = t.slice(a, b);
      INTERN[slot] = v;
      IK1[slot] = k1;
      IK2[slot] = k2;
      return v;
    }
  }
  let h = len;
  for (let i = a; i < b; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 12)) & (INTERN_SIZE - 1);
  const s = INTERN[slot];
  if (IK1[slot] === -1 && s.length === len) {
    let i = 0;
    while (i < len && s.charCodeAt(i) === t.charCodeAt(a + i)) i++;
    if (i === len) return s;
  }
  const v = t.slice(a, b);
  INTERN[slot] = v;
  IK1[slot] = -1;
  return v;
}

/** Record the element boundaries of segment i. */
function load(i: number): void {
  const t = T;
  const segs = SEGS!;
  const s = segs.starts[i];
  const e = segs.contentEnd(i);
  S_START = s;
  S_END = e;
  const ec = EC;
  let eb = EB;
  let p = s;
  while (p < e && t.charCodeAt(p) !== ec) p++;
  let n = 0;
  while (p < e) {
    const from = p + 1;
    let q = from;
    while (q < e && t.charCodeAt(q) !== ec) q++;
    n++;
    if (2 * n + 1 >= eb.length) {
      const nb = new Int32Array(eb.length * 2);
      nb.set(eb);
      EB = eb = nb;
    }
    eb[2 * n] = from;
    eb[2 * n + 1] = q;
    p = q;
  }
  EN = n;
}

/** Span of the loaded segment (id and elements, no terminator). */
function segSpan(): Span {
  return { offset: S_START, length: S_END - S_START };
}

function elSpan(n: number): Span {
  return { offset: EB[2 * n], length: EB[2 * n + 1] - EB[2 * n] };
}

function hasEl(n: number): boolean {
  return n <= EN && EB[2 * n] < EB[2 * n + 1];
}

/** Element n (1-based) of the loaded segment as a spanned string, null when absent or empty. */
function str(n: number): Spanned | null {
  if (n > EN) return null;
  const a = EB[2 * n];
  const b = EB[2 * n + 1];
  if (a === b) return null;
  return { value: val(a, b), offset: a, length: b - a };
}

/** Whether element n of the loaded segment is exactly `v`. */
function elIs(n: number, v: string): boolean {
  if (n > EN) return false;
  const a = EB[2 * n];
  return EB[2 * n + 1] - a === v.length && T.startsWith(v, a);
}

/** Split the first repetition of element n of the loaded segment into components (CB / CN). */
function splitComponents(n: number): void {
  const t = T;
  const a = EB[2 * n];
  const to = EB[2 * n + 1];
  const cc = CC;
  const rc = RC;
  // one pass: components end at the component separator, the first repetition at the repetition separator
  let p = a;
  let k = 0;
  for (;;) {
    let q = p;
    let c = 0;
    while (q < to && (c = t.charCodeAt(q)) !== cc && c !== rc) q++;
    const last = q >= to || c === rc;
    k++;
    if (2 * k + 1 >= CB.length) {
      const nb = new Int32Array(CB.length * 2);
      nb.set(CB);
      CB = nb;
    }
    CB[2 * k] = p;
    CB[2 * k + 1] = q;
    if (last) break;
    p = q + 1;
  }
  CN = k;
}

/** Component k of the last split element, null when absent or empty. */
function cmp(k: number): Spanned | null {
  if (k > CN) return null;
  const a = CB[2 * k];
  const b = CB[2 * k + 1];
  if (a === b) return null;
  return { value: val(a, b), offset: a, length: b - a };
}

/** Component c of element n (first repetition) of the loaded segment, null when absent or empty. */
function comp(n: number, c: number): Spanned | null {
  if (n > EN) return null;
  splitComponents(n);
  return cmp(c);
}

function toNumber(text: string): number | null {
  // same as /^[+-]?(\d+\.?\d*|\.\d+)$/, without the regex
  const n = text.length;
  let i = 0;
  if (n > 0 && (text.charCodeAt(0) === 43 || text.charCodeAt(0) === 45)) i++;
  let digits = 0;
  let dot = false;
  // up to 15 digits the value is computed exactly (mantissa < 2^53, and mantissa / 10^k is correctly rounded, as
  // Number() is); longer numbers go through Number()
  let mantissa = 0;
  let scale = 1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      mantissa = mantissa * 10 + (c - 48);
      if (dot) scale *= 10;
    } else if (c === 46 && !dot) dot = true;
    else return null;
  }
  if (digits === 0) return null;
  if (digits <= 15) {
    const v = scale === 1 ? mantissa : mantissa / scale;
    return text.charCodeAt(0) === 45 ? -v : v;
  }
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

/** Element n as a number with its text (num(str(n)) without the intermediate object); null when absent or empty. */
function numEl(n: number): NumericValue | null {
  if (n > EN) return null;
  const a = EB[2 * n];
  const b = EB[2 * n + 1];
  if (a === b) return null;
  const text = val(a, b);
  return { value: toNumber(text), text, offset: a, length: b - a };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** isoDate results by input (dates repeat a lot in a file; inputs are at most 8 characters). */
const ISO_CACHE = new Map<string, string | null>();

function isoDate(d: string): string | null {
  if (d.length !== 8) return null;
  const hit = ISO_CACHE.get(d);
  if (hit !== undefined) return hit;
  const r = isoDateOf(d);
  if (ISO_CACHE.size >= 4096) ISO_CACHE.clear();
  ISO_CACHE.set(d, r);
  return r;
}

function isoDateOf(d: string): string | null {
  for (let i = 0; i < 8; i++) {
    const c = d.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  let y = +d.slice(0, 4);
  const m = +d.slice(4, 6);
  const day = +d.slice(6, 8);
  if (m < 1 || m > 12 || day < 1 || day > 31) return null;
  if (y < 100) y += 1900; // as Date.UTC reads two-digit years (kept for compatibility)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (day > (m === 2 && leap ? 29 : DAYS[m - 1])) return null;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

function readDate(i: number): DateValue | null {
  load(i);
  const qualifier = str(1);
  const value = str(3);
  if (!qualifier || !value) return null;
  const format = str(2);
  let from: string | null = null;
  let to: string | null = null;
  const v = value.value;
  if (format?.value === 'RD8' || (format === null && v.length === 17 && v[8] === '-')) {
    const dash = v.indexOf('-');
    if (dash < 0) {
      from = isoDate(v);
      to = isoDate('');
    } else {
      const dash2 = v.indexOf('-', dash + 1);
      from = isoDate(v.slice(0, dash));
      to = isoDate(v.slice(dash + 1, dash2 < 0 ? v.length : dash2));
    }
  } else {
    from = isoDate(v);
    to = from;
  }
  return { qualifier, format, value, from, to, segmentIndex: i, span: segSpan() };
}

function copyDate(d: DateValue, source: ServiceDate['source']): ServiceDate {
  return { qualifier: d.qualifier, format: d.format, value: d.value, from: d.from, to: d.to, segmentIndex: d.segmentIndex, span: d.span, source };
}

function readNote(i: number): Note {
  load(i);
  return { reference: str(1), text: str(2), segmentIndex: i, span: segSpan() };
}

function readRef(i: number): Reference | null {
  load(i);
  const qualifier = str(1);
  if (!qualifier) return null;
  return { qualifier, value: str(2), segmentIndex: i, span: segSpan() };
}

const DIAGNOSIS_ROLES = new Map<string, [Diagnosis['role'], Diagnosis['codeSystem']]>([
  ['ABK', ['principal', 'ICD-10-CM']],
  ['BK', ['principal', 'ICD-9-CM']],
  ['ABF', ['other', 'ICD-10-CM']],
  ['BF', ['other', 'ICD-9-CM']],
  ['ABJ', ['admitting', 'ICD-10-CM']],
  ['BJ', ['admitting', 'ICD-9-CM']],
  ['APR', ['reasonForVisit', 'ICD-10-CM']],
  ['PR', ['reasonForVisit', 'ICD-9-CM']],
  ['ABN', ['externalCause', 'ICD-10-CM']],
  ['BN', ['externalCause', 'ICD-9-CM']],
]);

/** Transaction kind from ST03, else GS08. */
export function kindOf(st03: string | undefined, gs08: string | undefined): TransactionKind {
  for (const v of [st03, gs08]) {
    if (!v) continue;
    if (v.startsWith('005010X222')) return '837P';
    if (v.startsWith('005010X223')) return '837I';
  }
  return 'unknown';
}

const ENVELOPE = new Set(['SE', 'ST', 'GE', 'GS', 'IEA', 'ISA']);

const ID_ISA = segmentIdCode('ISA');
const ID_IEA = segmentIdCode('IEA');
const ID_GS = segmentIdCode('GS');
const ID_GE = segmentIdCode('GE');
const ID_ST = segmentIdCode('ST');
const ID_SE = segmentIdCode('SE');
const ID_HL = segmentIdCode('HL');
const ID_SBR = segmentIdCode('SBR');
const ID_NM1 = segmentIdCode('NM1');
const ID_CLM = segmentIdCode('CLM');
const ID_LX = segmentIdCode('LX');
const ID_SVD = segmentIdCode('SVD');
const ID_SV1 = segmentIdCode('SV1');
const ID_SV2 = segmentIdCode('SV2');
const ID_DTP = segmentIdCode('DTP');
const ID_NTE = segmentIdCode('NTE');
const ID_REF = segmentIdCode('REF');
const ID_LIN = segmentIdCode('LIN');
const ID_CTP = segmentIdCode('CTP');
const ID_HI = segmentIdCode('HI');

/** Segments that end a claim loop, by interned id code. */
const CLAIM_END = new Uint8Array(0x10000);
for (const c of [ID_CLM, ID_HL, ID_SE, ID_ST, ID_GE, ID_GS, ID_IEA, ID_ISA]) CLAIM_END[c] = 1;

/** Segments the claim index looks at (all others are skipped after the claim-end check), by interned id code. */
const INDEXED = new Uint8Array(0x10000);
for (const c of [ID_ISA, ID_IEA, ID_GS, ID_GE, ID_ST, ID_SE, ID_HL, ID_SBR, ID_NM1, ID_CLM]) INDEXED[c] = 1;

/** Element n of the loaded segment as a string, undefined when absent or empty (str(n)?.value without the object). */
function strValue(n: number): string | undefined {
  if (n > EN) return undefined;
  const a = EB[2 * n];
  const b = EB[2 * n + 1];
  return a === b ? undefined : val(a, b);
}

/** What each segment is to a claim loop, by interned id code (0: nothing the claim reads). */
const S_LX = 1;
/** NM1, SBR, SVD: start a sub-loop (2310x/2330x, 2420x, 2430) that ends the claim or line "header". */
const S_LOOP = 2;
const S_SV1 = 3;
const S_SV2 = 4;
const S_DTP = 5;
const S_NTE = 6;
const S_REF = 7;
const S_LIN = 8;
const S_CTP = 9;
const S_HI = 10;
const CLAIM_SEGMENT = new Uint8Array(0x10000);
CLAIM_SEGMENT[ID_LX] = S_LX;
CLAIM_SEGMENT[ID_NM1] = S_LOOP;
CLAIM_SEGMENT[ID_SBR] = S_LOOP;
CLAIM_SEGMENT[ID_SVD] = S_LOOP;
CLAIM_SEGMENT[ID_SV1] = S_SV1;
CLAIM_SEGMENT[ID_SV2] = S_SV2;
CLAIM_SEGMENT[ID_DTP] = S_DTP;
CLAIM_SEGMENT[ID_NTE] = S_NTE;
CLAIM_SEGMENT[ID_REF] = S_REF;
CLAIM_SEGMENT[ID_LIN] = S_LIN;
CLAIM_SEGMENT[ID_CTP] = S_CTP;
CLAIM_SEGMENT[ID_HI] = S_HI;

/** What a claim needs from outside its own segments. */
export interface ClaimContext {
  kind: TransactionKind;
  billingProvider: HierarchyLevel | null;
  subscriber: HierarchyLevel | null;
  patient: HierarchyLevel | null;
}

/**
 * Build one claim from its segment range [first (the CLM), last] inclusive. Exposed so callers can
 * rebuild only the claims an edit touched.
 */
export function buildClaim(doc: X12Document, first: number, last: number, ctx: ClaimContext): Claim {
  if (!doc.delimiters) throw new Error('buildClaim: the document has no delimiters');
  begin(doc);
  try {
    return claimOf(first, last, ctx);
  } finally {
    done();
  }
}

// Lists are built at their exact size: an empty literal that is pushed to grows a 17-slot backing store, and most of
// a claim's lists hold 0 to 4 items. NONE marks a list with no item yet (never exposed: replaced by a fresh [] when
// the claim or line is finished); the first item makes a one-item literal; scratch lists are copied out by take().

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const NONE: any[] = [];

/** `list` with `x` appended (a one-item literal when the list is still NONE). */
function add<T>(list: T[], x: T): T[] {
  if (list === NONE) return [x];
  list.push(x);
  return list;
}

/** A fresh list for NONE. */
function fin<T>(list: T[]): T[] {
  return list === NONE ? [] : list;
}

/** Items [0, n) of a scratch list as an exact-size array; the scratch slots are cleared (no text kept alive). */
function take<T>(a: T[], n: number): T[] {
  let r: T[];
  if (n === 0) return [];
  else if (n === 1) r = [a[0]];
  else if (n === 2) r = [a[0], a[1]];
  else if (n === 3) r = [a[0], a[1], a[2]];
  else if (n === 4) r = [a[0], a[1], a[2], a[3]];
  else r = a.slice(0, n);
  for (let k = 0; k < n; k++) (a as unknown[])[k] = null;
  return r;
}

/** Scratch lists (the builder is synchronous and not re-entrant). */
const S_LINES: ServiceLine[] = [];
const S_HC: HealthCareCode[] = [];
const S_DX: Diagnosis[] = [];
const S_MODS: Modifier[] = [];
const S_PTRS: DiagnosisPointer[] = [];

function claimOf(first: number, last: number, ctx: ClaimContext): Claim {
  const segs = SEGS!;
  const codes = segs.idCodes;
  load(first);
  const clmSpan = segSpan();
  let facility: Claim['facility'] = null;
  if (hasEl(5)) {
    splitComponents(5);
    facility = { code: cmp(1), qualifier: cmp(2), frequency: cmp(3), span: elSpan(5) };
  }
  const q5 = facility?.qualifier?.value;
  const claim: Claim = {
    transactionKind: ctx.kind,
    firstSegment: first,
    lastSegment: last,
    span: { offset: clmSpan.offset, length: segs.contentEnd(last) - clmSpan.offset },
    clmSpan,
    patientControlNumber: str(1),
    totalCharge: numEl(2),
    facility,
    placeOfService: facility && (q5 === 'B' || (ctx.kind === '837P' && q5 !== 'A')) ? facility.code : null,
    priorAuthorization: null,
    references: NONE,
    dates: NONE,
    serviceDate: null,
    diagnoses: NONE,
    healthCareCodes: NONE,
    notes: NONE,
    serviceLines: NONE,
    billingProvider: ctx.billingProvider,
    subscriber: ctx.subscriber,
    patient: ctx.patient,
    claimFilingIndicator: ctx.subscriber?.claimFilingIndicator ?? null,
  };
  let inHeader = true;
  let nLines = 0;
  let line: ServiceLine | null = null;
  let lineHeader = false;
  for (let i = first + 1; i <= last; i++) {
    // what the segment is to a claim (0: nothing, skipped); see CLAIM_SEGMENT
    const act = CLAIM_SEGMENT[codes[i]];
    if (act === 0) continue;
    if (act === S_LX) {
      if (line !== null) {
        finishLine(line, i - 1);
        S_LINES[nLines++] = line;
      }
      inHeader = false;
      line = newLine(i, ctx.kind);
      lineHeader = true;
      continue;
    }
    if (act === S_LOOP) {
      if (line !== null) lineHeader = false;
      else inHeader = false;
      continue;
    }
    if (line !== null) {
      if (!lineHeader) continue;
      if (act === S_SV1 || act === S_SV2) {
        if (line.serviceSegmentIndex === null) readService(i, act === S_SV1, line);
      } else if (act === S_DTP) {
        const d = readDate(i);
        if (d) {
          line.dates = add(line.dates, d);
          if (d.qualifier.value === '472' && (!line.dateOfService || line.dateOfService.source !== 'line')) line.dateOfService = copyDate(d, 'line');
        }
      } else if (act === S_NTE) {
        line.notes = add(line.notes, readNote(i));
      } else if (act === S_REF) {
        const r = readRef(i);
        if (r) {
          line.references = add(line.references, r);
          if (r.qualifier.value === 'G1' && !line.priorAuthorization) line.priorAuthorization = r.value;
        }
      } else if (act === S_LIN) {
        if (!line.drug) {
          load(i);
          line.drug = { qualifier: str(2), ndc: str(3), quantity: null, unit: null, segmentIndex: i, ctpSegmentIndex: null, span: segSpan() };
        }
      } else if (act === S_CTP) {
        const drug = line.drug;
        if (drug && drug.ctpSegmentIndex === null) {
          load(i);
          drug.quantity = numEl(4);
          drug.unit = comp(5, 1);
          drug.ctpSegmentIndex = i;
          drug.span = { offset: drug.span.offset, length: S_END - drug.span.offset };
        }
      }
      continue;
    }
    if (!inHeader) continue;
    if (act === S_DTP) {
      const d = readDate(i);
      if (d) claim.dates = add(claim.dates, d);
    } else if (act === S_REF) {
      const r = readRef(i);
      if (r) {
        claim.references = add(claim.references, r);
        if (r.qualifier.value === 'G1' && !claim.priorAuthorization) claim.priorAuthorization = r.value;
      }
    } else if (act === S_NTE) {
      claim.notes = add(claim.notes, readNote(i));
    } else if (act === S_HI) {
      readHealthCare(i, claim);
    }
  }
  if (line !== null) {
    finishLine(line, last);
    S_LINES[nLines++] = line;
  }
  claim.references = fin(claim.references);
  claim.dates = fin(claim.dates);
  claim.diagnoses = fin(claim.diagnoses);
  claim.healthCareCodes = fin(claim.healthCareCodes);
  claim.notes = fin(claim.notes);
  claim.serviceLines = take(S_LINES, nLines);
  let serviceDate: DateValue | null = null;
  for (const d of claim.dates) {
    if (d.qualifier.value === '472') {
      serviceDate = d;
      break;
    }
  }
  if (serviceDate === null) {
    for (const d of claim.dates) {
      if (d.qualifier.value === '434') {
        serviceDate = d;
        break;
      }
    }
  }
  claim.serviceDate = serviceDate;
  const dx = claim.diagnoses;
  for (const l of claim.serviceLines) {
    if (!l.dateOfService && serviceDate) l.dateOfService = copyDate(serviceDate, 'claim');
    for (const p of l.diagnosisPointers) p.diagnosis = p.value !== null && Number.isInteger(p.value) ? (dx[p.value - 1] ?? null) : null;
  }
  return claim;
}

function finishLine(line: ServiceLine, end: number): void {
  line.lastSegment = end;
  // no SV1/SV2: the service span is the LX's (taken before the line span grows to the end of the loop)
  if (line.serviceSpan === null) line.serviceSpan = { offset: line.span.offset, length: line.span.length };
  line.span.length = SEGS!.contentEnd(end) - line.span.offset;
  line.modifiers = fin(line.modifiers);
  line.diagnosisPointers = fin(line.diagnosisPointers);
  line.dates = fin(line.dates);
  line.notes = fin(line.notes);
  line.references = fin(line.references);
}

function newLine(i: number, kind: TransactionKind): ServiceLine {
  load(i);
  return {
    kind: kind === '837P' ? 'professional' : kind === '837I' ? 'institutional' : 'unknown',
    lineNumber: numEl(1),
    firstSegment: i,
    lastSegment: i,
    serviceSegmentIndex: null,
    span: segSpan(),
    // set by readService, else by finishLine
    serviceSpan: null as unknown as Span,
    procedure: null,
    procedureCode: null,
    modifiers: NONE,
    revenueCode: null,
    charge: null,
    unitBasis: null,
    units: null,
    placeOfService: null,
    diagnosisPointers: NONE,
    diagnosisPointerSpan: null,
    dateOfService: null,
    dates: NONE,
    drug: null,
    notes: NONE,
    priorAuthorization: null,
    references: NONE,
  };
}


function readProcedure(n: number): Procedure | null {
  if (n > EN) return null;
  splitComponents(n);
  const qualifier = cmp(1);
  if (!qualifier) return null;
  let nm = 0;
  for (let c = 3; c <= 6 && c <= CN; c++) {
    const a = CB[2 * c];
    const b = CB[2 * c + 1];
    if (a < b) S_MODS[nm++] = { value: val(a, b), offset: a, length: b - a, position: c - 2 };
  }
  return { qualifier, code: cmp(2), modifiers: take(S_MODS, nm), description: cmp(7), span: elSpan(n) };
}

function readService(i: number, professional: boolean, line: ServiceLine): void {
  load(i);
  line.serviceSegmentIndex = i;
  line.serviceSpan = segSpan();
  line.kind = professional ? 'professional' : 'institutional';
  const proc = readProcedure(professional ? 1 : 2);
  line.procedure = proc;
  line.procedureCode = proc?.code ?? null;
  line.modifiers = proc?.modifiers ?? [];
  if (professional) {
    line.charge = numEl(2);
    line.unitBasis = str(3);
    line.units = numEl(4);
    line.placeOfService = str(5);
    if (hasEl(7)) {
      line.diagnosisPointerSpan = elSpan(7);
      splitComponents(7);
      let np = 0;
      for (let k = 1; k <= CN && k <= 4; k++) {
        const a = CB[2 * k];
        const b = CB[2 * k + 1];
        if (a === b) continue;
        const text = val(a, b);
        S_PTRS[np++] = { value: toNumber(text), text, offset: a, length: b - a, index: k, diagnosis: null };
      }
      line.diagnosisPointers = take(S_PTRS, np);
    }
  } else {
    line.revenueCode = str(1);
    line.charge = numEl(3);
    line.unitBasis = str(4);
    line.units = numEl(5);
  }
}

function readHealthCare(i: number, claim: Claim): void {
  load(i);
  let nh = 0;
  let nd = 0;
  const dxBase = claim.diagnoses.length;
  for (let e = 1; e <= EN; e++) {
    if (EB[2 * e] === EB[2 * e + 1]) continue;
    splitComponents(e);
    const qualifier = cmp(1);
    if (!qualifier) continue;
    const code = cmp(2);
    const span = elSpan(e);
    const presentOnAdmission = cmp(9);
    S_HC[nh++] = { qualifier, code, elementIndex: e, segmentIndex: i, span, presentOnAdmission };
    const role = DIAGNOSIS_ROLES.get(qualifier.value);
    if (role && code) {
      S_DX[nd] = { qualifier, code, elementIndex: e, segmentIndex: i, span, presentOnAdmission, position: dxBase + nd + 1, role: role[0], codeSystem: role[1] };
      nd++;
    }
  }
  claim.healthCareCodes = append(claim.healthCareCodes, S_HC, nh);
  claim.diagnoses = append(claim.diagnoses, S_DX, nd);
}

/** `list` (possibly NONE) with scratch items [0, n) appended. */
function append<T>(list: T[], scratch: T[], n: number): T[] {
  if (n === 0) return list;
  if (list === NONE) return take(scratch, n);
  for (let k = 0; k < n; k++) {
    list.push(scratch[k]);
    (scratch as unknown[])[k] = null;
  }
  return list;
}

function readLevel(i: number): HierarchyLevel {
  load(i);
  const levelCode = str(3);
  const lc = levelCode?.value;
  return {
    id: str(1) ?? { value: '', offset: S_END, length: 0 },
    parentId: str(2),
    levelCode,
    level: lc === '20' ? 'billingProvider' : lc === '22' ? 'subscriber' : lc === '23' ? 'patient' : 'other',
    childCode: str(4),
    segmentIndex: i,
    span: segSpan(),
    payerResponsibility: null,
    claimFilingIndicator: null,
    sbrSegmentIndex: null,
    name: null,
    identifier: null,
  };
}

const LEVEL_ENTITY: Record<HierarchyLevel['level'], string> = { billingProvider: '85', subscriber: 'IL', patient: 'QC', other: '' };

// ---------------------------------------------------------------------------------------------
// The lazy model.
//
// A claim file keeps its envelopes (interchanges, groups, transactions: few objects) and a compact index of its
// claims and HL levels in typed arrays: segment ranges and the levels each claim belongs to. Claims and levels are
// built from the text when read (`ClaimList.get`), and only the last few built are kept, so a validation builds
// each claim once, checks it and lets it go: short-lived objects cost the garbage collector little, a retained
// model of 129 objects per claim cost it a lot. An edit inside one claim shifts integers in the index, nothing else.

/** Array-like read access to items built on demand. */
export abstract class LazyList<T> implements Iterable<T> {
  abstract readonly length: number;
  /** Item i (0-based); undefined when out of range. */
  abstract get(i: number): T;

  [Symbol.iterator](): Iterator<T> {
    let i = 0;
    return {
      next: (): IteratorResult<T> => (i < this.length ? { value: this.get(i++), done: false } : { value: undefined, done: true }),
    };
  }
  at(i: number): T | undefined {
    const k = i < 0 ? this.length + i : i;
    return k >= 0 && k < this.length ? this.get(k) : undefined;
  }
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i));
    return out;
  }
  map<U>(fn: (item: T, index: number) => U): U[] {
    const out: U[] = [];
    for (let i = 0; i < this.length; i++) out.push(fn(this.get(i), i));
    return out;
  }
  filter(fn: (item: T, index: number) => boolean): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const x = this.get(i);
      if (fn(x, i)) out.push(x);
    }
    return out;
  }
  forEach(fn: (item: T, index: number) => void): void {
    for (let i = 0; i < this.length; i++) fn(this.get(i), i);
  }
  find(fn: (item: T, index: number) => boolean): T | undefined {
    for (let i = 0; i < this.length; i++) {
      const x = this.get(i);
      if (fn(x, i)) return x;
    }
    return undefined;
  }
  findIndex(fn: (item: T, index: number) => boolean): number {
    for (let i = 0; i < this.length; i++) if (fn(this.get(i), i)) return i;
    return -1;
  }
  some(fn: (item: T, index: number) => boolean): boolean {
    return this.findIndex(fn) >= 0;
  }
  every(fn: (item: T, index: number) => boolean): boolean {
    for (let i = 0; i < this.length; i++) if (!fn(this.get(i), i)) return false;
    return true;
  }
  reduce<U>(fn: (acc: U, item: T, index: number) => U, initial: U): U {
    let acc = initial;
    for (let i = 0; i < this.length; i++) acc = fn(acc, this.get(i), i);
    return acc;
  }
  /** JSON.stringify writes the items. */
  toJSON(): T[] {
    return this.toArray();
  }
}

const LEVEL_KINDS: HierarchyLevel['level'][] = ['billingProvider', 'subscriber', 'patient', 'other'];
const K_BILLING = 0;
const K_SUBSCRIBER = 1;
const K_PATIENT = 2;
const K_OTHER = 3;

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
    begin(this.doc);
    try {
      const ctx: ClaimContext = {
        kind: this.txKinds[this.claimTx[i]] ?? 'unknown',
        billingProvider: this.billingLevelAt(this.claimBilling[i]),
        subscriber: this.levelAt(this.claimSubscriber[i]),
        patient: this.levelAt(this.claimPatient[i]),
      };
      return claimOf(this.claimFirst[i], this.claimLast[i], ctx);
    } finally {
      done();
    }
  }

  /**
   * The billing provider level of the last claim built, shared with the next claim of the same level (a transaction's
   * hundreds of claims have one billing provider; levels are read-only once built).
   */
  private billingJ = -1;
  private billing: HierarchyLevel | null = null;

  /** Level j (a billing provider level): the scratch state must be set up (begin). */
  private billingLevelAt(j: number): HierarchyLevel | null {
    if (j < 0) return null;
    if (j !== this.billingJ) {
      this.billing = this.levelAt(j);
      this.billingJ = j;
    }
    return this.billing;
  }

  level(j: number): HierarchyLevel {
    begin(this.doc);
    try {
      return this.levelAt(j)!;
    } finally {
      done();
    }
  }

  /** Level j; the scratch state must be set up (begin). */
  private levelAt(j: number): HierarchyLevel | null {
    if (j < 0) return null;
    const l = readLevel(this.levelSeg[j]);
    const sbr = this.levelSbr[j];
    if (sbr >= 0) {
      load(sbr);
      l.payerResponsibility = str(1);
      l.claimFilingIndicator = str(9);
      l.sbrSegmentIndex = sbr;
    }
    const nm1 = this.levelNm1[j];
    if (nm1 >= 0) {
      load(nm1);
      const last = str(3);
      const firstName = str(4);
      l.name = last && firstName ? { value: `${last.value}, ${firstName.value}`, offset: last.offset, length: firstName.offset + firstName.length - last.offset } : last;
      l.identifier = str(9);
    }
    return l;
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
export function buildClaimModel(doc: X12Document): ClaimFile {
  if (!doc.delimiters) {
    const index = EMPTY_DOC_INDEX(doc);
    return { interchanges: [], claims: new ClaimList(index, 0, 0), issues: [] };
  }
  begin(doc);
  try {
    return buildInto(doc);
  } finally {
    done();
  }
}

interface TxRanges {
  tx: Transaction;
  claimFrom: number;
  claimTo: number;
  levelFrom: number;
  levelTo: number;
}

function buildInto(doc: X12Document): ClaimFile {
  const segs = doc.segments;
  const codes = segs.idCodes;
  const interchanges: Interchange[] = [];
  const issues: ModelIssue[] = [];
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
  const txs: TxRanges[] = [];
  let ic: Interchange | null = null;
  let grp: FunctionalGroup | null = null;
  let tx: TxRanges | null = null;
  let levels = new Map<string, number>();
  let level = -1;
  let levelNameLocked = false;
  let billing = -1;
  let subscriber = -1;
  let patient = -1;
  let claimStart = -1;

  const spanAt = (i: number): Span => ({ offset: segs.starts[i], length: segs.contentEnd(i) - segs.starts[i] });
  const extend = (o: { span: Span; lastSegment: number }, i: number) => {
    o.lastSegment = i;
    o.span = { offset: o.span.offset, length: segs.contentEnd(i) - o.span.offset };
  };
  const issue = (code: ModelIssue['code'], message: string, i: number) => {
    const s = spanAt(i);
    issues.push({ code, message, offset: s.offset, length: s.length });
  };
  const closeClaim = (last: number) => {
    if (claimStart < 0) return;
    cLast.push(last);
    if (tx) tx.claimTo = cLast.n;
    claimStart = -1;
  };
  const ensureInterchange = (i: number): Interchange => {
    if (ic) return ic;
    issue('outside-envelope', `${segs.id(i)} appears outside an ISA/IEA interchange.`, i);
    ic = newInterchange(i, false);
    interchanges.push(ic);
    return ic;
  };
  const ensureGroup = (i: number): FunctionalGroup => {
    if (grp) return grp;
    const x = ensureInterchange(i);
    const isGs = codes[i] === ID_GS;
    if (!isGs) issue('outside-envelope', `${segs.id(i)} appears outside a GS/GE functional group.`, i);
    grp = newGroup(i, isGs);
    x.groups.push(grp);
    return grp;
  };
  const openTransaction = (t: Transaction) => {
    tx = { tx: t, claimFrom: cFirst.n, claimTo: cFirst.n, levelFrom: lSeg.n, levelTo: lSeg.n };
    txs.push(tx);
  };
  const ensureTransaction = (i: number): TxRanges => {
    if (tx) return tx;
    const g = ensureGroup(i);
    issue('outside-envelope', `${segs.id(i)} appears outside an ST/SE transaction set.`, i);
    const t = newTransaction(i, false, g.version?.value);
    g.transactions.push(t);
    openTransaction(t);
    return tx!;
  };
  const closeTransaction = (last: number, reason: string) => {
    if (!tx) return;
    closeClaim(last);
    const t = tx.tx;
    if (!t.seSpan) {
      issues.push({ code: 'missing-trailer', message: `Transaction set ${t.controlNumber?.value ?? ''} has no SE trailer before ${reason}.`, offset: t.stSpan.offset, length: t.stSpan.length });
      extend(t, last);
      t.actualSegmentCount = last - t.firstSegment + 1;
    }
    tx = null;
  };
  const closeGroup = (last: number, reason: string) => {
    closeTransaction(last, reason);
    if (!grp) return;
    if (!grp.geSpan) {
      issues.push({ code: 'missing-trailer', message: `Functional group ${grp.controlNumber?.value ?? ''} has no GE trailer before ${reason}.`, offset: grp.gsSpan?.offset ?? grp.span.offset, length: grp.gsSpan?.length ?? 0 });
      extend(grp, last);
    }
    grp = null;
  };
  const closeInterchange = (last: number, reason: string) => {
    closeGroup(last, reason);
    if (!ic) return;
    if (!ic.ieaSpan) {
      issues.push({ code: 'missing-trailer', message: `Interchange ${ic.controlNumber?.value ?? ''} has no IEA trailer before ${reason}.`, offset: ic.isaSpan.offset, length: ic.isaSpan.length });
      extend(ic, last);
    }
    ic = null;
  };

  const count = segs.count;
  for (let i = 0; i < count; i++) {
    const id = codes[i];
    if (claimStart >= 0 && CLAIM_END[id] === 1) closeClaim(i - 1);
    if (INDEXED[id] === 0) continue;
    if (id === ID_ISA) {
      closeInterchange(i - 1, 'the next ISA');
      ic = newInterchange(i, true);
      interchanges.push(ic);
    } else if (id === ID_IEA) {
      closeGroup(i - 1, 'the IEA');
      if (!ic) {
        issue('unexpected-trailer', 'IEA without a matching ISA.', i);
        continue;
      }
      load(i);
      ic.trailerControlNumber = str(2);
      ic.declaredGroupCount = numEl(1);
      ic.ieaSpan = segSpan();
      extend(ic, i);
      ic = null;
    } else if (id === ID_GS) {
      closeGroup(i - 1, 'the next GS');
      const x = ensureInterchange(i);
      grp = newGroup(i, true);
      x.groups.push(grp);
    } else if (id === ID_GE) {
      closeTransaction(i - 1, 'the GE');
      if (!grp) {
        issue('unexpected-trailer', 'GE without a matching GS.', i);
        continue;
      }
      load(i);
      grp.trailerControlNumber = str(2);
      grp.declaredTransactionCount = numEl(1);
      grp.geSpan = segSpan();
      extend(grp, i);
      grp = null;
    } else if (id === ID_ST) {
      closeTransaction(i - 1, 'the next ST');
      const g = ensureGroup(i);
      const t = newTransaction(i, true, g.version?.value);
      g.transactions.push(t);
      openTransaction(t);
      levels = new Map();
      level = billing = subscriber = patient = -1;
    } else if (id === ID_SE) {
      if (!tx) {
        issue('unexpected-trailer', 'SE without a matching ST.', i);
        continue;
      }
      const t = (tx as TxRanges).tx;
      load(i);
      t.trailerControlNumber = str(2);
      t.declaredSegmentCount = numEl(1);
      t.seSpan = segSpan();
      t.actualSegmentCount = i - t.firstSegment + 1;
      extend(t, i);
      tx = null;
    } else if (id === ID_HL) {
      const t = ensureTransaction(i);
      load(i);
      const lc = strValue(3);
      const kind = lc === '20' ? K_BILLING : lc === '22' ? K_SUBSCRIBER : lc === '23' ? K_PATIENT : K_OTHER;
      const l = lSeg.n;
      lSeg.push(i);
      lSbr.push(-1);
      lNm1.push(-1);
      lKind.push(kind);
      t.levelTo = lSeg.n;
      const hlId = strValue(1);
      const parentId = strValue(2);
      if (hlId) levels.set(hlId, l);
      level = l;
      levelNameLocked = false;
      if (kind === K_BILLING) {
        billing = l;
        subscriber = patient = -1;
      } else if (kind === K_SUBSCRIBER) {
        subscriber = l;
        patient = -1;
        const parent = parentId !== undefined ? levels.get(parentId) : undefined;
        if (parent !== undefined && lKind[parent] === K_BILLING) billing = parent;
      } else if (kind === K_PATIENT) {
        patient = l;
        const parent = parentId !== undefined ? levels.get(parentId) : undefined;
        if (parent !== undefined && lKind[parent] === K_SUBSCRIBER) subscriber = parent;
      }
    } else if (id === ID_SBR) {
      if (level >= 0 && claimStart < 0 && lSbr.a[level] < 0) lSbr.a[level] = i;
    } else if (id === ID_NM1) {
      if (level >= 0 && claimStart < 0 && !levelNameLocked) {
        const entity = LEVEL_ENTITY[LEVEL_KINDS[lKind[level]]];
        load(i);
        if (entity !== '' && elIs(1, entity)) {
          lNm1.a[level] = i;
          // a level keeps the first entity name it finds (an NM1 without a last name does not count)
          if (hasEl(3)) levelNameLocked = true;
        }
      }
    } else if (id === ID_CLM) {
      const t = ensureTransaction(i);
      claimStart = i;
      cFirst.push(i);
      cTx.push(txs.length - 1);
      cBilling.push(billing);
      cSubscriber.push(subscriber);
      cPatient.push(patient);
      t.claimTo = cFirst.n;
    }
  }
  closeInterchange(count - 1, 'the end of the file');
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
    txs.map((t) => t.tx.kind),
  );
  for (const t of txs) {
    t.tx.claims = new ClaimList(index, t.claimFrom, t.claimTo);
    t.tx.hierarchy = new LevelList(index, t.levelFrom, t.levelTo);
  }
  return { interchanges, claims: new ClaimList(index, 0, index.claimCount), issues };
}

function newInterchange(i: number, real: boolean): Interchange {
  load(i);
  return {
    controlNumber: real ? str(13) : null,
    trailerControlNumber: null,
    declaredGroupCount: null,
    senderId: real ? str(6) : null,
    receiverId: real ? str(8) : null,
    usageIndicator: real ? str(15) : null,
    firstSegment: i,
    lastSegment: i,
    span: segSpan(),
    isaSpan: segSpan(),
    ieaSpan: null,
    groups: [],
  };
}

function newGroup(i: number, real: boolean): FunctionalGroup {
  load(i);
  return {
    functionalIdentifier: real ? str(1) : null,
    controlNumber: real ? str(6) : null,
    trailerControlNumber: null,
    declaredTransactionCount: null,
    version: real ? str(8) : null,
    firstSegment: i,
    lastSegment: i,
    span: segSpan(),
    gsSpan: real ? segSpan() : null,
    geSpan: null,
    transactions: [],
  };
}

/** Placeholder lists until the index exists (replaced at the end of the build). */
const NO_INDEX = EMPTY_DOC_INDEX({ text: '', delimiters: null, segments: null as unknown as SegmentTable, errors: [] });

/**
 * One long-lived instance of each class the model allocates per document (see PARSER_MAP_ANCHORS in parse/x12.ts):
 * while one is alive, V8 keeps the hidden class of its instances, and a full garbage collection that frees a closed
 * document's model does not throw away the optimized index builder that embeds it.
 */
export const MODEL_MAP_ANCHORS: readonly object[] = [new IntList(), new ClaimList(NO_INDEX, 0, 0), new LevelList(NO_INDEX, 0, 0), NO_INDEX];

function newTransaction(i: number, real: boolean, gs08: string | undefined): Transaction {
  load(i);
  const st03 = real ? str(3) : null;
  return {
    controlNumber: real ? str(2) : null,
    trailerControlNumber: null,
    declaredSegmentCount: null,
    actualSegmentCount: 0,
    implementationReference: st03,
    kind: kindOf(st03?.value, gs08),
    firstSegment: i,
    lastSegment: i,
    span: segSpan(),
    stSpan: segSpan(),
    seSpan: null,
    hierarchy: new LevelList(NO_INDEX, 0, 0),
    claims: new ClaimList(NO_INDEX, 0, 0),
  };
}

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

// ---------------------------------------------------------------------------------------------
// incremental

/** Segments whose presence changes the structure around claims: edits touching them rebuild everything. */
const STRUCTURAL = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'HL', 'CLM', 'SBR']);

/** Envelope spans may contain the edit: a copy with each end that lies at or after `editEnd` moved. */
function mvRange<T extends Span>(o: T, editEnd: number, d: number): T;
function mvRange<T extends Span>(o: T | null, editEnd: number, d: number): T | null;
function mvRange<T extends Span>(o: T | null, editEnd: number, d: number): T | null {
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
      controlNumber: mvRange(x0.controlNumber, editEnd, d),
      trailerControlNumber: mvRange(x0.trailerControlNumber, editEnd, d),
      declaredGroupCount: mvRange(x0.declaredGroupCount, editEnd, d),
      senderId: mvRange(x0.senderId, editEnd, d),
      receiverId: mvRange(x0.receiverId, editEnd, d),
      usageIndicator: mvRange(x0.usageIndicator, editEnd, d),
      span: mvRange(x0.span, editEnd, d),
      isaSpan: mvRange(x0.isaSpan, editEnd, d),
      ieaSpan: mvRange(x0.ieaSpan, editEnd, d),
      firstSegment: first(x0.firstSegment),
      groups: x0.groups.map((g0) => {
        const g: FunctionalGroup = {
          ...g0,
          functionalIdentifier: mvRange(g0.functionalIdentifier, editEnd, d),
          controlNumber: mvRange(g0.controlNumber, editEnd, d),
          trailerControlNumber: mvRange(g0.trailerControlNumber, editEnd, d),
          declaredTransactionCount: mvRange(g0.declaredTransactionCount, editEnd, d),
          version: mvRange(g0.version, editEnd, d),
          span: mvRange(g0.span, editEnd, d),
          gsSpan: mvRange(g0.gsSpan, editEnd, d),
          geSpan: mvRange(g0.geSpan, editEnd, d),
          firstSegment: first(g0.firstSegment),
          transactions: g0.transactions.map((t0) => {
            const t: Transaction = {
              ...t0,
              controlNumber: mvRange(t0.controlNumber, editEnd, d),
              trailerControlNumber: mvRange(t0.trailerControlNumber, editEnd, d),
              declaredSegmentCount: mvRange(t0.declaredSegmentCount, editEnd, d),
              implementationReference: mvRange(t0.implementationReference, editEnd, d),
              span: mvRange(t0.span, editEnd, d),
              stSpan: mvRange(t0.stSpan, editEnd, d),
              seSpan: mvRange(t0.seSpan, editEnd, d),
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
  const issues = old.issues.map((i) => mvRange(i, splice.editEnd, splice.delta));
  return { model: { interchanges, claims: new ClaimList(index, 0, index.claimCount), issues }, touchedClaim: k };
}

/** `updateClaimModelAt` without the report. */
export function updateClaimModel(old: ClaimFile, doc: X12Document, oldDoc: X12Document, splice: SegmentSplice | null): ClaimFile {
  return updateClaimModelAt(old, doc, oldDoc, splice).model;
}

export { ENVELOPE as ENVELOPE_SEGMENTS };
