import type { Hover } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { formatIcd10 } from '../codeset/codeset';
import { mentionAt } from '../parse/note';
import { escapeMarkdown } from '../guides/render';
import { findDiagnosis, findEvidence } from '../rules/notes/evidence';
import { claimHover } from './claimHover';
import { cptHover, icd10Hover, levelIModifierHover, modifierHover, procedureHover, unknownCodeHover } from './codeHover';
import type { FeatureContext } from './context';

function markdown(value: string, analysis: DocumentAnalysis, offset: number, length: number): Hover {
  return { contents: { kind: 'markdown', value }, range: analysis.lines.rangeOf(offset, length) };
}

export function hover(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): Hover | null {
  if (analysis.kind === 'claim') {
    const found = claimHover(analysis, offset, ctx);
    return found ? markdown(found.markdown, analysis, found.span.offset, found.span.length) : null;
  }
  return noteHover(analysis, offset, ctx);
}

/** Notes: the hover says which code set a token was read as, and why. */
function noteHover(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): Hover | null {
  const at = mentionAt(analysis.note, offset);
  if (!at) return null;
  const { mention } = at;
  const { codeSet, guides } = ctx;
  if (at.part === 'modifier' && at.modifier) {
    const record = codeSet.modifier(at.modifier.code);
    const value = record
      ? modifierHover(record, codeSet, guides)
      : levelIModifierHover(at.modifier.code, codeSet, guides) ?? unknownCodeHover(at.modifier.code, 'HCPCS modifier', codeSet);
    return markdown(withChecklist(value, at.modifier.code, analysis, ctx, 2), analysis, at.modifier.span.offset, at.modifier.span.length);
  }
  const readAs = `read as ${mention.system === 'icd10' ? 'ICD-10-CM' : mention.system === 'cpt' ? 'CPT' : 'HCPCS'}: ${mention.reason}`;
  let value: string;
  if (mention.system === 'icd10') {
    const record = codeSet.icd10(mention.code);
    value = record ? icd10Hover(record, codeSet, formatIcd10(mention.code), readAs) : unknownCodeHover(formatIcd10(mention.code), 'ICD-10-CM', codeSet);
  } else if (mention.system === 'cpt') {
    value = cptHover(mention.code, codeSet);
  } else {
    const record = codeSet.procedure(mention.code);
    value = record ? withChecklist(procedureHover(record, codeSet, guides, { readAs }), record.code, analysis, ctx, 3) : unknownCodeHover(mention.code, 'HCPCS Level II', codeSet);
  }
  // The token is in both code sets: say what it would be in the other one.
  const icd = mention.alsoIn === 'icd10' ? codeSet.icd10(mention.code) : undefined;
  const hcpcs = mention.alsoIn === 'hcpcs' ? codeSet.procedure(mention.code) : undefined;
  if (icd) value += `\n\n*Also an ICD-10-CM code: ${formatIcd10(mention.code)} ${icd.description}*`;
  if (hcpcs) value += `\n\n*Also a HCPCS Level II code: ${hcpcs.code} ${hcpcs.longDescription}*`;
  return markdown(value, analysis, mention.span.offset, mention.span.length);
}

/**
 * The guide's documentation checklist for the code, against this note: what the note shows (with the words that
 * show it) and what it lacks, inserted after the first `after` paragraphs (code, descriptor, status).
 */
function withChecklist(value: string, code: string, analysis: DocumentAnalysis, ctx: FeatureContext, after: number): string {
  const list = documentationChecklist(analysis, code, ctx);
  if (!list) return value;
  let cut = -2;
  for (let k = 0; k < after; k++) {
    cut = value.indexOf('\n\n', cut + 2);
    if (cut < 0) return `${value}\n\n${list}`;
  }
  return `${value.slice(0, cut)}\n\n${list}${value.slice(cut)}`;
}

export function documentationChecklist(analysis: DocumentAnalysis, code: string, ctx: FeatureContext): string | undefined {
  if (analysis.kind === 'claim') return undefined;
  const guide = ctx.guides.get(code);
  if (!guide?.documentation?.length) return undefined;
  const rows = guide.documentation.map((req) => {
    const span = findEvidence(analysis.text, req.patterns) ?? findDiagnosis(analysis.note, req.diagnoses);
    if (span) {
      const shown = analysis.text.slice(span.offset, span.offset + Math.min(span.length, 48)).replace(/\s+/g, ' ');
      return `- ✓ ${escapeMarkdown(req.label)}: *"${escapeMarkdown(shown)}${span.length > 48 ? '…' : ''}"*`;
    }
    return `- ✗ **${escapeMarkdown(req.label)}**: ${escapeMarkdown(req.add)}`;
  });
  const missing = rows.filter((r) => r.startsWith('- ✗')).length;
  const head = missing === 0 ? 'the note shows everything the guide lists' : `the note lacks ${missing} of ${rows.length}`;
  return `**Documentation checklist** (${head}):\n${rows.join('\n')}`;
}
