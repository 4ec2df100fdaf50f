/**
 * `.hcpcs/rules-off.json` in a workspace folder: rules switched off for single claim files (which cannot hold a
 * comment). Keys are paths or globs relative to that folder, values rule ids:
 * `{ "claims/batch-07.837": ["hcpcs/kx-attestation"] }`. Validated with zod; a bad file is named with its field.
 */
import { z } from 'zod';
import { isNoteFile } from './noteFiles';

export const RULES_OFF_FILE = '.hcpcs/rules-off.json';

export const rulesOffSchema = z.record(z.string().min(1), z.array(z.string().regex(/^[a-z0-9]+\/[a-z0-9-]+$/, 'expected a rule id such as hcpcs/kx-attestation')));
export type RulesOffFile = z.infer<typeof rulesOffSchema>;

/** One workspace folder's entries. */
export interface RulesOff {
  folder: string;
  entries: RulesOffFile;
}

/** Parses the file's text; problems name the file and the field. */
export function parseRulesOff(folder: string, text: string): { rulesOff?: RulesOff; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problems: [`${RULES_OFF_FILE}: not JSON (${(e as Error).message}); no rules are switched off by it`] };
  }
  const parsed = rulesOffSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${RULES_OFF_FILE}: ${i.path.map(String).join('.') || '(top)'}: ${i.message}; the file is ignored`) };
  }
  return { rulesOff: { folder, entries: parsed.data }, problems: [] };
}

/** The rule ids switched off for this document (a file:// URI or a path). */
export function rulesOffFor(uriOrPath: string, all: readonly RulesOff[]): string[] {
  const ids: string[] = [];
  for (const { folder, entries } of all) {
    for (const [glob, rules] of Object.entries(entries)) {
      if (isNoteFile(uriOrPath, [glob], [folder])) ids.push(...rules);
    }
  }
  return ids;
}
