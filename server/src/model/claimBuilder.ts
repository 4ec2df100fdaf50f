/**
 * The claim builder: one claim (loop 2300 with its service lines) and one HL level, built from the segment table
 * when asked. The claim index (`claimIndex.ts`) says where each claim is; this file says what it contains.
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
import type { Span, X12Document } from '../parse/x12';
import * as exactLists from './exactLists';
import * as diagnosisQualifiers from './diagnosisQualifiers';
import * as segmentReader from './segmentReader';
import { SegmentReader } from './segmentReader';
import { ID_CTP, ID_DTP, ID_HI, ID_LIN, ID_LX, ID_NM1, ID_NTE, ID_REF, ID_SBR, ID_SV1, ID_SV2, ID_SVD } from './segmentIds';
import type {
  Claim,
  ClaimContext,
  DateValue,
  Diagnosis,
  DiagnosisPointer,
  HealthCareCode,
  HierarchyLevel,
  Modifier,
  Note,
  Procedure,
  Reference,
  ServiceDate,
  ServiceLine,
  TransactionKind,
} from './types';

// Hot helpers bound once to module constants: run from source (tsx, CommonJS) every use of an imported name is a
// getter call, which cost the claim builder ~15% in `npm run bench`; the bundle has one scope and no getters.
const { appendScratch, EMPTY_LIST, finishList, pushItem, takeScratch } = exactLists;
const { parseX12Number } = segmentReader;
const DIAGNOSIS_ROLES = diagnosisQualifiers.DIAGNOSIS_QUALIFIERS;

/** The role and code system of an HI qualifier when it names a diagnosis (ABK, ABF, BK, ...), else undefined. */
export function diagnosisRole(qualifier: string): readonly [Diagnosis['role'], Diagnosis['codeSystem']] | undefined {
  return DIAGNOSIS_ROLES.get(qualifier);
}

/** What a segment is to a claim loop, by interned id code (NOT_READ: nothing the claim reads). */
const NOT_READ = 0;
const LINE_START = 1; // LX
/** NM1, SBR, SVD: start a sub-loop (2310x/2330x, 2420x, 2430) that ends the claim or line "header". */
const SUB_LOOP = 2;
const PROFESSIONAL_SERVICE = 3; // SV1
const INSTITUTIONAL_SERVICE = 4; // SV2
const DATE = 5; // DTP
const NOTE = 6; // NTE
const REFERENCE = 7; // REF
const DRUG = 8; // LIN
const DRUG_PRICING = 9; // CTP
const HEALTH_CARE_CODES = 10; // HI
const ROLE_IN_CLAIM = new Uint8Array(0x10000);
ROLE_IN_CLAIM[ID_LX] = LINE_START;
ROLE_IN_CLAIM[ID_NM1] = SUB_LOOP;
ROLE_IN_CLAIM[ID_SBR] = SUB_LOOP;
ROLE_IN_CLAIM[ID_SVD] = SUB_LOOP;
ROLE_IN_CLAIM[ID_SV1] = PROFESSIONAL_SERVICE;
ROLE_IN_CLAIM[ID_SV2] = INSTITUTIONAL_SERVICE;
ROLE_IN_CLAIM[ID_DTP] = DATE;
ROLE_IN_CLAIM[ID_NTE] = NOTE;
ROLE_IN_CLAIM[ID_REF] = REFERENCE;
ROLE_IN_CLAIM[ID_LIN] = DRUG;
ROLE_IN_CLAIM[ID_CTP] = DRUG_PRICING;
ROLE_IN_CLAIM[ID_HI] = HEALTH_CARE_CODES;

/** The NM101 entity code of each level's name: 85 billing provider, IL insured, QC patient. */
const LEVEL_ENTITY: Record<HierarchyLevel['level'], string> = { billingProvider: '85', subscriber: 'IL', patient: 'QC', other: '' };

/** The NM101 entity whose NM1 names a level of this kind ('' for other levels). */
export function levelEntity(level: HierarchyLevel['level']): string {
  return LEVEL_ENTITY[level];
}

function copyDate(d: DateValue, source: ServiceDate['source']): ServiceDate {
  return { qualifier: d.qualifier, format: d.format, value: d.value, from: d.from, to: d.to, segmentIndex: d.segmentIndex, span: d.span, source };
}

/** Builds claims and levels of one document through its segment reader; synchronous and not re-entrant. */
export class ClaimBuilder {
  // scratch lists, copied out at their exact size when a claim or line is finished (see exactLists.ts)
  private readonly scratchLines: ServiceLine[] = [];
  private readonly scratchCodes: HealthCareCode[] = [];
  private readonly scratchDiagnoses: Diagnosis[] = [];
  private readonly scratchModifiers: Modifier[] = [];
  private readonly scratchPointers: DiagnosisPointer[] = [];

  constructor(readonly reader: SegmentReader) {}

  /** The claim whose loop is segments [first (the CLM), last] inclusive. */
  claim(first: number, last: number, ctx: ClaimContext): Claim {
    const r = this.reader;
    const segs = r.segments;
    const codes = segs.idCodes;
    r.load(first);
    const clmSpan = r.segmentSpan();
    let facility: Claim['facility'] = null;
    if (r.hasElement(5)) {
      r.splitComponents(5);
      facility = { code: r.component(1), qualifier: r.component(2), frequency: r.component(3), span: r.elementSpan(5) };
    }
    const q5 = facility?.qualifier?.value;
    const claim: Claim = {
      transactionKind: ctx.kind,
      firstSegment: first,
      lastSegment: last,
      span: { offset: clmSpan.offset, length: segs.contentEnd(last) - clmSpan.offset },
      clmSpan,
      patientControlNumber: r.element(1),
      totalCharge: r.number(2),
      facility,
      // the 837P's CLM05-1 is a place of service and the 837I's a facility type, whatever CLM05-2 says (x12/code-value reports a wrong one)
      placeOfService: facility && (ctx.kind === '837P' || (ctx.kind !== '837I' && q5 === 'B')) ? facility.code : null,
      priorAuthorization: null,
      references: EMPTY_LIST,
      dates: EMPTY_LIST,
      serviceDate: null,
      diagnoses: EMPTY_LIST,
      healthCareCodes: EMPTY_LIST,
      notes: EMPTY_LIST,
      serviceLines: EMPTY_LIST,
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
      const role = ROLE_IN_CLAIM[codes[i]];
      if (role === NOT_READ) continue;
      if (role === LINE_START) {
        if (line !== null) {
          this.finishLine(line, i - 1);
          this.scratchLines[nLines++] = line;
        }
        inHeader = false;
        line = this.newLine(i, ctx.kind);
        lineHeader = true;
        continue;
      }
      if (role === SUB_LOOP) {
        if (line !== null) lineHeader = false;
        else inHeader = false;
        continue;
      }
      if (line !== null) {
        if (!lineHeader) continue;
        if (role === PROFESSIONAL_SERVICE || role === INSTITUTIONAL_SERVICE) {
          if (line.serviceSegmentIndex === null) this.readService(i, role === PROFESSIONAL_SERVICE, line);
        } else if (role === DATE) {
          const d = r.date(i);
          if (d) {
            line.dates = pushItem(line.dates, d);
            if (d.qualifier.value === '472' && (!line.dateOfService || line.dateOfService.source !== 'line')) line.dateOfService = copyDate(d, 'line');
          }
        } else if (role === NOTE) {
          line.notes = pushItem(line.notes, this.note(i));
        } else if (role === REFERENCE) {
          const ref = this.reference(i);
          if (ref) {
            line.references = pushItem(line.references, ref);
            if (ref.qualifier.value === 'G1' && !line.priorAuthorization) line.priorAuthorization = ref.value;
          }
        } else if (role === DRUG) {
          if (!line.drug) {
            r.load(i);
            line.drug = { qualifier: r.element(2), ndc: r.element(3), quantity: null, unit: null, segmentIndex: i, ctpSegmentIndex: null, span: r.segmentSpan() };
          }
        } else if (role === DRUG_PRICING) {
          const drug = line.drug;
          if (drug && drug.ctpSegmentIndex === null) {
            r.load(i);
            drug.quantity = r.number(4);
            drug.unit = r.componentOf(5, 1);
            drug.ctpSegmentIndex = i;
            drug.span = { offset: drug.span.offset, length: r.segmentEnd - drug.span.offset };
          }
        }
        continue;
      }
      if (!inHeader) continue;
      if (role === DATE) {
        const d = r.date(i);
        if (d) claim.dates = pushItem(claim.dates, d);
      } else if (role === REFERENCE) {
        const ref = this.reference(i);
        if (ref) {
          claim.references = pushItem(claim.references, ref);
          if (ref.qualifier.value === 'G1' && !claim.priorAuthorization) claim.priorAuthorization = ref.value;
        }
      } else if (role === NOTE) {
        claim.notes = pushItem(claim.notes, this.note(i));
      } else if (role === HEALTH_CARE_CODES) {
        this.readHealthCare(i, claim);
      }
    }
    if (line !== null) {
      this.finishLine(line, last);
      this.scratchLines[nLines++] = line;
    }
    claim.references = finishList(claim.references);
    claim.dates = finishList(claim.dates);
    claim.diagnoses = finishList(claim.diagnoses);
    claim.healthCareCodes = finishList(claim.healthCareCodes);
    claim.notes = finishList(claim.notes);
    claim.serviceLines = takeScratch(this.scratchLines, nLines);
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

  /**
   * HL segment hl as a level, with its SBR (sbr, -1: none) and the NM1 naming its entity (nm1, -1: none); the claim
   * index found those segments.
   */
  level(hl: number, sbr: number, nm1: number): HierarchyLevel {
    const r = this.reader;
    r.load(hl);
    const levelCode = r.element(3);
    const lc = levelCode?.value;
    const level: HierarchyLevel = {
      id: r.element(1) ?? { value: '', offset: r.segmentEnd, length: 0 },
      parentId: r.element(2),
      levelCode,
      level: lc === '20' ? 'billingProvider' : lc === '22' ? 'subscriber' : lc === '23' ? 'patient' : 'other',
      childCode: r.element(4),
      segmentIndex: hl,
      span: r.segmentSpan(),
      payerResponsibility: null,
      claimFilingIndicator: null,
      sbrSegmentIndex: null,
      name: null,
      identifier: null,
    };
    if (sbr >= 0) {
      r.load(sbr);
      level.payerResponsibility = r.element(1);
      level.claimFilingIndicator = r.element(9);
      level.sbrSegmentIndex = sbr;
    }
    if (nm1 >= 0) {
      r.load(nm1);
      const lastName = r.element(3);
      const firstName = r.element(4);
      level.name =
        lastName && firstName ? { value: `${lastName.value}, ${firstName.value}`, offset: lastName.offset, length: firstName.offset + firstName.length - lastName.offset } : lastName;
      level.identifier = r.element(9);
    }
    return level;
  }

  private note(i: number): Note {
    const r = this.reader;
    r.load(i);
    return { reference: r.element(1), text: r.element(2), segmentIndex: i, span: r.segmentSpan() };
  }

  private reference(i: number): Reference | null {
    const r = this.reader;
    r.load(i);
    const qualifier = r.element(1);
    if (!qualifier) return null;
    return { qualifier, value: r.element(2), segmentIndex: i, span: r.segmentSpan() };
  }

  private finishLine(line: ServiceLine, end: number): void {
    line.lastSegment = end;
    // no SV1/SV2: the service span is the LX's (taken before the line span grows to the end of the loop)
    if (line.serviceSpan === null) line.serviceSpan = { offset: line.span.offset, length: line.span.length };
    line.span.length = this.reader.segments.contentEnd(end) - line.span.offset;
    line.modifiers = finishList(line.modifiers);
    line.diagnosisPointers = finishList(line.diagnosisPointers);
    line.dates = finishList(line.dates);
    line.notes = finishList(line.notes);
    line.references = finishList(line.references);
  }

  private newLine(i: number, kind: TransactionKind): ServiceLine {
    const r = this.reader;
    r.load(i);
    return {
      kind: kind === '837P' ? 'professional' : kind === '837I' ? 'institutional' : 'unknown',
      lineNumber: r.number(1),
      firstSegment: i,
      lastSegment: i,
      serviceSegmentIndex: null,
      span: r.segmentSpan(),
      // set by readService, else by finishLine
      serviceSpan: null as unknown as Span,
      procedure: null,
      procedureCode: null,
      modifiers: EMPTY_LIST,
      revenueCode: null,
      charge: null,
      unitBasis: null,
      units: null,
      placeOfService: null,
      diagnosisPointers: EMPTY_LIST,
      diagnosisPointerSpan: null,
      dateOfService: null,
      dates: EMPTY_LIST,
      drug: null,
      notes: EMPTY_LIST,
      priorAuthorization: null,
      references: EMPTY_LIST,
    };
  }

  /** The composite procedure identifier in element n of the loaded segment. */
  private procedure(n: number): Procedure | null {
    const r = this.reader;
    if (n > r.elementCount) return null;
    r.splitComponents(n);
    const qualifier = r.component(1);
    if (!qualifier) return null;
    let nm = 0;
    for (let c = 3; c <= 6 && c <= r.componentCount; c++) {
      const a = r.componentStart(c);
      const b = r.componentEnd(c);
      if (a < b) this.scratchModifiers[nm++] = { value: r.value(a, b), offset: a, length: b - a, position: c - 2 };
    }
    return { qualifier, code: r.component(2), modifiers: takeScratch(this.scratchModifiers, nm), description: r.component(7), span: r.elementSpan(n) };
  }

  private readService(i: number, professional: boolean, line: ServiceLine): void {
    const r = this.reader;
    r.load(i);
    line.serviceSegmentIndex = i;
    line.serviceSpan = r.segmentSpan();
    line.kind = professional ? 'professional' : 'institutional';
    const proc = this.procedure(professional ? 1 : 2);
    line.procedure = proc;
    line.procedureCode = proc?.code ?? null;
    line.modifiers = proc?.modifiers ?? [];
    if (professional) {
      line.charge = r.number(2);
      line.unitBasis = r.element(3);
      line.units = r.number(4);
      line.placeOfService = r.element(5);
      if (r.hasElement(7)) {
        line.diagnosisPointerSpan = r.elementSpan(7);
        r.splitComponents(7);
        let np = 0;
        for (let k = 1; k <= r.componentCount && k <= 4; k++) {
          const a = r.componentStart(k);
          const b = r.componentEnd(k);
          if (a === b) continue;
          const text = r.value(a, b);
          this.scratchPointers[np++] = { value: parseX12Number(text), text, offset: a, length: b - a, index: k, diagnosis: null };
        }
        line.diagnosisPointers = takeScratch(this.scratchPointers, np);
      }
    } else {
      line.revenueCode = r.element(1);
      line.charge = r.number(3);
      line.unitBasis = r.element(4);
      line.units = r.number(5);
    }
  }

  private readHealthCare(i: number, claim: Claim): void {
    const r = this.reader;
    r.load(i);
    let nh = 0;
    let nd = 0;
    const dxBase = claim.diagnoses.length;
    for (let e = 1; e <= r.elementCount; e++) {
      if (r.elementEmpty(e)) continue;
      r.splitComponents(e);
      const qualifier = r.component(1);
      if (!qualifier) continue;
      const code = r.component(2);
      const span = r.elementSpan(e);
      const presentOnAdmission = r.component(9);
      this.scratchCodes[nh++] = { qualifier, code, elementIndex: e, segmentIndex: i, span, presentOnAdmission };
      const role = DIAGNOSIS_ROLES.get(qualifier.value);
      if (role && code) {
        this.scratchDiagnoses[nd] = { qualifier, code, elementIndex: e, segmentIndex: i, span, presentOnAdmission, position: dxBase + nd + 1, role: role[0], codeSystem: role[1] };
        nd++;
      }
    }
    claim.healthCareCodes = appendScratch(claim.healthCareCodes, this.scratchCodes, nh);
    claim.diagnoses = appendScratch(claim.diagnoses, this.scratchDiagnoses, nd);
  }
}

/**
 * Build one claim from its segment range [first (the CLM), last] inclusive. Exposed so callers can
 * rebuild only the claims an edit touched.
 */
export function buildClaim(doc: X12Document, first: number, last: number, ctx: ClaimContext): Claim {
  if (!doc.delimiters) throw new Error('buildClaim: the document has no delimiters');
  return new ClaimBuilder(new SegmentReader(doc)).claim(first, last, ctx);
}
