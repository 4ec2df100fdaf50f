/**
 * The claim model's types: what an 837P/837I file says in billing terms (claims, service lines, diagnoses,
 * pointers, dates) and its envelopes. Every value keeps its span (offset, length into the document text) so rules
 * can point at it and fixes can replace it. Built by `claimIndex.ts` (envelopes and the index) and
 * `claimBuilder.ts` (one claim, on demand).
 */
import type { Span } from '../parse/x12';
import type { ClaimList, LevelList } from './claimIndex';

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
  /** A missing GE or IEA: the trailer its header asks for, and the segment it belongs after (rules/envelope/syntax.ts adds it). */
  trailer?: MissingTrailer;
}

export interface MissingTrailer {
  id: 'GE' | 'IEA';
  /** GE01 / IEA01 (the count) and GE02 / IEA02 (the header's control number); null when the header has none. */
  count: number;
  controlNumber: string | null;
  /** The last segment of the group or interchange. */
  afterSegment: number;
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

/** What a claim needs from outside its own segments. */
export interface ClaimContext {
  kind: TransactionKind;
  billingProvider: HierarchyLevel | null;
  subscriber: HierarchyLevel | null;
  patient: HierarchyLevel | null;
}
