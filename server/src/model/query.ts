/**
 * "What is under this offset?" for claim files: the segment, element (1-based, as X12 names them:
 * SV104), repetition, component, the claim and service line around it, and what the value means in
 * billing terms (procedureCode, modifier, diagnosisPointer ...).
 *
 * Offsets at the end of a token count as that token (the cursor right after "A9600" is on A9600), so a
 * delimiter's offset belongs to the value before it.
 */
import type { Span, X12Document, X12Element } from '../parse/x12';
import { isDiagnosisQualifier } from './diagnosisQualifiers';
import { claimAtSegment, type Claim, type ClaimFile, type Diagnosis, type ServiceLine } from './claim';

export type SemanticKind =
  | 'segmentId'
  | 'procedureQualifier'
  | 'procedureCode'
  | 'modifier'
  | 'procedureDescription'
  | 'diagnosisQualifier'
  | 'diagnosisCode'
  | 'healthCareCode'
  | 'diagnosisPointer'
  | 'units'
  | 'unitBasis'
  | 'charge'
  | 'totalCharge'
  | 'revenueCode'
  | 'placeOfService'
  | 'facilityCode'
  | 'facilityCodeQualifier'
  | 'claimFrequency'
  | 'dateQualifier'
  | 'dateFormat'
  | 'date'
  | 'productQualifier'
  | 'ndc'
  | 'drugQuantity'
  | 'drugUnit'
  | 'patientControlNumber'
  | 'priorAuthorization'
  | 'referenceQualifier'
  | 'reference'
  | 'payerResponsibility'
  | 'claimFilingIndicator'
  | 'entityCode'
  | 'hierarchyLevel'
  | 'noteReference'
  | 'note'
  | 'lineNumber'
  | 'controlNumber'
  | 'version'
  | 'count';

export interface X12Location {
  offset: number;
  /** The segment under the offset. */
  segment: { index: number; id: string; offset: number; length: number };
  /** 1-based element number (4 for SV104); 0 when on the segment id. */
  elementIndex: number;
  /** 1-based repetition, null on the segment id. */
  repetitionIndex: number | null;
  /** 1-based component (2 for SV101-2), null on the segment id. */
  componentIndex: number | null;
  /** X12 reference designator: "SV101-2", "SV104", "HI01-2", "CLM". */
  reference: string;
  /** Whether the element is a composite (has more than one component). */
  composite: boolean;
  /** The innermost token under the offset (component, else element) and its span. */
  value: string;
  span: Span;
  /** The whole element (null on the segment id). */
  element: X12Element | null;
  /** Billing meaning of the value, null when not one the model knows. */
  kind: SemanticKind | null;
  claim: Claim | null;
  serviceLine: ServiceLine | null;
  /** For diagnosisCode / diagnosisPointer: the diagnosis concerned (when it resolves). */
  diagnosis: Diagnosis | null;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** X12 reference designator for an element/component: ("SV1", 1, 2) -> "SV101-2". */
export function referenceDesignator(segmentId: string, elementIndex: number, componentIndex?: number | null): string {
  if (elementIndex <= 0) return segmentId;
  return `${segmentId}${pad(elementIndex)}${componentIndex ? `-${componentIndex}` : ''}`;
}

function procedureKind(c: number): SemanticKind | null {
  if (c === 1) return 'procedureQualifier';
  if (c === 2) return 'procedureCode';
  if (c >= 3 && c <= 6) return 'modifier';
  if (c === 7) return 'procedureDescription';
  return null;
}

/** The billing meaning of element/component (1-based) of a segment; `elementValue(n)` reads sibling elements. */
export function semanticKind(segmentId: string, el: number, comp: number, elementValue: (n: number) => string, componentValue: (c: number) => string): SemanticKind | null {
  if (el === 0) return 'segmentId';
  switch (segmentId) {
    case 'SV1':
      return el === 1 ? procedureKind(comp) : ({ 2: 'charge', 3: 'unitBasis', 4: 'units', 5: 'placeOfService', 7: 'diagnosisPointer' } as Record<number, SemanticKind>)[el] ?? null;
    case 'SV2':
      return el === 2 ? procedureKind(comp) : ({ 1: 'revenueCode', 3: 'charge', 4: 'unitBasis', 5: 'units' } as Record<number, SemanticKind>)[el] ?? null;
    case 'HI':
      if (comp === 1) return 'diagnosisQualifier';
      if (comp === 2) return isDiagnosisQualifier(componentValue(1)) ? 'diagnosisCode' : 'healthCareCode';
      return null;
    case 'CLM':
      if (el === 1) return 'patientControlNumber';
      if (el === 2) return 'totalCharge';
      if (el === 5) return comp === 1 ? (componentValue(2) === 'A' ? 'facilityCode' : 'placeOfService') : comp === 2 ? 'facilityCodeQualifier' : comp === 3 ? 'claimFrequency' : null;
      return null;
    case 'DTP':
      return el === 1 ? 'dateQualifier' : el === 2 ? 'dateFormat' : el === 3 ? 'date' : null;
    case 'LIN':
      return el === 2 ? 'productQualifier' : el === 3 ? (elementValue(2) === 'N4' ? 'ndc' : 'reference') : null;
    case 'CTP':
      return el === 4 ? 'drugQuantity' : el === 5 && comp === 1 ? 'drugUnit' : null;
    case 'REF':
      return el === 1 ? 'referenceQualifier' : el === 2 ? (elementValue(1) === 'G1' ? 'priorAuthorization' : 'reference') : null;
    case 'SBR':
      return el === 1 ? 'payerResponsibility' : el === 9 ? 'claimFilingIndicator' : null;
    case 'NM1':
      return el === 1 ? 'entityCode' : null;
    case 'HL':
      return el === 3 ? 'hierarchyLevel' : null;
    case 'NTE':
      return el === 1 ? 'noteReference' : el === 2 ? 'note' : null;
    case 'LX':
      return el === 1 ? 'lineNumber' : null;
    case 'ST':
      return el === 2 ? 'controlNumber' : el === 3 ? 'version' : null;
    case 'SE':
      return el === 1 ? 'count' : el === 2 ? 'controlNumber' : null;
    case 'GS':
      return el === 6 ? 'controlNumber' : el === 8 ? 'version' : null;
    case 'GE':
    case 'IEA':
      return el === 1 ? 'count' : el === 2 ? 'controlNumber' : null;
    case 'ISA':
      return el === 13 ? 'controlNumber' : null;
  }
  return null;
}

/** What is at `offset`; null when the offset is not inside a segment (whitespace between segments, no ISA). */
export function findAt(doc: X12Document, model: ClaimFile | null, offset: number): X12Location | null {
  const segs = doc.segments;
  const si = segs.indexAt(offset);
  if (si < 0) return null;
  const start = segs.offset(si);
  if (offset < start) return null;
  const seg = segs.segment(si);
  const base = {
    offset,
    segment: { index: si, id: seg.id, offset: seg.offset, length: seg.length },
    claim: null as Claim | null,
    serviceLine: null as ServiceLine | null,
    diagnosis: null as Diagnosis | null,
  };
  if (model) {
    base.claim = claimAtSegment(model, si);
    base.serviceLine = base.claim?.serviceLines.find((l) => l.firstSegment <= si && si <= l.lastSegment) ?? null;
  }
  const o = Math.min(offset, seg.offset + seg.length);
  if (o <= seg.idSpan.offset + seg.idSpan.length || seg.elements.length === 0) {
    return { ...base, elementIndex: 0, repetitionIndex: null, componentIndex: null, reference: seg.id, composite: false, value: seg.id, span: seg.idSpan, element: null, kind: 'segmentId' };
  }
  let el = seg.elements[seg.elements.length - 1];
  for (const e of seg.elements) {
    if (o <= e.offset + e.length) {
      el = e;
      break;
    }
  }
  let rep = el.repetitions[el.repetitions.length - 1];
  for (const r of el.repetitions) {
    if (o <= r.offset + r.length) {
      rep = r;
      break;
    }
  }
  let cmp = rep.components[rep.components.length - 1];
  for (const c of rep.components) {
    if (o <= c.offset + c.length) {
      cmp = c;
      break;
    }
  }
  const composite = rep.components.length > 1;
  let kind = semanticKind(
    seg.id,
    el.index,
    cmp.index,
    (n) => seg.elements[n - 1]?.value ?? '',
    (c) => rep.components[c - 1]?.value ?? '',
  );
  // CLM05-1 is what the claim's guide makes it, whatever CLM05-2 says (a wrong qualifier is x12/code-value's
  // finding): the facility type of the bill on the 837I, the place of service on the 837P
  if (kind === 'facilityCode' || kind === 'placeOfService') {
    const txKind = base.claim?.transactionKind;
    if (txKind === '837I') kind = 'facilityCode';
    else if (txKind === '837P') kind = 'placeOfService';
  }
  if (kind === 'diagnosisCode' && base.claim) {
    base.diagnosis = base.claim.diagnoses.find((d) => d.code.offset === cmp.offset) ?? null;
  } else if (kind === 'diagnosisPointer' && base.serviceLine) {
    base.diagnosis = base.serviceLine.diagnosisPointers.find((p) => p.offset === cmp.offset)?.diagnosis ?? null;
  }
  const useComponent = composite || cmp.index > 1;
  return {
    ...base,
    elementIndex: el.index,
    repetitionIndex: rep.index,
    componentIndex: cmp.index,
    reference: referenceDesignator(seg.id, el.index, composite ? cmp.index : null),
    composite,
    value: useComponent ? cmp.value : el.repetitions.length > 1 ? rep.value : el.value,
    span: useComponent ? { offset: cmp.offset, length: cmp.length } : el.repetitions.length > 1 ? { offset: rep.offset, length: rep.length } : { offset: el.offset, length: el.length },
    element: el,
    kind,
  };
}
