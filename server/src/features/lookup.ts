/**
 * The "HCPCS: Look up code" command: search HCPCS codes, modifiers and ICD-10-CM diagnoses by code (ICD-10-CM with
 * or without its dot) or by words, and one read-only reference document per code (official descriptor first), per
 * rule ("About this rule"), or saying there is no match.
 */
import { formatIcd10, normalizeIcd10 } from '../codeset/codeset';
import type { CodeSet } from '../codeset/types';
import type { GuideIndex } from '../guides/types';
import { escapeMarkdown, lookupLink, renderGuideDocument } from '../guides/render';
import type { Rule } from '../rules/types';
import { DISABLE_MARKER } from './ruleDirectives';
import { RULES_OFF_FILE } from '../guides/rulesOff';

export type LookupKind = 'hcpcs' | 'modifier' | 'icd10';

export interface LookupItem {
  code: string;
  /** Short descriptor (HCPCS), "Modifier: ..." or the ICD-10-CM description. */
  label: string;
  /** Official long descriptor, with the status when terminated. */
  detail: string;
  kind: LookupKind;
}

const ICD10_SHAPE = /^[A-TV-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/i;

export function searchCodes(codeSet: CodeSet, query: string, limit: number): LookupItem[] {
  const q = query.trim();
  if (!q) return [];
  const items: LookupItem[] = [];
  const seen = new Set<string>();
  const add = (item: LookupItem) => {
    const key = `${item.kind}:${item.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  };
  const upper = q.toUpperCase();
  const modifier = upper.length === 2 ? codeSet.modifier(upper) : undefined;
  if (modifier) add({ code: modifier.code, label: `Modifier: ${modifier.shortDescription}`, detail: modifier.longDescription, kind: 'modifier' });
  // an exact ICD-10-CM code, dotted or not (C79.51, C7951), comes before codes that merely start alike
  if (ICD10_SHAPE.test(q)) {
    const exact = codeSet.icd10(normalizeIcd10(q));
    if (exact) add({ code: formatIcd10(exact.code), label: exact.description, detail: `ICD-10-CM diagnosis ${formatIcd10(exact.code)}`, kind: 'icd10' });
  }
  for (const hit of codeSet.searchProcedures(q, limit)) {
    const r = hit.record;
    add({ code: r.code, label: r.shortDescription, detail: r.terminated ? `${r.longDescription} (terminated ${r.terminated})` : r.longDescription, kind: 'hcpcs' });
  }
  const words = q.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
  if (!modifier && words.length > 0 && !/\d/.test(q)) {
    for (const m of codeSet.allModifiers()) {
      const text = m.longDescription.toLowerCase();
      if (words.every((w) => text.includes(w))) add({ code: m.code, label: `Modifier: ${m.shortDescription}`, detail: m.longDescription, kind: 'modifier' });
      if (items.length >= limit) break;
    }
  }
  const icdQuery = ICD10_SHAPE.test(q) ? normalizeIcd10(q) : q;
  for (const hit of codeSet.searchIcd10(icdQuery, limit)) {
    add({ code: formatIcd10(hit.record.code), label: hit.record.description, detail: `ICD-10-CM diagnosis ${formatIcd10(hit.record.code)}`, kind: 'icd10' });
  }
  return items.slice(0, limit);
}

/** The full guide for a code or modifier, or null when the code set does not know it. */
export function guideDocument(codeSet: CodeSet, guides: GuideIndex, code: string): string | null {
  const c = code.trim().toUpperCase();
  if (!codeSet.procedure(c) && !codeSet.modifier(c) && !guides.get(c)) return null;
  return renderGuideDocument(c, codeSet, guides);
}

/** What the look-up view shows: its tab title and its markdown. */
export interface LookupDocument {
  title: string;
  markdown: string;
  /** False when nothing matched (the document says so and lists what was searched). */
  found: boolean;
}

function icd10Document(code: string, codeSet: CodeSet): string | null {
  const record = codeSet.icd10(normalizeIcd10(code));
  if (!record) return null;
  const dotted = formatIcd10(record.code);
  return [
    `# ${dotted} · ICD-10-CM diagnosis`,
    `> **${escapeMarkdown(record.description)}**`,
    `*ICD-10-CM ${codeSet.icd10Release}. In a claim, HI carries it without the dot (${record.code}).*`,
  ].join('\n\n') + '\n';
}

/**
 * One document for a query: a HCPCS code or modifier (its guide), an ICD-10-CM code (dotted or not), or, for
 * anything else, the codes it finds by words; "No match" when there are none.
 */
export function lookupDocument(codeSet: CodeSet, guides: GuideIndex, query: string): LookupDocument {
  const q = query.trim();
  const upper = q.toUpperCase();
  const guide = q ? guideDocument(codeSet, guides, upper) : null;
  if (guide) return { title: upper, markdown: guide, found: true };
  if (ICD10_SHAPE.test(q)) {
    const icd = icd10Document(q, codeSet);
    if (icd) return { title: formatIcd10(q), markdown: icd, found: true };
  }
  const hits = q ? searchCodes(codeSet, q, 30) : [];
  if (hits.length === 0) {
    return {
      title: q || 'Look up',
      found: false,
      markdown:
        `# No match for "${escapeMarkdown(q)}"\n\n` +
        `Nothing in HCPCS Level II ${codeSet.hcpcsRelease} (codes and modifiers) or ICD-10-CM ${codeSet.icd10Release} matches. ` +
        'Check the code against the record, or search by words of the descriptor (e.g. "samarium").\n',
    };
  }
  const rows = hits.map((h) => `- ${h.kind === 'icd10' ? `**${h.code}** (ICD-10-CM)` : lookupLink(h.code)}: ${escapeMarkdown(h.label)}`);
  return { title: `"${q}"`, found: true, markdown: `# Codes matching "${escapeMarkdown(q)}"\n\n${rows.join('\n')}\n` };
}

/** "About this rule": what the rule checks, its default severity, and how to change or switch it off. */
export function ruleDocument(rules: readonly Rule[], ruleId: string): LookupDocument {
  const rule = rules.find((r) => r.id === ruleId);
  const e = escapeMarkdown;
  const how = [
    '## Change it',
    `- Everywhere: the setting \`hcpcs.rules\`, e.g. \`{ "${ruleId}": "warning" }\` (off, info, warning, error); on the command line \`hcpcs-check --rule ${ruleId}=off\`.`,
    `- In one note: a line \`${DISABLE_MARKER} ${ruleId}\` (in markdown \`<!-- ${DISABLE_MARKER} ${ruleId} -->\`).`,
    `- In one claim file: an entry in \`${RULES_OFF_FILE}\`, e.g. \`{ "claims/batch.837": ["${ruleId}"] }\` (claim files hold no comments).`,
  ].join('\n');
  if (!rule) {
    return { title: ruleId, found: false, markdown: `# ${e(ruleId)}\n\nA notice of the checker itself, not a billing rule.\n\n${how}\n` };
  }
  return {
    title: ruleId,
    found: true,
    markdown: `# ${e(rule.id)}\n\n${e(rule.description)}\n\n**Default severity:** ${rule.defaultSeverity}\n\n${how}\n`,
  };
}
