import { z } from 'zod';

/**
 * Every `hcpcs.*` setting, validated. The client sends the raw section; a value that fails its schema is
 * reported once (naming the setting) and its default is used, so one typo never switches the product off.
 */
export const severitySetting = z.enum(['off', 'info', 'warning', 'error']);
export type SeveritySetting = z.infer<typeof severitySetting>;

export const payerSetting = z.enum(['medicare', 'commercial', 'medicaid']);
export type Payer = z.infer<typeof payerSetting>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const settingsSchema = z.object({
  /** Severity per rule id, e.g. { "hcpcs/terminated-code": "error" }. */
  rules: z.record(z.string(), severitySetting).default({}),
  /** Payer profile when a claim's SBR09 does not say. */
  payer: payerSetting.default('medicare'),
  /** Fallback date of service (YYYY-MM-DD) when a claim carries none; empty = today. */
  dateOfService: z.union([isoDate, z.literal('')]).default(''),
  /** Globs of files whose text is checked as clinical notes (documentation rules). */
  notes: z
    .object({
      include: z.array(z.string()).default(['**/notes/**', '**/*.note.md', '**/*.note.txt']),
    })
    .default({ include: ['**/notes/**', '**/*.note.md', '**/*.note.txt'] }),
  /** A licensed CPT descriptor file (CSV `code,descriptor`) of the user's own; never bundled. */
  cptDescriptorFile: z.string().default(''),
  /** Files larger than this (in megabytes) get syntax checks only, with a notice. */
  maxFileSizeMB: z.number().positive().default(64),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});

export interface SettingsResult {
  settings: Settings;
  /** One line per rejected setting: "hcpcs.payer: expected one of ..."; defaults were used for those. */
  problems: string[];
}

/**
 * Validates the raw `hcpcs` section field by field: a bad field falls back to its default and is named in
 * `problems`; the good fields are kept.
 */
export function parseSettings(raw: unknown): SettingsResult {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: defaultSettings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaultSettings, problems: ['hcpcs: expected an object of settings'] };
  }
  const full = settingsSchema.safeParse(raw);
  if (full.success) return { settings: full.data, problems };
  const input = { ...(raw as Record<string, unknown>) };
  for (const issue of full.error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key in input) {
      problems.push(`hcpcs.${issue.path.join('.')}: ${issue.message}; using the default`);
      delete input[key];
    }
  }
  // Rule severities are validated one by one so one bad entry does not drop the others.
  const rules = (raw as Record<string, unknown>).rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    const kept: Record<string, SeveritySetting> = {};
    for (const [id, value] of Object.entries(rules)) {
      const ok = severitySetting.safeParse(value);
      if (ok.success) kept[id] = ok.data;
    }
    input.rules = kept;
  }
  const retry = settingsSchema.safeParse(input);
  return { settings: retry.success ? retry.data : defaultSettings, problems: [...new Set(problems)] };
}
