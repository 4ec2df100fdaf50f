/**
 * Completion in claim files, aware of the position: HCPCS codes in SV101-2 / SV202-2, modifiers in the modifier
 * components, ICD-10-CM codes in HI, and the qualifier values where a qualifier is expected.
 */
import { dateOfService as dateOfServiceOf, fallbackDateOfService } from '../model/dateOfService';
import { CompletionItemKind, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { findAt, type X12Location } from '../model/query';
import { CODE_TABLES, describeElement, type CodeTableName } from '../model/x12Dictionary';
import { cptItems, icd10Items, modifierItems, procedureItems } from './completionItems';
import { icd10ReleaseFor } from './codeHover';
import { diagnosisDate } from '../rules/structure/diagnosisDate';
import type { FeatureContext } from './context';
import { FACILITY_TYPE, PLACE_OF_SERVICE } from './claimCodes';
import { framesAfter, guidePlaceOf } from '../conformance/check';
import { nextSegments } from '../conformance/nextSegments';

/** Items for codes: a table by name, a record, or entries in the order they are to be offered. */
function qualifierItems(table: CodeTableName | Record<string, string> | [string, string][], prefix: string, range: Range): CompletionItem[] {
  const entries = Array.isArray(table) ? table : Object.entries(typeof table === 'string' ? (CODE_TABLES[table] as Record<string, string>) : table);
  return entries
    .filter(([code]) => code.startsWith(prefix.toUpperCase()))
    .map(([code, meaning], i) => ({
      label: code,
      kind: CompletionItemKind.EnumMember,
      labelDetails: { description: meaning },
      detail: meaning,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range, newText: code },
    }));
}

/**
 * The date codes are offered for: the one resolver's answer (model/dateOfService.ts); a line being added has no
 * DTP*472 yet, so it takes the claim's date of service from the line before it (else the claim's first dated line),
 * then the resolver's fallback (the hcpcs.dateOfService setting, else today), as the rules do.
 */
function completionDate(at: X12Location, ctx: FeatureContext): string {
  const line = at.serviceLine;
  const claim = at.claim;
  let sibling: string | undefined;
  if (claim && !line?.dateOfService) {
    const lines = claim.serviceLines;
    const index = line ? lines.indexOf(line) : lines.length;
    for (let i = index - 1; i >= 0 && !sibling; i--) sibling = lines[i].dateOfService?.from ?? undefined;
    for (let i = 0; i < lines.length && !sibling; i++) sibling = lines[i].dateOfService?.from ?? undefined;
  }
  return dateOfServiceOf(line, claim, sibling ?? fallbackDateOfService(ctx.settings));
}

export function claimCompletion(analysis: DocumentAnalysis, offset: number, ctx: FeatureContext): CompletionList | undefined {
  if (!analysis.x12 || !analysis.claimFile) return undefined;
  const at = findAt(analysis.x12, analysis.claimFile, offset);
  if (!at || at.elementIndex === 0) return undefined;
  // Complete the part of the token before the cursor; replace the whole token.
  const typed = analysis.text.slice(at.span.offset, Math.min(offset, at.span.offset + at.span.length));
  // While a segment is being typed it has no terminator yet and runs into the next line ("A96\nSE..."):
  // never replace past the end of the cursor's line.
  let end = at.span.offset + at.span.length;
  for (let i = offset; i < end; i++) {
    const c = analysis.text.charCodeAt(i);
    if (c === 10 || c === 13) {
      end = i;
      break;
    }
  }
  const range = analysis.lines.rangeOf(at.span.offset, end - at.span.offset);
  const dateOfService = completionDate(at, ctx);
  const sid = at.segment.id;
  const isProcedureElement = (sid === 'SV1' && at.elementIndex === 1) || (sid === 'SV2' && at.elementIndex === 2);

  if (isProcedureElement) {
    const component = at.componentIndex ?? 1;
    if (component === 1) return { isIncomplete: false, items: guidedItems(analysis, at, 1, ctx, CODE_TABLES.procedureQualifier, typed, range) ?? qualifierItems('procedureQualifier', typed, range) };
    if (component === 2) {
      if (typed.length === 0) return { isIncomplete: true, items: [] };
      return { isIncomplete: true, items: [...procedureItems(ctx.codeSet, typed, range, dateOfService), ...cptItems(ctx.codeSet, typed, range)] };
    }
    if (component >= 3 && component <= 6) {
      const code = at.serviceLine?.procedureCode?.value;
      // the line's other modifiers (not the one being typed): duplicates and contradictions rank last
      const others = (at.serviceLine?.modifiers ?? []).filter((m) => m.offset !== at.span.offset).map((m) => m.value);
      return { isIncomplete: false, items: modifierItems(ctx.codeSet, ctx.guides, typed, range, code, dateOfService, others) };
    }
    return undefined;
  }
  if (sid === 'HI') {
    // the qualifiers the guide allows for this HI element (HI01 principal ABK, HI02 on other ABF, on the 837P)
    if ((at.componentIndex ?? 1) === 1) return { isIncomplete: false, items: guidedItems(analysis, at, 1, ctx, CODE_TABLES.diagnosisQualifier, typed, range) ?? qualifierItems('diagnosisQualifier', typed, range) };
    if (at.componentIndex === 2 && typed.length > 0) {
      const date = at.claim ? diagnosisDate(at.claim, { today: ctx.settings.dateOfService || '' }) : '';
      return { isIncomplete: true, items: icd10Items(ctx.codeSet, typed, range, false, icd10ReleaseFor(ctx.codeSet, date || undefined)) };
    }
    return undefined;
  }
  const component = at.composite ? (at.componentIndex ?? 1) : 1;
  if (sid === 'CLM' && at.elementIndex === 5) {
    const table = component === 1 ? (at.claim?.transactionKind === '837I' ? FACILITY_TYPE : PLACE_OF_SERVICE) : component === 2 ? CODE_TABLES.facilityCodeQualifier : component === 3 ? CODE_TABLES.claimFrequency : undefined;
    // the qualifier the claim's guide allows (A on the 837I, B on the 837P), not both
    const guided = component === 2 ? guidedItems(analysis, at, 2, ctx, table, typed, range) : undefined;
    return table ? { isIncomplete: false, items: guided ?? qualifierItems(table, typed, range) } : undefined;
  }
  if (sid === 'SV1' && at.elementIndex === 5) return { isIncomplete: false, items: qualifierItems(PLACE_OF_SERVICE, typed, range) };
  if (sid === 'SBR' && at.elementIndex === 1) return { isIncomplete: false, items: qualifierItems('payerResponsibility', typed, range) };
  const info = describeElement(sid, at.elementIndex);
  const dictionary = info?.codes && component === 1 ? (typeof info.codes === 'string' ? (CODE_TABLES[info.codes] as Record<string, string>) : info.codes) : undefined;
  // the codes the implementation guide allows for this element in this loop
  const guided = guidedItems(analysis, at, at.composite ? (at.componentIndex ?? 1) : 0, ctx, dictionary, typed, range);
  if (guided) return { isIncomplete: false, items: guided };
  if (dictionary) return { isIncomplete: false, items: qualifierItems(dictionary, typed, range) };
  return undefined;
}

/**
 * The codes of component `component` (0 = a simple element) of the element at `at` that the guide allows there, in
 * the guide's order, with the dictionary's `meanings` (else the name of the segment a qualifier makes it: DTP*471
 * "Prescription Date"); undefined when the guide gives no code list there.
 */
function guidedItems(analysis: DocumentAnalysis, at: X12Location, component: number, ctx: FeatureContext, meanings: Record<string, string> | undefined, typed: string, range: Range): CompletionItem[] | undefined {
  const names = new Map<string, string>();
  const allowed = guideCodes(analysis, at.segment.index, at.elementIndex, component, ctx, names);
  return allowed && qualifierItems(allowed.map((code): [string, string] => [code, meanings?.[code] ?? names.get(code) ?? '']), typed, range);
}

/**
 * The guide's code list for element `elementIndex` (component `component`, 0 = simple) of a segment at its place.
 * For the qualifier a segment is placed by (DTP01, NM101, REF01 ...), the qualifiers of every segment of that id the
 * guide allows at this point, the place's own first: changing DTP*472 to 471 makes it another allowed segment.
 */
function guideCodes(analysis: DocumentAnalysis, segmentIndex: number, elementIndex: number, component: number, ctx: FeatureContext, names?: Map<string, string>): string[] | undefined {
  const guides = ctx.codeSet.implementationGuides;
  if (!guides || !analysis.x12 || !analysis.claimFile) return undefined;
  const node = guidePlaceOf(guides, analysis.x12, analysis.claimFile, segmentIndex);
  const el = node?.elsBySeq[elementIndex];
  const def = el?.comps ? el.comps[(component || 1) - 1] : el;
  if (!def || def.usage === 'N') return undefined;
  const q = node?.qualifier;
  if (node && q && q.seq === elementIndex && q.comp === component && segmentIndex > 0) {
    const codes = new Set(def.codes ?? q.codes);
    for (const c of codes) names?.set(c, node.name);
    const state = framesAfter(guides, analysis.x12, analysis.claimFile, segmentIndex - 1);
    for (const n of state ? nextSegments(state.frames) : []) {
      const nq = n.node.qualifier;
      if (n.node.id !== node.id || !nq || nq.seq !== q.seq || nq.comp !== q.comp) continue;
      for (const c of nq.codes) {
        if (!codes.has(c)) names?.set(c, n.node.name);
        codes.add(c);
      }
    }
    return [...codes];
  }
  if (def.codes) return [...def.codes];
  if (def.ext) {
    const list = guides.codeList(def.ext);
    return list ? [...list.codes] : undefined;
  }
  return undefined;
}
