/**
 * Hover in claim files: a code or modifier gets its official descriptor and its status on the line's date of
 * service; a diagnosis or a pointer gets the ICD-10-CM description; every other element gets its name and
 * meaning in the 837, and qualifiers their meaning.
 */
import { cappedList } from '../core/capList';
import type { DocumentAnalysis } from '../analysis';
import { formatIcd10 } from '../codeset/codeset';
import type { Span } from '../core/span';
import { findAt, type X12Location } from '../model/query';
import { envelopeWalk, type Claim, type Diagnosis } from '../model/claim';
import { hasLevelIIShape, hasLevelIShape } from '../core/codeShapes';
import { dateOfService, fallbackDateOfService } from '../model/dateOfService';
import type { CodeSet } from '../codeset/types';
import { billableChildren } from '../codeset/codeset';
import { conflictsOf } from '../rules/claim/conflictingModifiers';
import { FACILITY_TYPE, PLACE_OF_SERVICE } from './claimCodes';
import { describeComponent, describeElement, describeSegment, describeValue } from '../model/x12Dictionary';
import { guideForTransaction, guidePlaceOf } from '../conformance/check';
import { describeGuidePlace } from '../conformance/describe';
import { ambulanceModifierHover, cptHover, icd10Hover, icd10ReleaseFor, icd10YearLine, levelIModifierHover, modifierHover, procedureHover, unknownCodeHover } from './codeHover';
import { ambulancePair, isAmbulanceCode } from '../codeset/ambulance';
import type { FeatureContext } from './context';
import { ndcHover } from './ndcHover';
import { diagnosisDate } from '../rules/structure/diagnosisDate';

export interface ClaimHover {
  markdown: string;
  span: Span;
}


/** The date the hover judges a code by: the rules' date of service (model/dateOfService.ts). */
function dateOfServiceAt(at: X12Location, ctx: FeatureContext): string {
  return dateOfService(at.serviceLine, at.claim, fallbackDateOfService(ctx.settings));
}

const ROLE_NAMES: Record<Diagnosis['role'], string> = {
  principal: 'principal',
  other: 'other',
  admitting: 'admitting',
  reasonForVisit: "patient's reason for visit",
  externalCause: 'external cause',
};

/** Why an HI code is not in the release: a category needing more characters, or no code at all. */
function notBillableText(code: string, codeSet: CodeSet): string {
  const children = billableChildren(codeSet, code, 50);
  if (children.length > 0) {
    const sample = children.slice(0, 5).map((k) => `${formatIcd10(k)} ${codeSet.icd10(k)?.description ?? ''}`.trim());
    return `**Not billable**: ${formatIcd10(code)} is a category; code to more characters, e.g.\n\n${sample.map((x) => `- ${x}`).join('\n')}`;
  }
  return `**Not an ICD-10-CM code** in the ${codeSet.icd10Release} release; payers reject claims with invalid diagnosis codes.`;
}

function unknownDiagnosisHover(code: string, codeSet: CodeSet, release = codeSet.icd10Release): string {
  const other = codeSet.icd10Years().find((y) => y.release !== release && codeSet.icd10In(y.release, code));
  const otherText = other
    ? `\n\nIn ${other.release} (${other.from} to ${other.to}): ${codeSet.icd10In(other.release, code)!.description}.`
    : '';
  const text =
    release === codeSet.icd10Release
      ? notBillableText(code, codeSet)
      : codeSet.icd10Held(release)
        ? `**Not an ICD-10-CM code** in ${release}.`
        : `**Not looked up:** the ${release} table, the year of the claim's date of service, could not be read.`;
  return `**${formatIcd10(code)}** · ICD-10-CM\n\n${text}${otherText}\n\n*${icd10YearLine(codeSet, release)}*`;
}

/** Where the diagnosis sits in the claim and which lines point at it. */
function diagnosisPlace(diagnosis: Diagnosis, claim: Claim | null): string {
  const lines = claim?.serviceLines.filter((l) => l.diagnosisPointers.some((p) => p.diagnosis === diagnosis)) ?? [];
  const pointedBy = lines.length > 0 ? `; pointed at by line${lines.length === 1 ? '' : 's'} ${cappedList(lines.map((l) => l.lineNumber?.text ?? '?'))}` : '';
  return `*Diagnosis ${diagnosis.position} of the claim (${ROLE_NAMES[diagnosis.role]}): SV107 pointer ${diagnosis.position}${pointedBy}*`;
}

/** Extra facts about a value that only the claim knows: CLM02 against the line sum, CLM05 codes, trailer counts. */
function valueFacts(at: X12Location, analysis: DocumentAnalysis): string | undefined {
  const claim = at.claim;
  if (at.kind === 'totalCharge' && claim) {
    const charges = claim.serviceLines.map((l) => l.charge?.value);
    if (charges.length === 0 || charges.some((c) => c === null || c === undefined)) return undefined;
    const sum = Math.round(charges.reduce((a: number, c) => a + (c as number) * 100, 0)) / 100;
    const ok = claim.totalCharge?.value !== null && Math.round((claim.totalCharge?.value ?? 0) * 100) === Math.round(sum * 100);
    return `Sum of the ${charges.length} line charge${charges.length === 1 ? '' : 's'}: ${sum}${ok ? ' ✓' : ' ✗ (does not match)'}`;
  }
  if (at.kind === 'placeOfService') {
    const meaning = PLACE_OF_SERVICE[at.value];
    return meaning ? `\`${at.value}\`: ${meaning} (place of service)` : undefined;
  }
  if (at.kind === 'facilityCode') {
    const meaning = FACILITY_TYPE[at.value];
    const frequency = claim?.facility?.frequency?.value ?? '';
    return meaning ? `\`${at.value}\`: ${meaning}${frequency ? `; bill type 0${at.value}${frequency}` : ''}` : undefined;
  }
  if (at.kind === 'count' && analysis.claimFile) {
    const si = at.segment.index;
    for (const e of envelopeWalk(analysis.claimFile.interchanges)) {
      if (e.level === 'interchange') {
        const ic = e.interchange;
        if (ic.lastSegment === si && at.segment.id === 'IEA') return `This interchange holds ${ic.groups.length} functional group${ic.groups.length === 1 ? '' : 's'}.`;
      } else if (e.level === 'group') {
        const g = e.group;
        if (g.lastSegment === si && at.segment.id === 'GE') return `This group holds ${g.transactions.length} transaction set${g.transactions.length === 1 ? '' : 's'}.`;
      } else if (e.transaction.lastSegment === si && at.segment.id === 'SE') {
        return `This transaction set has ${e.transaction.actualSegmentCount} segments, ST through SE.`;
      }
    }
  }
  return undefined;
}

function codeHover(at: X12Location, ctx: FeatureContext): string | undefined {
  const { codeSet, guides } = ctx;
  const value = at.value.trim().toUpperCase();
  if (!value) return undefined;
  const dateOfService = dateOfServiceAt(at, ctx);
  switch (at.kind) {
    case 'procedureCode': {
      const record = codeSet.procedure(value);
      if (record) return procedureHover(record, codeSet, guides, { dateOfService });
      if (hasLevelIShape(value)) return cptHover(value, codeSet);
      return unknownCodeHover(value, hasLevelIIShape(value) ? 'HCPCS Level II' : 'HCPCS', codeSet);
    }
    case 'modifier': {
      const record = codeSet.modifier(value);
      const procedure = at.serviceLine?.procedureCode?.value.trim().toUpperCase();
      const pair = procedure && isAmbulanceCode(procedure) ? ambulancePair(value) : undefined;
      // a listed modifier (XE) whose letters make no valid pair keeps its own hover
      if (procedure && pair && (pair.ok || !record)) return ambulanceModifierHover(value, procedure, pair, record, codeSet);
      const base = record
        ? modifierHover(record, codeSet, guides, { dateOfService })
        : (levelIModifierHover(value, codeSet, guides) ?? unknownCodeHover(value, 'HCPCS modifier', codeSet));
      // a contradiction on the line (JW with JZ) shows on both modifiers, right under the descriptor
      const conflicts = conflictsOf(value, at.serviceLine?.modifiers.map((m) => m.value) ?? []);
      if (conflicts.length === 0) return base;
      const said = conflicts.map((c) => `**Conflicts with ${c.other} on this line:** ${c.why}. To fix: ${c.todo}.`).join('\n\n');
      const first = base.indexOf('\n\n');
      const cut = first < 0 ? -1 : base.indexOf('\n\n', first + 2);
      return cut < 0 ? `${base}\n\n${said}` : `${base.slice(0, cut)}\n\n${said}${base.slice(cut)}`;
    }
    case 'diagnosisCode': {
      if (at.diagnosis?.codeSystem === 'ICD-9-CM') {
        return `**${value}** · ICD-9-CM diagnosis (qualifier ${at.diagnosis.qualifier.value})\n\nICD-9-CM codes are not bundled; ICD-9 is valid only for dates of service before 2015-10-01.\n\n${diagnosisPlace(at.diagnosis, at.claim)}`;
      }
      // the fiscal year of the claim's date of service (FY2025 for 2024-10-01 to 2025-09-30)
      const release = icd10ReleaseFor(codeSet, at.claim ? diagnosisDate(at.claim, { today: dateOfService ?? '' }) || undefined : dateOfService);
      const record = codeSet.icd10In(release, value);
      const base = record ? icd10Hover(record, codeSet, formatIcd10(value), undefined, release) : unknownDiagnosisHover(value, codeSet, release);
      return at.diagnosis ? `${base}\n\n${diagnosisPlace(at.diagnosis, at.claim)}` : base;
    }
    case 'diagnosisPointer': {
      const diagnosis = at.diagnosis;
      if (!diagnosis) {
        const count = at.claim?.diagnoses.length ?? 0;
        return `**Diagnosis pointer ${value}** points at no diagnosis: the claim has ${count} diagnos${count === 1 ? 'is' : 'es'} in HI. Payers deny lines whose pointers do not resolve; point at 1 to ${count} or add the diagnosis.`;
      }
      const record = codeSet.icd10(diagnosis.code.value);
      const code = formatIcd10(diagnosis.code.value);
      const role = ROLE_NAMES[diagnosis.role];
      const primary = at.componentIndex === 1 ? ' This is the line\'s primary diagnosis (first pointer).' : '';
      return [
        `**Diagnosis pointer ${value}** → diagnosis ${diagnosis.position} (${role}): **${code}**`,
        record ? record.description : notBillableText(diagnosis.code.value, codeSet),
        `*${icd10YearLine(codeSet)}*${primary ? ` ·${primary}` : ''}`,
      ].join('\n\n');
    }
    case 'ndc':
      return ndcHover(value, at.serviceLine?.procedureCode?.value.trim().toUpperCase(), codeSet);
    default:
      return undefined;
  }
}

function elementHover(at: X12Location, analysis: DocumentAnalysis): string | undefined {
  const segment = describeSegment(at.segment.id);
  if (at.elementIndex === 0) {
    if (!segment) {
      return `**${at.segment.id}** · not a segment of the 837 claim transaction\n\nReceivers reject segments they do not expect; check the segment ID for a typo.`;
    }
    return `**${at.segment.id}** · ${segment.name}\n\n${segment.description}`;
  }
  const element = describeElement(at.segment.id, at.elementIndex);
  const component = at.componentIndex && at.composite ? describeComponent(at.segment.id, at.elementIndex, at.componentIndex) : undefined;
  const meaning = describeValue(at.segment.id, at.elementIndex, at.composite ? (at.componentIndex ?? 1) : 1, at.value);
  const lines: string[] = [];
  const where = segment ? ` *(${at.segment.id}: ${segment.name})*` : '';
  if (!element && !meaning) {
    // Still say where the cursor is: element n of the segment.
    lines.push(`**${at.reference}** · element ${at.elementIndex}${at.composite && at.componentIndex ? `, component ${at.componentIndex}` : ''} of ${at.segment.id}${where}`);
    if (!segment) lines.push(`${at.segment.id} is not a segment of the 837 claim transaction.`);
    return lines.join('\n\n');
  }
  const title = component ? `${element?.name ?? ''}: ${component}` : (element?.name ?? '');
  lines.push(`**${at.reference}** · ${title}${where}`);
  if (element?.description && !component) lines.push(element.description);
  if (meaning) lines.push(`\`${at.value}\`: ${meaning}`);
  const facts = valueFacts(at, analysis);
  if (facts) lines.push(facts);
  return lines.join('\n\n');
}

/** The implementation guide's word on the segment or element under the cursor (loop, usage, type, length, codes). */
function guideHover(at: X12Location, analysis: DocumentAnalysis, ctx: FeatureContext): string | undefined {
  const guides = ctx.codeSet.implementationGuides;
  if (!guides || !analysis.x12 || !analysis.claimFile) return undefined;
  let tx = null;
  for (const x of analysis.claimFile.interchanges) for (const g of x.groups) for (const t of g.transactions) if (t.firstSegment <= at.segment.index && at.segment.index <= t.lastSegment) tx = t;
  if (!tx) return undefined;
  const choice = guideForTransaction(guides, analysis.claimFile, tx);
  if (!choice) return undefined;
  const node = guidePlaceOf(guides, analysis.x12, analysis.claimFile, at.segment.index);
  if (!node) return undefined;
  return describeGuidePlace(guides, choice.guide.kind, choice.guide.id, node, at.elementIndex, at.componentIndex, at.value);
}

export function claimHover(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): ClaimHover | undefined {
  if (!analysis.x12 || !analysis.claimFile) return undefined;
  const at = findAt(analysis.x12, analysis.claimFile, offset);
  if (!at) return undefined;
  const code = codeHover(at, ctx);
  if (code) {
    // Put the element name under the code's own hover so the coder sees where it sits (SV101-2).
    const where = describeElement(at.segment.id, at.elementIndex);
    const component = at.componentIndex ? describeComponent(at.segment.id, at.elementIndex, at.componentIndex) : undefined;
    const suffix = where ? `\n\n---\n\n*${at.reference}: ${component ?? where.name}*` : '';
    return { markdown: code + suffix, span: at.span };
  }
  const element = elementHover(at, analysis);
  const guide = guideHover(at, analysis, ctx);
  const markdown = element && guide ? `${element}\n\n---\n\n${guide}` : (element ?? guide);
  return markdown ? { markdown, span: at.span } : undefined;
}
