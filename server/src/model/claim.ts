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
import type { SegmentSplice, Span, X12Document, X12Element, X12Segment } from '../parse/x12';

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
// helpers

function spanOf(s: X12Segment): Span {
  return { offset: s.offset, length: s.length };
}

function element(s: X12Segment, n: number): X12Element | undefined {
  return s.elements[n - 1];
}

/** Element n (1-based) as a spanned string, null when absent or empty. */
function str(s: X12Segment, n: number): Spanned | null {
  const e = s.elements[n - 1];
  if (!e || e.length === 0) return null;
  return { value: e.value, offset: e.offset, length: e.length };
}

/** Component c of element n (first repetition), null when absent or empty. */
function comp(s: X12Segment, n: number, c: number): Spanned | null {
  const e = s.elements[n - 1];
  const k = e?.repetitions[0]?.components[c - 1];
  if (!k || k.length === 0) return null;
  return { value: k.value, offset: k.offset, length: k.length };
}

function toNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

function num(v: Spanned | null): NumericValue | null {
  if (!v) return null;
  return { value: toNumber(v.value), text: v.value, offset: v.offset, length: v.length };
}

function isoDate(d: string): string | null {
  if (!/^\d{8}$/.test(d)) return null;
  const y = +d.slice(0, 4);
  const m = +d.slice(4, 6);
  const day = +d.slice(6, 8);
  if (m < 1 || m > 12 || day < 1 || day > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, day));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

function readDate(s: X12Segment): DateValue | null {
  const qualifier = str(s, 1);
  const value = str(s, 3);
  if (!qualifier || !value) return null;
  const format = str(s, 2);
  let from: string | null = null;
  let to: string | null = null;
  const v = value.value;
  if (format?.value === 'RD8' || (format === null && v.length === 17 && v[8] === '-')) {
    const [a, b] = v.split('-');
    from = isoDate(a ?? '');
    to = isoDate(b ?? '');
  } else {
    from = isoDate(v);
    to = from;
  }
  return { qualifier, format, value, from, to, segmentIndex: s.index, span: spanOf(s) };
}

function readNote(s: X12Segment): Note {
  return { reference: str(s, 1), text: str(s, 2), segmentIndex: s.index, span: spanOf(s) };
}

function readRef(s: X12Segment): Reference | null {
  const qualifier = str(s, 1);
  if (!qualifier) return null;
  return { qualifier, value: str(s, 2), segmentIndex: s.index, span: spanOf(s) };
}

const DIAGNOSIS_ROLES: Record<string, [Diagnosis['role'], Diagnosis['codeSystem']]> = {
  ABK: ['principal', 'ICD-10-CM'],
  BK: ['principal', 'ICD-9-CM'],
  ABF: ['other', 'ICD-10-CM'],
  BF: ['other', 'ICD-9-CM'],
  ABJ: ['admitting', 'ICD-10-CM'],
  BJ: ['admitting', 'ICD-9-CM'],
  APR: ['reasonForVisit', 'ICD-10-CM'],
  PR: ['reasonForVisit', 'ICD-9-CM'],
  ABN: ['externalCause', 'ICD-10-CM'],
  BN: ['externalCause', 'ICD-9-CM'],
};

/** Transaction kind from ST03, else GS08. */
export function kindOf(st03: string | undefined, gs08: string | undefined): TransactionKind {
  for (const v of [st03, gs08]) {
    if (!v) continue;
    if (v.startsWith('005010X222')) return '837P';
    if (v.startsWith('005010X223')) return '837I';
  }
  return 'unknown';
}

const CLAIM_END = new Set(['CLM', 'HL', 'SE', 'ST', 'GE', 'GS', 'IEA', 'ISA']);
const ENVELOPE = new Set(['SE', 'ST', 'GE', 'GS', 'IEA', 'ISA']);

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
  const segs = doc.segments;
  const clm = segs.segment(first);
  const c5 = element(clm, 5);
  const facility = c5 && c5.length > 0 ? { code: comp(clm, 5, 1), qualifier: comp(clm, 5, 2), frequency: comp(clm, 5, 3), span: { offset: c5.offset, length: c5.length } } : null;
  const lastEnd = segs.contentEnd(last);
  const claim: Claim = {
    transactionKind: ctx.kind,
    firstSegment: first,
    lastSegment: last,
    span: { offset: clm.offset, length: lastEnd - clm.offset },
    clmSpan: spanOf(clm),
    patientControlNumber: str(clm, 1),
    totalCharge: num(str(clm, 2)),
    facility,
    placeOfService: facility && (facility.qualifier?.value === 'B' || (ctx.kind === '837P' && facility.qualifier?.value !== 'A')) ? facility.code : null,
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
  const finishLine = (end: number) => {
    if (!line) return;
    line.lastSegment = end;
    line.span = { offset: line.span.offset, length: segs.contentEnd(end) - line.span.offset };
    claim.serviceLines.push(line);
    line = null;
  };
  for (let i = first + 1; i <= last; i++) {
    const id = segs.id(i);
    if (id === 'LX') {
      finishLine(i - 1);
      inHeader = false;
      const lx = segs.segment(i);
      line = newLine(lx, ctx.kind);
      lineHeader = true;
      continue;
    }
    if (id === 'NM1' || id === 'SBR' || id === 'SVD') {
      if (line) lineHeader = false;
      else inHeader = false;
      continue;
    }
    if (line) {
      if (!lineHeader) continue;
      const cur: ServiceLine = line;
      switch (id) {
        case 'SV1':
        case 'SV2':
          if (cur.serviceSegmentIndex === null) readService(segs.segment(i), cur);
          break;
        case 'DTP': {
          const d = readDate(segs.segment(i));
          if (d) {
            cur.dates.push(d);
            if (d.qualifier.value === '472' && (!cur.dateOfService || cur.dateOfService.source !== 'line')) cur.dateOfService = { ...d, source: 'line' };
          }
          break;
        }
        case 'NTE':
          cur.notes.push(readNote(segs.segment(i)));
          break;
        case 'REF': {
          const r = readRef(segs.segment(i));
          if (r) {
            cur.references.push(r);
            if (r.qualifier.value === 'G1' && !cur.priorAuthorization) cur.priorAuthorization = r.value;
          }
          break;
        }
        case 'LIN': {
          const s = segs.segment(i);
          if (!cur.drug) cur.drug = { qualifier: str(s, 2), ndc: str(s, 3), quantity: null, unit: null, segmentIndex: i, ctpSegmentIndex: null, span: spanOf(s) };
          break;
        }
        case 'CTP': {
          const s = segs.segment(i);
          if (cur.drug && cur.drug.ctpSegmentIndex === null) {
            cur.drug.quantity = num(str(s, 4));
            cur.drug.unit = comp(s, 5, 1);
            cur.drug.ctpSegmentIndex = i;
            cur.drug.span = { offset: cur.drug.span.offset, length: s.offset + s.length - cur.drug.span.offset };
          }
          break;
        }
      }
      continue;
    }
    if (!inHeader) continue;
    switch (id) {
      case 'DTP': {
        const d = readDate(segs.segment(i));
        if (d) claim.dates.push(d);
        break;
      }
      case 'REF': {
        const r = readRef(segs.segment(i));
        if (r) {
          claim.references.push(r);
          if (r.qualifier.value === 'G1' && !claim.priorAuthorization) claim.priorAuthorization = r.value;
        }
        break;
      }
      case 'NTE':
        claim.notes.push(readNote(segs.segment(i)));
        break;
      case 'HI':
        readHealthCare(segs.segment(i), claim);
        break;
    }
  }
  finishLine(last);
  claim.serviceDate = claim.dates.find((d) => d.qualifier.value === '472') ?? claim.dates.find((d) => d.qualifier.value === '434') ?? null;
  for (const l of claim.serviceLines) {
    if (!l.dateOfService && claim.serviceDate) l.dateOfService = { ...claim.serviceDate, source: 'claim' };
    for (const p of l.diagnosisPointers) p.diagnosis = p.value !== null && Number.isInteger(p.value) ? (claim.diagnoses[p.value - 1] ?? null) : null;
  }
  return claim;
}

function newLine(lx: X12Segment, kind: TransactionKind): ServiceLine {
  return {
    kind: kind === '837P' ? 'professional' : kind === '837I' ? 'institutional' : 'unknown',
    lineNumber: num(str(lx, 1)),
    firstSegment: lx.index,
    lastSegment: lx.index,
    serviceSegmentIndex: null,
    span: spanOf(lx),
    serviceSpan: spanOf(lx),
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

function readProcedure(s: X12Segment, n: number): Procedure | null {
  const e = element(s, n);
  const qualifier = comp(s, n, 1);
  if (!e || !qualifier) return null;
  const modifiers: Modifier[] = [];
  for (let c = 3; c <= 6; c++) {
    const m = comp(s, n, c);
    if (m) modifiers.push({ ...m, position: c - 2 });
  }
  return { qualifier, code: comp(s, n, 2), modifiers, description: comp(s, n, 7), span: { offset: e.offset, length: e.length } };
}

function readService(s: X12Segment, line: ServiceLine): void {
  line.serviceSegmentIndex = s.index;
  line.serviceSpan = spanOf(s);
  const professional = s.id === 'SV1';
  line.kind = professional ? 'professional' : 'institutional';
  const proc = readProcedure(s, professional ? 1 : 2);
  line.procedure = proc;
  line.procedureCode = proc?.code ?? null;
  line.modifiers = proc?.modifiers ?? [];
  if (professional) {
    line.charge = num(str(s, 2));
    line.unitBasis = str(s, 3);
    line.units = num(str(s, 4));
    line.placeOfService = str(s, 5);
    const p = element(s, 7);
    if (p && p.length > 0) {
      line.diagnosisPointerSpan = { offset: p.offset, length: p.length };
      for (const k of p.repetitions[0].components) {
        if (k.length === 0 || k.index > 4) continue;
        line.diagnosisPointers.push({ value: toNumber(k.value), text: k.value, offset: k.offset, length: k.length, index: k.index, diagnosis: null });
      }
    }
  } else {
    line.revenueCode = str(s, 1);
    line.charge = num(str(s, 3));
    line.unitBasis = str(s, 4);
    line.units = num(str(s, 5));
  }
}

function readHealthCare(s: X12Segment, claim: Claim): void {
  for (const e of s.elements) {
    if (e.length === 0) continue;
    const comps = e.repetitions[0].components;
    const q = comps[0];
    if (!q || q.length === 0) continue;
    const c2 = comps[1];
    const poa = comps[8];
    const code: HealthCareCode = {
      qualifier: { value: q.value, offset: q.offset, length: q.length },
      code: c2 && c2.length > 0 ? { value: c2.value, offset: c2.offset, length: c2.length } : null,
      elementIndex: e.index,
      segmentIndex: s.index,
      span: { offset: e.offset, length: e.length },
      presentOnAdmission: poa && poa.length > 0 ? { value: poa.value, offset: poa.offset, length: poa.length } : null,
    };
    claim.healthCareCodes.push(code);
    const role = DIAGNOSIS_ROLES[q.value];
    if (role && code.code) {
      claim.diagnoses.push({ ...code, code: code.code, position: claim.diagnoses.length + 1, role: role[0], codeSystem: role[1] });
    }
  }
}

function readLevel(s: X12Segment): HierarchyLevel {
  const levelCode = str(s, 3);
  const lc = levelCode?.value;
  return {
    id: str(s, 1) ?? { value: '', offset: s.offset + s.length, length: 0 },
    parentId: str(s, 2),
    levelCode,
    level: lc === '20' ? 'billingProvider' : lc === '22' ? 'subscriber' : lc === '23' ? 'patient' : 'other',
    childCode: str(s, 4),
    segmentIndex: s.index,
    span: spanOf(s),
    payerResponsibility: null,
    claimFilingIndicator: null,
    sbrSegmentIndex: null,
    name: null,
    identifier: null,
  };
}

const LEVEL_ENTITY: Record<string, string> = { billingProvider: '85', subscriber: 'IL', patient: 'QC' };

// ---------------------------------------------------------------------------------------------

/** Build the claim model of a parsed document. Never throws. */
export function buildClaimModel(doc: X12Document): ClaimFile {
  const segs = doc.segments;
  const file: ClaimFile = { interchanges: [], claims: [], issues: [] };
  if (!doc.delimiters) return file;
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

  const end = (i: number) => segs.contentEnd(i);
  const extend = (o: { span: Span; lastSegment: number }, i: number) => {
    o.lastSegment = i;
    o.span = { offset: o.span.offset, length: end(i) - o.span.offset };
  };
  const closeClaim = (last: number) => {
    if (claimStart < 0 || !claimCtx) return;
    const c = buildClaim(doc, claimStart, last, claimCtx);
    file.claims.push(c);
    tx?.claims.push(c);
    claimStart = -1;
  };
  const ensureInterchange = (i: number): Interchange => {
    if (ic) return ic;
    const s = segs.segment(i);
    file.issues.push({ code: 'outside-envelope', message: `${s.id} appears outside an ISA/IEA interchange.`, offset: s.offset, length: s.length });
    ic = newInterchange(s, false);
    file.interchanges.push(ic);
    return ic;
  };
  const ensureGroup = (i: number): FunctionalGroup => {
    if (grp) return grp;
    const x = ensureInterchange(i);
    const s = segs.segment(i);
    if (s.id !== 'GS') file.issues.push({ code: 'outside-envelope', message: `${s.id} appears outside a GS/GE functional group.`, offset: s.offset, length: s.length });
    grp = newGroup(s, s.id === 'GS');
    x.groups.push(grp);
    return grp;
  };
  const ensureTransaction = (i: number): Transaction => {
    if (tx) return tx;
    const g = ensureGroup(i);
    const s = segs.segment(i);
    file.issues.push({ code: 'outside-envelope', message: `${s.id} appears outside an ST/SE transaction set.`, offset: s.offset, length: s.length });
    tx = newTransaction(s, false, g.version?.value);
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

  for (let i = 0; i < segs.count; i++) {
    const id = segs.id(i);
    if (claimStart >= 0 && CLAIM_END.has(id)) closeClaim(i - 1);
    switch (id) {
      case 'ISA': {
        closeInterchange(i - 1, 'the next ISA');
        ic = newInterchange(segs.segment(i), true);
        file.interchanges.push(ic);
        continue;
      }
      case 'IEA': {
        closeGroup(i - 1, 'the IEA');
        const s = segs.segment(i);
        if (!ic) {
          file.issues.push({ code: 'unexpected-trailer', message: 'IEA without a matching ISA.', offset: s.offset, length: s.length });
          continue;
        }
        ic.trailerControlNumber = str(s, 2);
        ic.declaredGroupCount = num(str(s, 1));
        ic.ieaSpan = spanOf(s);
        extend(ic, i);
        ic = null;
        continue;
      }
      case 'GS': {
        closeGroup(i - 1, 'the next GS');
        const x = ensureInterchange(i);
        grp = newGroup(segs.segment(i), true);
        x.groups.push(grp);
        continue;
      }
      case 'GE': {
        closeTransaction(i - 1, 'the GE');
        const s = segs.segment(i);
        if (!grp) {
          file.issues.push({ code: 'unexpected-trailer', message: 'GE without a matching GS.', offset: s.offset, length: s.length });
          continue;
        }
        grp.trailerControlNumber = str(s, 2);
        grp.declaredTransactionCount = num(str(s, 1));
        grp.geSpan = spanOf(s);
        extend(grp, i);
        grp = null;
        continue;
      }
      case 'ST': {
        closeTransaction(i - 1, 'the next ST');
        const g = ensureGroup(i);
        tx = newTransaction(segs.segment(i), true, g.version?.value);
        g.transactions.push(tx);
        levels = new Map();
        level = billing = subscriber = patient = null;
        continue;
      }
      case 'SE': {
        const s = segs.segment(i);
        if (!tx) {
          file.issues.push({ code: 'unexpected-trailer', message: 'SE without a matching ST.', offset: s.offset, length: s.length });
          continue;
        }
        tx.trailerControlNumber = str(s, 2);
        tx.declaredSegmentCount = num(str(s, 1));
        tx.seSpan = spanOf(s);
        tx.actualSegmentCount = i - tx.firstSegment + 1;
        extend(tx, i);
        tx = null;
        continue;
      }
      case 'HL': {
        const t = ensureTransaction(i);
        const l = readLevel(segs.segment(i));
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
        continue;
      }
      case 'SBR': {
        if (level && claimStart < 0 && level.sbrSegmentIndex === null) {
          const s = segs.segment(i);
          level.payerResponsibility = str(s, 1);
          level.claimFilingIndicator = str(s, 9);
          level.sbrSegmentIndex = i;
        }
        continue;
      }
      case 'NM1': {
        if (level && claimStart < 0 && level.name === null) {
          const s = segs.segment(i);
          if (str(s, 1)?.value === LEVEL_ENTITY[level.level]) {
            const last = str(s, 3);
            const firstName = str(s, 4);
            level.name = last && firstName ? { value: `${last.value}, ${firstName.value}`, offset: last.offset, length: firstName.offset + firstName.length - last.offset } : last;
            level.identifier = str(s, 9);
          }
        }
        continue;
      }
      case 'CLM': {
        const t = ensureTransaction(i);
        claimStart = i;
        claimCtx = { kind: t.kind, billingProvider: billing, subscriber, patient };
        continue;
      }
    }
  }
  const last = segs.count - 1;
  closeInterchange(last, 'the end of the file');
  return file;
}

function newInterchange(s: X12Segment, real: boolean): Interchange {
  return {
    controlNumber: real ? str(s, 13) : null,
    trailerControlNumber: null,
    declaredGroupCount: null,
    senderId: real ? str(s, 6) : null,
    receiverId: real ? str(s, 8) : null,
    usageIndicator: real ? str(s, 15) : null,
    firstSegment: s.index,
    lastSegment: s.index,
    span: spanOf(s),
    isaSpan: spanOf(s),
    ieaSpan: null,
    groups: [],
  };
}

function newGroup(s: X12Segment, real: boolean): FunctionalGroup {
  return {
    functionalIdentifier: real ? str(s, 1) : null,
    controlNumber: real ? str(s, 6) : null,
    trailerControlNumber: null,
    declaredTransactionCount: null,
    version: real ? str(s, 8) : null,
    firstSegment: s.index,
    lastSegment: s.index,
    span: spanOf(s),
    gsSpan: real ? spanOf(s) : null,
    geSpan: null,
    transactions: [],
  };
}

function newTransaction(s: X12Segment, real: boolean, gs08: string | undefined): Transaction {
  const st03 = real ? str(s, 3) : null;
  return {
    controlNumber: real ? str(s, 2) : null,
    trailerControlNumber: null,
    declaredSegmentCount: null,
    actualSegmentCount: 0,
    implementationReference: st03,
    kind: kindOf(st03?.value, gs08),
    firstSegment: s.index,
    lastSegment: s.index,
    span: spanOf(s),
    stSpan: spanOf(s),
    seSpan: null,
    hierarchy: [],
    claims: [],
  };
}

// ---------------------------------------------------------------------------------------------
// incremental

/** Claims whose segment range overlaps [firstSegment, lastSegment] (inclusive). */
export function claimsInRange(model: ClaimFile, firstSegment: number, lastSegment: number): Claim[] {
  const out: Claim[] = [];
  const cs = model.claims;
  // claims are in document order: binary search for the first claim ending at or after firstSegment
  let lo = 0;
  let hi = cs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cs[mid].lastSegment < firstSegment) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < cs.length && cs[i].firstSegment <= lastSegment; i++) out.push(cs[i]);
  return out;
}

/** The claim containing a segment index, or null. */
export function claimAtSegment(model: ClaimFile, segmentIndex: number): Claim | null {
  return claimsInRange(model, segmentIndex, segmentIndex)[0] ?? null;
}

/** Segments whose presence changes the structure around claims: edits touching them rebuild everything. */
const STRUCTURAL = new Set(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'HL', 'CLM', 'SBR']);

/**
 * Update a model after `reparseX12` replaced some segments. When the replaced segments lie inside one
 * claim and no structural segment (envelopes, HL, CLM, SBR) was added or removed, only that claim is
 * rebuilt and every other span / segment index is shifted IN PLACE; otherwise (or when `splice` is null)
 * the model is rebuilt from scratch.
 *
 * The old model is consumed: it is modified and returned, so do not keep using the old version (the
 * analysis cache replaces it anyway). `oldDoc` is the document the old model was built from.
 */
export function updateClaimModel(old: ClaimFile, doc: X12Document, oldDoc: X12Document, splice: SegmentSplice | null): ClaimFile {
  if (!splice || splice.removedCount === 0 || splice.insertedCount === 0) return buildClaimModel(doc);
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
  const segDelta = splice.insertedCount - splice.removedCount;
  const oldEnd = oldLast + 1; // first old segment index after the replaced ones
  const transaction = findTransaction(old, target);
  const flatIndex = old.claims.indexOf(target);
  // Shift what lies after the edit. Claims before the target end before the edit: untouched. Objects
  // shared inside the model (a line's dateOfService and its DTP entry, SBR09 on the level and the claim,
  // ...) are shifted once thanks to `seen`; claims are reached through model.claims only.
  if (splice.delta !== 0 || segDelta !== 0) {
    const seen = new Set<object>();
    const sh = (v: unknown, skip: Set<string>) => shiftInPlace(v, splice.editEnd, splice.delta, oldEnd, segDelta, skip, seen);
    sh(old.interchanges, ENVELOPE_SKIP);
    sh(old.issues, ENVELOPE_SKIP);
    for (let i = flatIndex + 1; i < old.claims.length; i++) sh(old.claims[i], CLAIM_SKIP);
  }
  const rebuilt = buildClaim(doc, target.firstSegment, target.lastSegment + segDelta, {
    kind: target.transactionKind,
    billingProvider: target.billingProvider,
    subscriber: target.subscriber,
    patient: target.patient,
  });
  old.claims[flatIndex] = rebuilt;
  if (transaction) {
    transaction.claims[transaction.claims.indexOf(target)] = rebuilt;
    if (transaction.seSpan) transaction.actualSegmentCount += segDelta;
    else transaction.actualSegmentCount = transaction.lastSegment - transaction.firstSegment + 1;
  }
  return old;
}

function findTransaction(model: ClaimFile, claim: Claim): Transaction | null {
  for (const x of model.interchanges) for (const g of x.groups) for (const t of g.transactions) if (t.firstSegment <= claim.firstSegment && claim.firstSegment <= t.lastSegment && t.claims.includes(claim)) return t;
  return null;
}

const SEGMENT_INDEX_FIELDS = new Set(['segmentIndex', 'firstSegment', 'lastSegment', 'serviceSegmentIndex', 'sbrSegmentIndex', 'ctpSegmentIndex']);
const CLAIM_SKIP = new Set(['billingProvider', 'subscriber', 'patient']);
const ENVELOPE_SKIP = new Set(['claims']);

/** Move spans at/after `editEnd` by `delta` and segment indexes at/after `segFrom` by `segDelta`, in place. */
function shiftInPlace(v: unknown, editEnd: number, delta: number, segFrom: number, segDelta: number, skip: Set<string>, seen: Set<object>): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) shiftInPlace(v[i], editEnd, delta, segFrom, segDelta, skip, seen);
    return;
  }
  if (seen.has(v)) return;
  seen.add(v);
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (x === null) continue;
    if (typeof x === 'object') {
      if (!skip.has(k)) shiftInPlace(x, editEnd, delta, segFrom, segDelta, skip, seen);
    } else if (typeof x === 'number' && segDelta !== 0 && x >= segFrom && SEGMENT_INDEX_FIELDS.has(k)) o[k] = x + segDelta;
  }
  if (delta !== 0 && typeof o.offset === 'number' && typeof o.length === 'number') {
    const s = o.offset;
    const e = s + o.length;
    const ns = s >= editEnd ? s + delta : s;
    const ne = e >= editEnd ? e + delta : e;
    o.offset = ns;
    o.length = ne - ns;
  }
}

export { ENVELOPE as ENVELOPE_SEGMENTS };
