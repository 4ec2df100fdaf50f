/**
 * The "HCPCS: Look up code" command: search every code by code or words, and the full guide of one code as a
 * readable markdown document (official descriptor first).
 */
import type { CodeSet } from '../codeset/types';
import type { GuideIndex } from '../guides/types';
import { renderGuideDocument } from '../guides/render';

export interface LookupItem {
  code: string;
  /** Short descriptor. */
  label: string;
  /** Official long descriptor, with the status when terminated. */
  detail: string;
}

export function searchCodes(codeSet: CodeSet, query: string, limit: number): LookupItem[] {
  const q = query.trim();
  if (!q) return [];
  const items: LookupItem[] = [];
  const modifier = codeSet.modifier(q);
  if (modifier && q.length === 2) {
    items.push({ code: modifier.code, label: `Modifier: ${modifier.shortDescription}`, detail: modifier.longDescription });
  }
  for (const hit of codeSet.searchProcedures(q, limit)) {
    const r = hit.record;
    items.push({
      code: r.code,
      label: r.shortDescription,
      detail: r.terminated ? `${r.longDescription} (terminated ${r.terminated})` : r.longDescription,
    });
  }
  return items.slice(0, limit);
}

/** The full guide for a code or modifier, or null when the code set does not know it. */
export function guideDocument(codeSet: CodeSet, guides: GuideIndex, code: string): string | null {
  const c = code.trim().toUpperCase();
  if (!codeSet.procedure(c) && !codeSet.modifier(c) && !guides.get(c)) return null;
  return renderGuideDocument(c, codeSet, guides);
}
