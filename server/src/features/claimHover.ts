/**
 * Hover in claim files: a code or modifier gets its official descriptor and its status on the line's date of
 * service; a diagnosis or a pointer gets the ICD-10-CM description; every other element gets its name and
 * meaning in the 837, and qualifiers their meaning.
 */
import type { DocumentAnalysis } from '../analysis';
import { formatIcd10 } from '../codeset/codeset';
import type { Span } from '../core/span';
import { findAt, type X12Location } from '../model/query';
import { describeComponent, describeElement, describeSegment, describeValue } from '../model/x12Dictionary';
import { cptHover, icd10Hover, levelIModifierHover, modifierHover, procedureHover, unknownCodeHover } from './codeHover';
import type { FeatureContext } from './hover';

export interface ClaimHover {
  markdown: string;
  span: Span;
}

const LEVEL_II = /^[A-V]\d{4}$/;
const LEVEL_I = /^\d{4}[0-9A-Z]$/;

function dateOfServiceAt(at: X12Location, ctx: FeatureContext): string | undefined {
  return at.serviceLine?.dateOfService?.from ?? at.claim?.serviceDate?.from ?? (ctx.settings.dateOfService || undefined);
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
      if (LEVEL_I.test(value)) return cptHover(value, codeSet);
      return unknownCodeHover(value, LEVEL_II.test(value) ? 'HCPCS Level II' : 'HCPCS');
    }
    case 'modifier': {
      const record = codeSet.modifier(value);
      if (record) return modifierHover(record, codeSet, guides, { dateOfService });
      return levelIModifierHover(value) ?? unknownCodeHover(value, 'HCPCS modifier');
    }
    case 'diagnosisCode': {
      const record = codeSet.icd10(value);
      return record ? icd10Hover(record, codeSet, formatIcd10(value)) : unknownCodeHover(formatIcd10(value), 'ICD-10-CM');
    }
    case 'diagnosisPointer': {
      const diagnosis = at.diagnosis;
      if (!diagnosis) {
        return `**Diagnosis pointer ${value}** points at no diagnosis: the claim's HI segment has fewer than ${value} codes. Payers reject lines whose pointers do not resolve.`;
      }
      const record = codeSet.icd10(diagnosis.code.value);
      const code = formatIcd10(diagnosis.code.value);
      return [
        `**Diagnosis pointer ${value}** → diagnosis ${diagnosis.position}: **${code}**`,
        record ? record.description : 'not in the ICD-10-CM code set in use',
        `*ICD-10-CM ${codeSet.icd10Release}*`,
      ].join('\n\n');
    }
    default:
      return undefined;
  }
}

function elementHover(at: X12Location): string | undefined {
  const segment = describeSegment(at.segment.id);
  if (at.elementIndex === 0) {
    if (!segment) return undefined;
    return `**${at.segment.id}** · ${segment.name}\n\n${segment.description}`;
  }
  const element = describeElement(at.segment.id, at.elementIndex);
  const component = at.componentIndex && at.composite ? describeComponent(at.segment.id, at.elementIndex, at.componentIndex) : undefined;
  const meaning = describeValue(at.segment.id, at.elementIndex, at.composite ? (at.componentIndex ?? 1) : 1, at.value);
  if (!element && !meaning) return undefined;
  const lines: string[] = [];
  const title = component ? `${element?.name ?? ''}: ${component}` : (element?.name ?? '');
  lines.push(`**${at.reference}** · ${title}${segment ? ` *(${at.segment.id}: ${segment.name})*` : ''}`);
  if (element?.description && !component) lines.push(element.description);
  if (meaning) lines.push(`\`${at.value}\`: ${meaning}`);
  return lines.join('\n\n');
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
  const element = elementHover(at);
  return element ? { markdown: element, span: at.span } : undefined;
}
