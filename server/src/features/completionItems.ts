/**
 * Completion items for codes and modifiers, shared by claim files and notes. The label is the code, the
 * description the short descriptor, the detail the official long descriptor. Terminated codes are listed last,
 * struck through.
 */
import { CompletionItemKind, CompletionItemTag, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { formatIcd10 } from '../codeset/codeset';
import type { CodeSet, HcpcsRecord } from '../codeset/types';
import type { GuideIndex } from '../guides/types';
import { LEVEL_I_MODIFIER_NAMES } from './codeHover';
import { conflictsOf } from '../rules/claim/conflictingModifiers';
import { wasteContainer } from '../rules/claim/drugs';
import { codeSetFacts } from '../codeset/codeFacts';

const MAX_ITEMS = 60;

function sortKey(rank: number, code: string): string {
  return `${String(rank).padStart(4, '0')}-${code}`;
}

/** Codes whose code starts with the query, or whose descriptor words start with the query's words. */
export function procedureItems(codeSet: CodeSet, query: string, range: Range, dateOfService?: string): CompletionItem[] {
  const hits = codeSet.searchProcedures(query, MAX_ITEMS);
  return hits.map((hit, i) => {
    const r = hit.record;
    const terminated = !!r.terminated && (!dateOfService || dateOfService > r.terminated);
    const item: CompletionItem = {
      label: r.code,
      kind: CompletionItemKind.Value,
      // struck through, and saying since when and what replaces it
      labelDetails: { description: terminated ? `${r.shortDescription} · ended ${r.terminated}${r.crossReference.length ? `, use ${r.crossReference.join(', ')}` : ''}` : r.shortDescription },
      detail: r.longDescription,
      documentation: terminated
        ? { kind: 'markdown', value: `Terminated ${r.terminated}${r.crossReference.length ? `; use ${r.crossReference.join(', ')}` : ''}` }
        : undefined,
      // The client filters on this: keep what the coder typed (a word of the descriptor) so the item survives.
      filterText: query,
      sortText: sortKey((terminated ? 1000 : 0) + i, r.code),
      textEdit: { range, newText: r.code },
    };
    if (terminated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}

/** Codes from the user's licensed CPT file (nothing when none is configured). */
export function cptItems(codeSet: CodeSet, query: string, range: Range): CompletionItem[] {
  return codeSet.searchCpt(query, MAX_ITEMS).map((r, i) => ({
    label: r.code,
    kind: CompletionItemKind.Value,
    labelDetails: { description: 'CPT (your licensed file)' },
    detail: r.descriptor,
    filterText: query,
    sortText: sortKey(500 + i, r.code),
    textEdit: { range, newText: r.code },
  }));
}

/**
 * The modifiers that matter most for a code: the guide's common modifiers, then JZ/JW for drugs from a single-dose
 * container. Where the official files point to an infusion solution or say nothing of the container (saline J7050,
 * insulin J1815: see wasteContainer, the basis of hcpcs/drug-waste-modifier), JZ/JW are not preferred but ranked
 * with the other drug modifiers, and their documentation says when they apply.
 */
function preferredModifiers(codeSet: CodeSet, procedure: HcpcsRecord | undefined, guides: GuideIndex): { preferred: Map<string, string>; conditional: Map<string, string> } {
  const preferred = new Map<string, string>();
  const conditional = new Map<string, string>();
  if (!procedure) return { preferred, conditional };
  const guide = guides.get(procedure.code);
  for (const m of guide?.commonModifiers ?? []) preferred.set(m.modifier, m.when);
  if (procedure.pricing.includes('51') || guide?.drugWasteModifiers) {
    const container = wasteContainer(codeSetFacts(codeSet).procedure(procedure.code), guide, codeSet.asp());
    const singleDose = container.kind === 'single-dose' || container.kind === 'likely';
    const waste = singleDose ? preferred : conditional;
    const only = singleDose ? '' : ` (only from a single-dose container or single-use package; ${container.basis})`;
    if (!preferred.has('JZ')) waste.set('JZ', `no drug was discarded${only}`);
    if (!preferred.has('JW')) waste.set('JW', `on a separate line for the discarded amount${only}`);
  }
  return { preferred, conditional };
}

/** Drug and radiopharmaceutical codes: priced as drugs (51), a guide with drug waste, J codes, A9500-A9699. */
function isDrugCode(procedure: HcpcsRecord | undefined, guides: GuideIndex): boolean {
  if (!procedure) return false;
  return procedure.pricing.includes('51') || !!guides.get(procedure.code)?.drugWasteModifiers || /^J\d{4}$/.test(procedure.code) || /^A9[56]\d\d$/.test(procedure.code);
}

/** After the guide's own: how a drug is given or bought (JA intravenous, JB subcutaneous, TB 340B). */
const DRUG_MODIFIERS = ['JA', 'JB', 'TB'];
/** On any line: liability and coverage (GA, GY, GZ, KX), distinct and repeat services (59, X{EPSU}, 76, 77). */
const ANY_LINE_MODIFIERS = ['GA', 'GY', 'GZ', 'KX', '59', 'XE', 'XS', 'XP', 'XU', '76', '77'];

/**
 * Rank of a modifier for this code and the modifiers already on the line: the guide's (and JZ/JW on drugs) first,
 * then those that fit the kind of code, then the ones any line may carry, then the rest; one already on the line or
 * contradicting one there (JW after JZ) goes last.
 */
function modifierRank(code: string, preferred: Map<string, string>, conditional: Map<string, string>, drug: boolean, onLine: readonly string[]): number {
  if (onLine.includes(code) || conflictsOf(code, onLine).length > 0) return 2800;
  if (preferred.has(code)) return 0;
  if (drug && DRUG_MODIFIERS.includes(code)) return 100 + DRUG_MODIFIERS.indexOf(code);
  if (conditional.has(code)) return 100 + DRUG_MODIFIERS.length + (code === 'JZ' ? 0 : 1);
  if (ANY_LINE_MODIFIERS.includes(code)) return 200 + ANY_LINE_MODIFIERS.indexOf(code);
  return 1000;
}

export function modifierItems(
  codeSet: CodeSet,
  guides: GuideIndex,
  prefix: string,
  range: Range,
  procedureCode?: string,
  dateOfService?: string,
  onLine: readonly string[] = [],
): CompletionItem[] {
  const upper = prefix.toUpperCase();
  const procedure = procedureCode ? codeSet.procedure(procedureCode) : undefined;
  const { preferred, conditional } = preferredModifiers(codeSet, procedure, guides);
  const drug = isDrugCode(procedure, guides);
  const present = onLine.map((m) => m.toUpperCase());
  const items: CompletionItem[] = [];
  for (const m of codeSet.allModifiers()) {
    if (!m.code.startsWith(upper)) continue;
    const terminated = !!m.terminated && (!dateOfService || dateOfService > m.terminated);
    const why = preferred.get(m.code) ?? conditional.get(m.code);
    const rank = modifierRank(m.code, preferred, conditional, drug, present);
    const conflict = conflictsOf(m.code, present)[0];
    const item: CompletionItem = {
      label: m.code,
      kind: CompletionItemKind.EnumMember,
      labelDetails: { description: terminated ? `${m.shortDescription} · ended ${m.terminated}` : m.shortDescription },
      detail: m.longDescription,
      documentation: conflict
        ? { kind: 'markdown', value: `Contradicts ${conflict.other} on this line: ${conflict.why}.` }
        : why
          ? { kind: 'markdown', value: `Common with ${procedureCode}: ${why}` }
          : undefined,
      sortText: sortKey(terminated ? 3000 : rank, m.code),
      textEdit: { range, newText: m.code },
    };
    if (terminated) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  for (const [code, name] of Object.entries(LEVEL_I_MODIFIER_NAMES)) {
    if (!code.startsWith(upper)) continue;
    const rank = modifierRank(code, preferred, conditional, drug, present);
    items.push({
      label: code,
      kind: CompletionItemKind.EnumMember,
      labelDetails: { description: 'CPT modifier' },
      detail: `${name} (Level I; AMA descriptor not bundled)`,
      sortText: sortKey(rank === 1000 ? 2000 : rank, code),
      textEdit: { range, newText: code },
    });
  }
  return items;
}

/**
 * ICD-10-CM codes by code or words, from the fiscal year `release` (the year of the claim's date of service: FY2025
 * for 2024-10-01 to 2025-09-30; the current year otherwise); the detail names the year used.
 */
export function icd10Items(codeSet: CodeSet, query: string, range: Range, withDot: boolean, release = codeSet.icd10Release): CompletionItem[] {
  const year = release === codeSet.icd10Release ? release : codeSet.icd10Years().some((y) => y.release === release) ? release : codeSet.icd10Release;
  const hits = year === codeSet.icd10Release ? codeSet.searchIcd10(query, MAX_ITEMS) : codeSet.searchIcd10In(year, query, MAX_ITEMS);
  const why = year === codeSet.icd10Release ? '' : ", the year of this claim's date of service";
  return hits.map((hit, i) => {
    const code = withDot ? formatIcd10(hit.record.code) : hit.record.code;
    return {
      label: formatIcd10(hit.record.code),
      kind: CompletionItemKind.Reference,
      labelDetails: { description: hit.record.description },
      detail: `${hit.record.description} (ICD-10-CM ${year}${why})`,
      filterText: query,
      sortText: sortKey(i, hit.record.code),
      textEdit: { range, newText: code },
    };
  });
}
