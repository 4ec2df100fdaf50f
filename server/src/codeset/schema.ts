/**
 * zod schemas for everything the code set loads from disk: data/manifest.json, data/hcpcs/<release>.json,
 * data/icd10cm/<release>.json. A failure is reported with the file name and the field path.
 */
import { z } from 'zod';
import type { HcpcsCodeTables, CodeTable } from './types';
import { HCPCS_COLUMNS } from './tableFormat';

export type LayoutTables = HcpcsCodeTables;
export type LayoutCodeTable = CodeTable;

export const codeTableSchema = z.object({
  field: z.string(),
  source: z.string().optional(),
  codes: z.record(z.string(), z.string()),
});

export const layoutTablesSchema = z.object({
  recordId: codeTableSchema.optional(),
  pricingIndicator: codeTableSchema.optional(),
  multiplePricingIndicator: codeTableSchema.optional(),
  labCertification: codeTableSchema.optional(),
  coverage: codeTableSchema.optional(),
  mogPaymentGroup: codeTableSchema.optional(),
  mogPaymentPolicy: codeTableSchema.optional(),
  betos: codeTableSchema.optional(),
  typeOfService: codeTableSchema.optional(),
  actionCode: codeTableSchema.optional(),
});

/**
 * Rows are checked with one plain loop instead of a zod schema per row (8,623 + 74,719 rows must validate in a
 * few milliseconds at start-up); issues still carry the exact path, e.g. ["procedures", 12, 0].
 */
function rowsSchema(name: string, check: (row: unknown[], issue: (col: number | undefined, message: string) => void) => void) {
  return z.array(z.unknown()).superRefine((rows, ctx) => {
    let reported = 0;
    for (let i = 0; i < rows.length && reported < 20; i++) {
      const row = rows[i];
      if (!Array.isArray(row)) {
        ctx.addIssue({ code: 'custom', path: [i], message: `each ${name} must be an array of strings` });
        reported++;
        continue;
      }
      check(row, (col, message) => {
        ctx.addIssue({ code: 'custom', path: col === undefined ? [i] : [i, col], message });
        reported++;
      });
    }
  });
}

const HCPCS_CODE = /^[A-Z0-9]{2,5}$/;
const hcpcsRowsSchema = rowsSchema('record', (row, issue) => {
  if (row.length < 1 || row.length > HCPCS_COLUMNS.length) issue(undefined, `a record has 1 to ${HCPCS_COLUMNS.length} fields, found ${row.length}`);
  for (let j = 0; j < row.length; j++) {
    if (typeof row[j] !== 'string') issue(j, `${HCPCS_COLUMNS[j] ?? 'field'} must be a string`);
  }
  if (typeof row[0] === 'string' && !HCPCS_CODE.test(row[0])) issue(0, 'code must be 2 to 5 letters or digits');
}) as unknown as z.ZodType<string[][]>;

const ICD10_CODE = /^[A-Z][0-9A-Z]{2,6}$/;
const icd10RowsSchema = rowsSchema('code', (row, issue) => {
  if (row.length !== 2) issue(undefined, `expected [code, description], found ${row.length} fields`);
  if (typeof row[0] !== 'string' || !ICD10_CODE.test(row[0])) issue(0, 'an ICD-10-CM code without the dot, like C7951');
  if (typeof row[1] !== 'string' || row[1] === '') issue(1, 'description must be a non-empty string');
}) as unknown as z.ZodType<[string, string][]>;

export const hcpcsTableSchema = z.object({
  format: z.literal('hcpcs-table'),
  version: z.literal(1),
  /** "2026-01" */
  release: z.string().regex(/^\d{4}-(01|04|07|10)$/, 'release must look like 2026-01'),
  source: z.string(),
  columns: z
    .array(z.string())
    .refine((cols) => cols.length === HCPCS_COLUMNS.length && cols.every((c, i) => c === HCPCS_COLUMNS[i]), {
      message: `columns must be exactly ${HCPCS_COLUMNS.join(',')}`,
    }),
  procedures: hcpcsRowsSchema,
  modifiers: hcpcsRowsSchema,
  notes: z.record(z.string().regex(/^\d{4}$/), z.string()),
  layout: layoutTablesSchema.optional(),
});
export type HcpcsTableFile = z.infer<typeof hcpcsTableSchema>;

export const icd10TableSchema = z
  .object({
    format: z.literal('icd10cm-table'),
    version: z.literal(1),
    /** "FY2026" */
    release: z.string().regex(/^FY\d{4}(-\d{2})?$/, 'release must look like FY2026'),
    source: z.string(),
    columns: z.tuple([z.literal('code'), z.literal('description')]),
    /** [code without the dot, description], sorted by code. */
    codes: icd10RowsSchema,
  });
export type Icd10TableFile = z.infer<typeof icd10TableSchema>;

const releaseListSchema = z.object({
  current: z.string().min(1),
  releases: z.array(z.string().min(1)).min(1),
});

export const manifestSchema = z
  .object({
    format: z.literal('codeset-manifest'),
    version: z.literal(1),
    hcpcs: releaseListSchema,
    icd10cm: releaseListSchema,
  })
  .refine((m) => m.hcpcs.releases.includes(m.hcpcs.current), { message: 'current must be listed in releases', path: ['hcpcs', 'current'] })
  .refine((m) => m.icd10cm.releases.includes(m.icd10cm.current), {
    message: 'current must be listed in releases',
    path: ['icd10cm', 'current'],
  });
export type Manifest = z.infer<typeof manifestSchema>;

/** Relative paths (under data/) of a release's table files. */
export function hcpcsTablePath(release: string): string {
  return `hcpcs/${release}.json`;
}
export function icd10TablePath(release: string): string {
  return `icd10cm/${release}.json`;
}

/** "file.json: procedures.12.0: code must be ..." for each issue (first few). */
export function formatZodError(fileName: string, error: z.ZodError, max = 5): string {
  const parts = error.issues.slice(0, max).map((i) => {
    const path = i.path.length ? i.path.map(String).join('.') : '(root)';
    return `${fileName}: ${path}: ${i.message}`;
  });
  if (error.issues.length > max) parts.push(`${fileName}: ... and ${error.issues.length - max} more problems`);
  return parts.join('\n');
}
