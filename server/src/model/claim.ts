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
  /** HL levels in order. */
  hierarchy: HierarchyLevel[];
  claims: Claim[];
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
  /** All claims of the file in document order (the same objects as in the envelopes). */
  claims: Claim[];
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

/** Short values (qualifiers, codes, modifiers, units, dates ...) repeat a lot: share one string per value. */
const INTERN_SIZE = 4096;
const INTERN: string[] = new Array<string>(INTERN_SIZE).fill('');

function clearIntern(): void {
  INTERN.fill('');
}

function val(a: number, b: number): string {
  const len = b - a;
  const t = T;
  if (len > 10) return t.slice(a, b);
  let h = len;
  for (let i = a; i < b; i++) h = (Math.imul(h, 31) + t.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 12)) & (INTERN_SIZE - 1);
  const s = INTERN[slot];
  if (s.length === len) {
    let i = 0;
    while (i < len && s.charCodeAt(i) === t.charCodeAt(a + i)) i++;
    if (i === len) return s;
  }
  const v = t.slice(a, b);
  INTERN[slot] = v;
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
  let p = s;
  while (p < e && t.charCodeAt(p) !== EC) p++;
  let n = 0;
  while (p < e) {
    const from = p + 1;
    let q = from;
    while (q < e && t.charCodeAt(q) !== EC) q++;
    n++;
    if (2 * n + 1 >= EB.length) {
      const nb = new Int32Array(EB.length * 2);
      nb.set(EB);
      EB = nb;
    }
    EB[2 * n] = from;
    EB[2 * n + 1] = q;
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
  let rEnd = to;
  if (RC >= 0) {
    rEnd = a;
    while (rEnd < to && t.charCodeAt(rEnd) !== RC) rEnd++;
  }
  let p = a;
  let k = 0;
  for (;;) {
    let q = p;
    while (q < rEnd && t.charCodeAt(q) !== CC) q++;
    k++;
    if (2 * k + 1 >= CB.length) {
      const nb = new Int32Array(CB.length * 2);
      nb.set(CB);
      CB = nb;
    }
    CB[2 * k] = p;
    CB[2 * k + 1] = q;
    if (q >= rEnd) break;
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
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return null;
  }
  if (digits === 0) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

function num(v: Spanned | null): NumericValue | null {
  if (!v) return null;
  return { value: toNumber(v.value), text: v.value, offset: v.offset, length: v.length };
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(d: string): string | null {
  if (d.length !== 8) return null;
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
    totalCharge: num(str(2)),
    facility,
    placeOfService: facility && (q5 === 'B' || (ctx.kind === '837P' && q5 !== 'A')) ? facility.code : null,
    priorAuthorization: null,
    references: [],
    dates: [],
    serviceDate: null,
    diagnoses: [],
    healthCareCodes: [],
    notes: [],
    serviceLines: [],
    billingProvider: ctx.billingProvider,
    subscriber: ctx.subscriber,
    patient: ctx.patient,
    claimFilingIndicator: ctx.subscriber?.claimFilingIndicator ?? null,
  };
  let inHeader = true;
  let line: ServiceLine | null = null;
  let lineHeader = false;
  for (let i = first + 1; i <= last; i++) {
    const code = codes[i];
    if (code === ID_LX) {
      if (line !== null) finishLine(line, i - 1, claim);
      inHeader = false;
      line = newLine(i, ctx.kind);
      lineHeader = true;
      continue;
    }
    if (code === ID_NM1 || code === ID_SBR || code === ID_SVD) {
      if (line !== null) lineHeader = false;
      else inHeader = false;
      continue;
    }
    if (line !== null) {
      if (!lineHeader) continue;
      if (code === ID_SV1 || code === ID_SV2) {
        if (line.serviceSegmentIndex === null) readService(i, code === ID_SV1, line);
      } else if (code === ID_DTP) {
        const d = readDate(i);
        if (d) {
          line.dates.push(d);
          if (d.qualifier.value === '472' && (!line.dateOfService || line.dateOfService.source !== 'line')) line.dateOfService = copyDate(d, 'line');
        }
      } else if (code === ID_NTE) {
        line.notes.push(readNote(i));
      } else if (code === ID_REF) {
        const r = readRef(i);
        if (r) {
          line.references.push(r);
          if (r.qualifier.value === 'G1' && !line.priorAuthorization) line.priorAuthorization = r.value;
        }
      } else if (code === ID_LIN) {
        if (!line.drug) {
          load(i);
          line.drug = { qualifier: str(2), ndc: str(3), quantity: null, unit: null, segmentIndex: i, ctpSegmentIndex: null, span: segSpan() };
        }
      } else if (code === ID_CTP) {
        const drug = line.drug;
        if (drug && drug.ctpSegmentIndex === null) {
          load(i);
          drug.quantity = num(str(4));
          drug.unit = comp(5, 1);
          drug.ctpSegmentIndex = i;
          drug.span = { offset: drug.span.offset, length: S_END - drug.span.offset };
        }
      }
      continue;
    }
    if (!inHeader) continue;
    if (code === ID_DTP) {
      const d = readDate(i);
      if (d) claim.dates.push(d);
    } else if (code === ID_REF) {
      const r = readRef(i);
      if (r) {
        claim.references.push(r);
        if (r.qualifier.value === 'G1' && !claim.priorAuthorization) claim.priorAuthorization = r.value;
      }
    } else if (code === ID_NTE) {
      claim.notes.push(readNote(i));
    } else if (code === ID_HI) {
      readHealthCare(i, claim);
    }
  }
  if (line !== null) finishLine(line, last, claim);
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

function finishLine(line: ServiceLine, end: number, claim: Claim): void {
  line.lastSegment = end;
  line.span.length = SEGS!.contentEnd(end) - line.span.offset;
  claim.serviceLines.push(line);
}

function newLine(i: number, kind: TransactionKind): ServiceLine {
  load(i);
  return {
    kind: kind === '837P' ? 'professional' : kind === '837I' ? 'institutional' : 'unknown',
    lineNumber: num(str(1)),
    firstSegment: i,
    lastSegment: i,
    serviceSegmentIndex: null,
    span: segSpan(),
    serviceSpan: segSpan(),
    procedure: null,
    procedureCode: null,
    modifiers: [],
    revenueCode: null,
    charge: null,
    unitBasis: null,
    units: null,
    placeOfService: null,
    diagnosisPointers: [],
    diagnosisPointerSpan: null,
    dateOfService: null,
    dates: [],
    drug: null,
    notes: [],
    priorAuthorization: null,
    references: [],
  };
}


function readProcedure(n: number): Procedure | null {
  if (n > EN) return null;
  splitComponents(n);
  const qualifier = cmp(1);
  if (!qualifier) return null;
  const modifiers: Modifier[] = [];
  for (let c = 3; c <= 6 && c <= CN; c++) {
    const a = CB[2 * c];
    const b = CB[2 * c + 1];
    if (a < b) modifiers.push({ value: val(a, b), offset: a, length: b - a, position: c - 2 });
  }
  return { qualifier, code: cmp(2), modifiers, description: cmp(7), span: elSpan(n) };
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
    line.charge = num(str(2));
    line.unitBasis = str(3);
    line.units = num(str(4));
    line.placeOfService = str(5);
    if (hasEl(7)) {
      line.diagnosisPointerSpan = elSpan(7);
      splitComponents(7);
      for (let k = 1; k <= CN && k <= 4; k++) {
        const a = CB[2 * k];
        const b = CB[2 * k + 1];
        if (a === b) continue;
        const text = val(a, b);
        line.diagnosisPointers.push({ value: toNumber(text), text, offset: a, length: b - a, index: k, diagnosis: null });
      }
    }
  } else {
    line.revenueCode = str(1);
    line.charge = num(str(3));
    line.unitBasis = str(4);
    line.units = num(str(5));
  }
}

function readHealthCare(i: number, claim: Claim): void {
  load(i);
  for (let e = 1; e <= EN; e++) {
    if (EB[2 * e] === EB[2 * e + 1]) continue;
    splitComponents(e);
    const qualifier = cmp(1);
    if (!qualifier) continue;
    const code = cmp(2);
    const span = elSpan(e);
    const presentOnAdmission = cmp(9);
    claim.healthCareCodes.push({ qualifier, code, elementIndex: e, segmentIndex: i, span, presentOnAdmission });
    const role = DIAGNOSIS_ROLES.get(qualifier.value);
    if (role && code) {
      claim.diagnoses.push({ qualifier, code, elementIndex: e, segmentIndex: i, span, presentOnAdmission, position: claim.diagnoses.length + 1, role: role[0], codeSystem: role[1] });
    }
  }
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

/** Build the claim model of a parsed document. Never throws. */
export function buildClaimModel(doc: X12Document): ClaimFile {
  const file: ClaimFile = { interchanges: [], claims: [], issues: [] };
  if (!doc.delimiters) return file;
  begin(doc);
  clearIntern();
  try {
    buildInto(doc, file);
  } finally {
    clearIntern();
    done();
  }
  return file;
}

function buildInto(doc: X12Document, file: ClaimFile): void {
  const segs = doc.segments;
  const codes = segs.idCodes;
  let ic: Interchange | null = null;
  let grp: FunctionalGroup | null = null;
  let tx: Transaction | null = null;
  let levels = new Map<string, HierarchyLevel>();
  let level: HierarchyLevel | null = null;
  let billing: HierarchyLevel | null = null;
  let subscriber: HierarchyLevel | null = null;
  let patient: HierarchyLevel | null = null;
  let claimStart = -1;
  let claimCtx: ClaimContext | null = null;

  const spanAt = (i: number): Span => ({ offset: segs.starts[i], length: segs.contentEnd(i) - segs.starts[i] });
  const extend = (o: { span: Span; lastSegment: number }, i: number) => {
    o.lastSegment = i;
    o.span = { offset: o.span.offset, length: segs.contentEnd(i) - o.span.offset };
  };
  const issue = (code: ModelIssue['code'], message: string, i: number) => {
    const s = spanAt(i);
    file.issues.push({ code, message, offset: s.offset, length: s.length });
  };
  const closeClaim = (last: number) => {
    if (claimStart < 0 || !claimCtx) return;
    const c = claimOf(claimStart, last, claimCtx);
    file.claims.push(c);
    tx?.claims.push(c);
    claimStart = -1;
  };
  const ensureInterchange = (i: number): Interchange => {
    if (ic) return ic;
    issue('outside-envelope', `${segs.id(i)} appears outside an ISA/IEA interchange.`, i);
    ic = newInterchange(i, false);
    file.interchanges.push(ic);
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
  const ensureTransaction = (i: number): Transaction => {
    if (tx) return tx;
    const g = ensureGroup(i);
    issue('outside-envelope', `${segs.id(i)} appears outside an ST/SE transaction set.`, i);
    tx = newTransaction(i, false, g.version?.value);
    g.transactions.push(tx);
    return tx;
  };
  const closeTransaction = (last: number, reason: string) => {
    if (!tx) return;
    closeClaim(last);
    if (!tx.seSpan) {
      file.issues.push({ code: 'missing-trailer', message: `Transaction set ${tx.controlNumber?.value ?? ''} has no SE trailer before ${reason}.`, offset: tx.stSpan.offset, length: tx.stSpan.length });
      extend(tx, last);
      tx.actualSegmentCount = last - tx.firstSegment + 1;
    }
    tx = null;
  };
  const closeGroup = (last: number, reason: string) => {
    closeTransaction(last, reason);
    if (!grp) return;
    if (!grp.geSpan) {
      file.issues.push({ code: 'missing-trailer', message: `Functional group ${grp.controlNumber?.value ?? ''} has no GE trailer before ${reason}.`, offset: grp.gsSpan?.offset ?? grp.span.offset, length: grp.gsSpan?.length ?? 0 });
      extend(grp, last);
    }
    grp = null;
  };
  const closeInterchange = (last: number, reason: string) => {
    closeGroup(last, reason);
    if (!ic) return;
    if (!ic.ieaSpan) {
      file.issues.push({ code: 'missing-trailer', message: `Interchange ${ic.controlNumber?.value ?? ''} has no IEA trailer before ${reason}.`, offset: ic.isaSpan.offset, length: ic.isaSpan.length });
      extend(ic, last);
    }
    ic = null;
  };

  const count = segs.count;
  for (let i = 0; i < count; i++) {
    const id = codes[i];
    if (claimStart >= 0 && CLAIM_END[id] === 1) closeClaim(i - 1);
    if (id === ID_ISA) {
      closeInterchange(i - 1, 'the next ISA');
      ic = newInterchange(i, true);
      file.interchanges.push(ic);
    } else if (id === ID_IEA) {
      closeGroup(i - 1, 'the IEA');
      if (!ic) {
        issue('unexpected-trailer', 'IEA without a matching ISA.', i);
        continue;
      }
      load(i);
      ic.trailerControlNumber = str(2);
      ic.declaredGroupCount = num(str(1));
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
      grp.declaredTransactionCount = num(str(1));
      grp.geSpan = segSpan();
      extend(grp, i);
      grp = null;
    } else if (id === ID_ST) {
      closeTransaction(i - 1, 'the next ST');
      const g = ensureGroup(i);
      tx = newTransaction(i, true, g.version?.value);
      g.transactions.push(tx);
      levels = new Map();
      level = billing = subscriber = patient = null;
    } else if (id === ID_SE) {
      if (!tx) {
        issue('unexpected-trailer', 'SE without a matching ST.', i);
        continue;
      }
      load(i);
      tx.trailerControlNumber = str(2);
      tx.declaredSegmentCount = num(str(1));
      tx.seSpan = segSpan();
      tx.actualSegmentCount = i - tx.firstSegment + 1;
      extend(tx, i);
      tx = null;
    } else if (id === ID_HL) {
      const t = ensureTransaction(i);
      const l = readLevel(i);
      t.hierarchy.push(l);
      if (l.id.value) levels.set(l.id.value, l);
      level = l;
      if (l.level === 'billingProvider') {
        billing = l;
        subscriber = patient = null;
      } else if (l.level === 'subscriber') {
        subscriber = l;
        patient = null;
        const parent = l.parentId ? levels.get(l.parentId.value) : undefined;
        if (parent?.level === 'billingProvider') billing = parent;
      } else if (l.level === 'patient') {
        patient = l;
        const parent = l.parentId ? levels.get(l.parentId.value) : undefined;
        if (parent?.level === 'subscriber') subscriber = parent;
      }
    } else if (id === ID_SBR) {
      if (level && claimStart < 0 && level.sbrSegmentIndex === null) {
        load(i);
        level.payerResponsibility = str(1);
        level.claimFilingIndicator = str(9);
        level.sbrSegmentIndex = i;
      }
    } else if (id === ID_NM1) {
      if (level && claimStart < 0 && level.name === null) {
        load(i);
        if (elIs(1, LEVEL_ENTITY[level.level]) && LEVEL_ENTITY[level.level] !== '') {
          const last = str(3);
          const firstName = str(4);
          level.name = last && firstName ? { value: `${last.value}, ${firstName.value}`, offset: last.offset, length: firstName.offset + firstName.length - last.offset } : last;
          level.identifier = str(9);
        }
      }
    } else if (id === ID_CLM) {
      const t = ensureTransaction(i);
      claimStart = i;
      claimCtx = { kind: t.kind, billingProvider: billing, subscriber, patient };
    }
  }
  closeInterchange(count - 1, 'the end of the file');
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
    hierarchy: [],
    claims: [],
  };
}

// ---------------------------------------------------------------------------------------------
// incremental

/** Index of the first claim ending at or after `segment` (claims are in document order). */
function firstClaimEndingAtOrAfter(cs: Claim[], segment: number): number {
  let lo = 0;
  let hi = cs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cs[mid].lastSegment < segment) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Claims whose segment range overlaps [firstSegment, lastSegment] (inclusive). */
export function claimsInRange(model: ClaimFile, firstSegment: number, lastSegment: number): Claim[] {
  const out: Claim[] = [];
  const cs = model.claims;
  for (let i = firstClaimEndingAtOrAfter(cs, firstSegment); i < cs.length && cs[i].firstSegment <= lastSegment; i++) out.push(cs[i]);
  return out;
}

/** The claim containing a segment index, or null. */
export function claimAtSegment(model: ClaimFile, segmentIndex: number): Claim | null {
  return claimsInRange(model, segmentIndex, segmentIndex)[0] ?? null;
}

/** Segments whose presence changes the structure around claims: edits touching them rebuild everything. */
const STRUCTURAL = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'HL', 'CLM', 'SBR']);

/*
 * Lazy shifting. After an edit inside one claim, everything after it moves by the same amounts: offsets
 * by `delta`, segment indexes by `segDelta`. Rewriting every later claim would cost O(claims), so the
 * update only appends the shift to a log and the objects catch up when they are read:
 *
 * - model.claims, every transaction's `claims` and `hierarchy` become Proxies over the real arrays; reading
 *   an element brings that claim (and its HL levels) up to date before returning it. Iterating, indexing,
 *   map/filter/find, JSON.stringify and deepEqual all read elements that way, so callers only ever see
 *   correct absolute offsets. (structuredClone cannot copy a Proxy: call `settleClaimModel` first.)
 * - each log entry applies to the objects whose segment index is at or after `segFrom` (in the coordinates
 *   of that moment); a claim or HL level is always entirely before or entirely after an edit.
 * - envelopes (ISA/GS/ST) and issues are few and may contain the edit: they are shifted right away.
 *
 * The log is compacted (everything brought up to date) every COMPACT_AFTER updates.
 */

interface Shift {
  segFrom: number;
  delta: number;
  segDelta: number;
}

interface TxEntry {
  tx: Transaction;
  claims: Claim[];
  hierarchy: HierarchyLevel[];
  /** Index in the flat claim list of this transaction's first claim. */
  claimBase: number;
}

interface LazyState {
  claims: Claim[];
  /** Version each claim is up to date with (absolute: base + log index). */
  claimVersion: Int32Array;
  levelVersion: WeakMap<HierarchyLevel, number>;
  log: Shift[];
  /** Version of log[0]'s starting point; current version = base + log.length. */
  base: number;
  txs: TxEntry[];
}

const COMPACT_AFTER = 1024;
const lazyStates = new WeakMap<ClaimFile, LazyState>();

function isIndexKey(key: string | symbol): key is string {
  if (typeof key !== 'string') return false;
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}

class ClaimsView implements ProxyHandler<Claim[]> {
  constructor(
    private readonly st: LazyState,
    private readonly base: number,
  ) {}
  get(target: Claim[], key: string | symbol, receiver: unknown): unknown {
    if (isIndexKey(key)) {
      const i = +key;
      if (i < target.length) flushClaim(this.st, this.base + i);
      return (target as unknown as Record<string, unknown>)[key];
    }
    return Reflect.get(target, key, receiver);
  }
}

class LevelsView implements ProxyHandler<HierarchyLevel[]> {
  constructor(private readonly st: LazyState) {}
  get(target: HierarchyLevel[], key: string | symbol, receiver: unknown): unknown {
    if (isIndexKey(key)) {
      const l = (target as unknown as Record<string, HierarchyLevel | undefined>)[key];
      if (l) flushLevel(this.st, l);
      return l;
    }
    return Reflect.get(target, key, receiver);
  }
}

function lazyState(model: ClaimFile): LazyState {
  let st = lazyStates.get(model);
  if (st) return st;
  const claims = model.claims;
  st = { claims, claimVersion: new Int32Array(claims.length), levelVersion: new WeakMap(), log: [], base: 0, txs: [] };
  let next = 0;
  for (const x of model.interchanges)
    for (const g of x.groups)
      for (const tx of g.transactions) {
        const base = tx.claims.length > 0 ? claims.indexOf(tx.claims[0], next) : next;
        const entry: TxEntry = { tx, claims: tx.claims, hierarchy: tx.hierarchy, claimBase: base < 0 ? next : base };
        next = entry.claimBase + tx.claims.length;
        st.txs.push(entry);
        tx.claims = new Proxy(tx.claims, new ClaimsView(st, entry.claimBase));
        tx.hierarchy = new Proxy(tx.hierarchy, new LevelsView(st));
      }
  model.claims = new Proxy(claims, new ClaimsView(st, 0));
  lazyStates.set(model, st);
  return st;
}

function currentVersion(st: LazyState): number {
  return st.base + st.log.length;
}

function flushClaim(st: LazyState, i: number): void {
  const cur = st.base + st.log.length;
  const v = st.claimVersion[i];
  if (v === cur) return;
  const c = st.claims[i];
  const log = st.log;
  let seg = c.firstSegment;
  let delta = 0;
  let segDelta = 0;
  for (let k = v - st.base; k < log.length; k++) {
    const e = log[k];
    if (seg >= e.segFrom) {
      delta += e.delta;
      segDelta += e.segDelta;
      seg += e.segDelta;
    }
  }
  st.claimVersion[i] = cur;
  if (delta !== 0 || segDelta !== 0) shiftClaim(c, delta, segDelta);
  if (c.billingProvider) flushLevel(st, c.billingProvider);
  if (c.subscriber) flushLevel(st, c.subscriber);
  if (c.patient) flushLevel(st, c.patient);
}

function flushLevel(st: LazyState, l: HierarchyLevel): void {
  const cur = st.base + st.log.length;
  const v = st.levelVersion.get(l) ?? st.base;
  if (v === cur) return;
  const log = st.log;
  let seg = l.segmentIndex;
  let delta = 0;
  let segDelta = 0;
  for (let k = v - st.base; k < log.length; k++) {
    const e = log[k];
    if (seg >= e.segFrom) {
      delta += e.delta;
      segDelta += e.segDelta;
      seg += e.segDelta;
    }
  }
  st.levelVersion.set(l, cur);
  if (delta !== 0 || segDelta !== 0) shiftLevel(l, delta, segDelta);
}

/** Bring every claim and level up to date and empty the log. */
function compact(st: LazyState): void {
  for (let i = 0; i < st.claims.length; i++) flushClaim(st, i);
  for (const t of st.txs) for (const l of t.hierarchy) flushLevel(st, l);
  st.base = currentVersion(st);
  st.log = [];
  st.levelVersion = new WeakMap();
}

/**
 * Bring a model that went through `updateClaimModel` fully up to date and give it plain arrays again
 * (no Proxies): for structuredClone / postMessage, or before handing it to code that keeps the arrays.
 * Cheap on a model that was never updated incrementally. Returns the same model.
 */
export function settleClaimModel(model: ClaimFile): ClaimFile {
  const st = lazyStates.get(model);
  if (!st) return model;
  compact(st);
  model.claims = st.claims;
  for (const t of st.txs) {
    t.tx.claims = t.claims;
    t.tx.hierarchy = t.hierarchy;
  }
  lazyStates.delete(model);
  return model;
}

// Shifting one claim / level by a uniform amount. Objects shared inside a claim are shifted once: a
// line's dateOfService shares qualifier/format/value/span with a DTP entry (own segmentIndex); a
// diagnosis shares qualifier/code/span/presentOnAdmission with its healthCareCodes entry; serviceDate,
// priorAuthorization, placeOfService, procedureCode, modifiers and claimFilingIndicator are references.

function mv(o: Span | null, d: number): void {
  if (o !== null) o.offset += d;
}

function shiftDate(x: DateValue, d: number, sd: number): void {
  x.qualifier.offset += d;
  mv(x.format, d);
  x.value.offset += d;
  x.span.offset += d;
  x.segmentIndex += sd;
}

function shiftNote(x: Note, d: number, sd: number): void {
  mv(x.reference, d);
  mv(x.text, d);
  x.span.offset += d;
  x.segmentIndex += sd;
}

function shiftRef(x: Reference, d: number, sd: number): void {
  x.qualifier.offset += d;
  mv(x.value, d);
  x.span.offset += d;
  x.segmentIndex += sd;
}

function shiftClaim(c: Claim, d: number, sd: number): void {
  c.firstSegment += sd;
  c.lastSegment += sd;
  c.span.offset += d;
  c.clmSpan.offset += d;
  mv(c.patientControlNumber, d);
  mv(c.totalCharge, d);
  const f = c.facility;
  if (f) {
    mv(f.code, d);
    mv(f.qualifier, d);
    mv(f.frequency, d);
    f.span.offset += d;
  }
  for (const r of c.references) shiftRef(r, d, sd);
  for (const x of c.dates) shiftDate(x, d, sd);
  for (const h of c.healthCareCodes) {
    h.qualifier.offset += d;
    mv(h.code, d);
    h.span.offset += d;
    mv(h.presentOnAdmission, d);
    h.segmentIndex += sd;
  }
  for (const x of c.diagnoses) x.segmentIndex += sd;
  for (const n of c.notes) shiftNote(n, d, sd);
  for (const l of c.serviceLines) {
    mv(l.lineNumber, d);
    l.firstSegment += sd;
    l.lastSegment += sd;
    if (l.serviceSegmentIndex !== null) l.serviceSegmentIndex += sd;
    l.span.offset += d;
    l.serviceSpan.offset += d;
    const p = l.procedure;
    if (p) {
      p.qualifier.offset += d;
      mv(p.code, d);
      for (const m of p.modifiers) m.offset += d;
      mv(p.description, d);
      p.span.offset += d;
    }
    mv(l.revenueCode, d);
    mv(l.charge, d);
    mv(l.unitBasis, d);
    mv(l.units, d);
    mv(l.placeOfService, d);
    for (const x of l.diagnosisPointers) x.offset += d;
    mv(l.diagnosisPointerSpan, d);
    if (l.dateOfService) l.dateOfService.segmentIndex += sd;
    for (const x of l.dates) shiftDate(x, d, sd);
    const g = l.drug;
    if (g) {
      mv(g.qualifier, d);
      mv(g.ndc, d);
      mv(g.quantity, d);
      mv(g.unit, d);
      g.segmentIndex += sd;
      if (g.ctpSegmentIndex !== null) g.ctpSegmentIndex += sd;
      g.span.offset += d;
    }
    for (const n of l.notes) shiftNote(n, d, sd);
    for (const r of l.references) shiftRef(r, d, sd);
  }
}

function shiftLevel(l: HierarchyLevel, d: number, sd: number): void {
  l.id.offset += d;
  mv(l.parentId, d);
  mv(l.levelCode, d);
  mv(l.childCode, d);
  l.span.offset += d;
  mv(l.payerResponsibility, d);
  mv(l.claimFilingIndicator, d);
  mv(l.name, d);
  mv(l.identifier, d);
  l.segmentIndex += sd;
  if (l.sbrSegmentIndex !== null) l.sbrSegmentIndex += sd;
}

/** Envelope spans may contain the edit: move each end that lies at or after `editEnd`. */
function mvRange(o: Span | null, editEnd: number, d: number): void {
  if (o === null) return;
  const s = o.offset;
  const e = s + o.length;
  const ns = s >= editEnd ? s + d : s;
  const ne = e >= editEnd ? e + d : e;
  o.offset = ns;
  o.length = ne - ns;
}

function shiftEnvelopes(model: ClaimFile, doc: X12Document, splice: SegmentSplice): void {
  const { editEnd, delta: d } = splice;
  const oldLast = splice.first + splice.removedCount - 1;
  const sd = splice.insertedCount - splice.removedCount;
  const segs = doc.segments;
  const first = (n: number) => (n > oldLast ? n + sd : n);
  // an envelope without its trailer ends with the claim's last segment, possibly one of the replaced
  // ones: its end is read again from the new document
  const end = (o: { span: Span; lastSegment: number }) => {
    const n = o.lastSegment;
    if (n > oldLast) o.lastSegment = n + sd;
    else if (n >= splice.first) {
      o.lastSegment = oldLast + sd;
      o.span.length = segs.contentEnd(o.lastSegment) - o.span.offset;
    }
  };
  for (const x of model.interchanges) {
    for (const s of [x.controlNumber, x.trailerControlNumber, x.declaredGroupCount, x.senderId, x.receiverId, x.usageIndicator, x.span, x.isaSpan, x.ieaSpan]) mvRange(s, editEnd, d);
    x.firstSegment = first(x.firstSegment);
    end(x);
    for (const g of x.groups) {
      for (const s of [g.functionalIdentifier, g.controlNumber, g.trailerControlNumber, g.declaredTransactionCount, g.version, g.span, g.gsSpan, g.geSpan]) mvRange(s, editEnd, d);
      g.firstSegment = first(g.firstSegment);
      end(g);
      for (const t of g.transactions) {
        for (const s of [t.controlNumber, t.trailerControlNumber, t.declaredSegmentCount, t.implementationReference, t.span, t.stSpan, t.seSpan]) mvRange(s, editEnd, d);
        t.firstSegment = first(t.firstSegment);
        end(t);
      }
    }
  }
  for (const i of model.issues) mvRange(i, editEnd, d);
}

/**
 * Update a model after `reparseX12` replaced some segments. When the replaced segments lie inside one
 * claim and no structural segment (envelopes, HL, CLM, SBR) was added or removed, only that claim is
 * rebuilt; the claims and HL levels after it are shifted lazily (see above), the envelopes right away.
 * Otherwise (or when `splice` is null) the model is rebuilt from scratch. Costs O(log claims + size of
 * the touched claim + envelopes), independent of the number of claims after the edit.
 *
 * The old model is consumed: it is modified and returned, so do not keep using the old version (the
 * analysis cache replaces it anyway), nor claim objects read from it before the update. `oldDoc` is the
 * document the old model was built from.
 */
export function updateClaimModel(old: ClaimFile, doc: X12Document, oldDoc: X12Document, splice: SegmentSplice | null): ClaimFile {
  if (!splice || splice.removedCount === 0 || splice.insertedCount === 0 || !doc.delimiters) return buildClaimModel(doc);
  const oldLast = splice.first + splice.removedCount - 1;
  const hit = claimsInRange(old, splice.first, oldLast);
  if (hit.length !== 1) return buildClaimModel(doc);
  const target = hit[0];
  if (splice.first < target.firstSegment || oldLast > target.lastSegment) return buildClaimModel(doc);
  // structural check on both sides (a CLM replaced by a CLM at the claim's first segment is fine)
  for (let i = splice.first; i <= oldLast; i++) {
    const id = oldDoc.segments.id(i);
    if (STRUCTURAL.has(id) && !(i === target.firstSegment && id === 'CLM')) return buildClaimModel(doc);
  }
  for (let i = splice.first; i < splice.first + splice.insertedCount; i++) {
    const id = doc.segments.id(i);
    if (STRUCTURAL.has(id) && !(i === target.firstSegment && id === 'CLM')) return buildClaimModel(doc);
  }
  if (doc.segments.id(target.firstSegment) !== 'CLM') return buildClaimModel(doc);
  const st = lazyState(old);
  const flatIndex = firstClaimEndingAtOrAfter(old.claims, splice.first);
  if (st.claims[flatIndex] !== target) return buildClaimModel(doc);
  const segDelta = splice.insertedCount - splice.removedCount;
  const oldEnd = oldLast + 1; // first old segment index after the replaced ones
  if (splice.delta !== 0 || segDelta !== 0) st.log.push({ segFrom: oldEnd, delta: splice.delta, segDelta });
  shiftEnvelopes(old, doc, splice);
  const rebuilt = buildClaim(doc, target.firstSegment, target.lastSegment + segDelta, {
    kind: target.transactionKind,
    billingProvider: target.billingProvider,
    subscriber: target.subscriber,
    patient: target.patient,
  });
  const entry = txOfClaim(st, flatIndex);
  st.claims[flatIndex] = rebuilt;
  st.claimVersion[flatIndex] = currentVersion(st);
  if (entry) {
    entry.claims[flatIndex - entry.claimBase] = rebuilt;
    const t = entry.tx;
    if (t.seSpan) t.actualSegmentCount += segDelta;
    else t.actualSegmentCount = t.lastSegment - t.firstSegment + 1;
  }
  if (st.log.length >= COMPACT_AFTER) compact(st);
  return old;
}

function txOfClaim(st: LazyState, flatIndex: number): TxEntry | null {
  let lo = 0;
  let hi = st.txs.length - 1;
  let found: TxEntry | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = st.txs[mid];
    if (e.claimBase <= flatIndex) {
      if (flatIndex < e.claimBase + e.claims.length) found = e;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && found.claims[flatIndex - found.claimBase] === st.claims[flatIndex] ? found : null;
}

export { ENVELOPE as ENVELOPE_SEGMENTS };
