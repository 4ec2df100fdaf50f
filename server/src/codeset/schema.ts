/**
 * zod schemas for everything the code set loads from disk: data/manifest.json, data/hcpcs/<release>.json,
 * data/icd10cm/<release>.json. A failure is reported with the file name and the field path.
 */
import { z } from 'zod';
import type { HcpcsCodeTables, CodeTable } from './types';
import { HCPCS_COLUMNS } from './tableFormat';
import type { PackedCodes } from './packedCodes';
import type { PackedHcpcsRows } from './packedHcpcsRows';
import type { PackedRows } from './packedRows';

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
 * few milliseconds at start-up); issues still carry the exact path, e.g. ["procedures", 12, 0]. The list is taken
 * as z.unknown() and its array-ness checked in the loop: z.array(z.unknown()) ran every row through zod and copied
 * the list (about 15 ms for the HCPCS table, as much for each ICD-10-CM year and 11 for the ASP quarter, cold).
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark).
 */
function rowsSchema(name: string, check: (row: unknown[], issue: (col: number | undefined, message: string) => void) => void) {
  return z.unknown().superRefine((rows, ctx) => {
    if (!Array.isArray(rows)) return void ctx.addIssue({ code: 'custom', message: `expected an array of ${name}s` });
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

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const SHA256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in 64 lower-case hex digits');

/** The fields both versions of the HCPCS table share. */
const hcpcsFields = {
  format: z.literal('hcpcs-table'),
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
  /** The codes of the CMS "not otherwise classified" list of the same release (NOC_codes_<MON><YEAR>.xlsx), sorted. */
  noc: z.array(z.string().regex(/^[A-Z]\d{4}$/, 'a HCPCS Level II code like A9699')).optional(),
};

/** Version 1: what releases imported before version 2 wrote (still read from a user's storage). */
export const hcpcsRowsTableSchema = z.object({ ...hcpcsFields, version: z.literal(1) });

/**
 * Version 2, what the importer writes: version 1 with the earliest termination date of the rows, and the SHA-256 of
 * the rows as written (codeset/stringify.ts hcpcsRowsDigest: that date, then the procedures' and the modifiers' rows
 * between their brackets), so a reader that finds those bytes needs not parse or check the rows at start
 * (node/hcpcsTable.ts, codeset/packedHcpcsRows.ts; protects "server start to first diagnostics").
 */
export const hcpcsDigestedTableSchema = z.object({
  ...hcpcsFields,
  version: z.literal(2),
  /** The earliest last-valid date of the terminated codes (CodeSet.hcpcsHorizon); absent when none is terminated. */
  earliestTermination: isoDay.optional(),
  rowsSha256: SHA256,
});

export const hcpcsTableSchema = z.discriminatedUnion('version', [hcpcsRowsTableSchema, hcpcsDigestedTableSchema]);
export type HcpcsTableFile = z.infer<typeof hcpcsTableSchema>;
/** The layout the importer writes (version 2). */
export type HcpcsDigestedTableFile = z.infer<typeof hcpcsDigestedTableSchema>;
/** A HCPCS table as the code set takes it: read whole, or a version 2 table with its rows kept packed (node/hcpcsTable.ts). */
export type HcpcsTable =
  | HcpcsTableFile
  | (Omit<HcpcsDigestedTableFile, 'procedures' | 'modifiers'> & { procedures: PackedHcpcsRows; modifiers: PackedHcpcsRows });

/** The dates of service a release is for (inclusive). */
export const effectiveSchema = z.object({ from: isoDay, to: isoDay });
export type Effective = z.infer<typeof effectiveSchema>;

/** The fields both layouts of an ICD-10-CM table share. */
const icd10Header = {
  format: z.literal('icd10cm-table'),
  /** "FY2026" */
  release: z.string().regex(/^FY\d{4}(-\d{2})?$/, 'release must look like FY2026'),
  source: z.string(),
  /** Dates of service the fiscal year covers: FY2026 is 2025-10-01 to 2026-09-30. */
  effective: effectiveSchema.optional(),
};

/**
 * Version 1 (what releases imported before version 2 of the table wrote, still read from a user's storage): one
 * [code without the dot, description] row per code, sorted by code.
 */
export const icd10RowsTableSchema = z.object({
  ...icd10Header,
  version: z.literal(1),
  columns: z.tuple([z.literal('code'), z.literal('description')]),
  codes: icd10RowsSchema,
});

/**
 * One plain loop over a string column (74,719 values validate in about a millisecond); issues carry the exact
 * path, e.g. ["codes", 12]. Taken as z.unknown(), as rowsSchema's lists are (same figure protected).
 */
function stringColumnSchema(check: (value: unknown) => string | undefined) {
  return z.unknown().superRefine((values, ctx) => {
    if (!Array.isArray(values)) return void ctx.addIssue({ code: 'custom', message: 'expected an array' });
    let reported = 0;
    for (let i = 0; i < values.length && reported < 20; i++) {
      const message = check(values[i]);
      if (message !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i], message });
        reported++;
      }
    }
  }) as unknown as z.ZodType<string[]>;
}

/**
 * Version 2, what the importer writes: two columns of the same length, `codes` (without the dot, sorted) and
 * `descriptions`. JSON.parse reads two flat string arrays about twice as fast as 74,719 two-element rows, and no
 * row array is made (see icd10Lookup.ts; protects "server start to first diagnostics").
 */
const icd10CodesColumn = stringColumnSchema((c) => (typeof c === 'string' && ICD10_CODE.test(c) ? undefined : 'an ICD-10-CM code without the dot, like C7951'));
const icd10DescriptionsColumn = stringColumnSchema((d) => (typeof d === 'string' && d !== '' ? undefined : 'description must be a non-empty string'));

export const icd10ColumnsTableSchema = z
  .object({
    ...icd10Header,
    version: z.literal(2),
    codes: icd10CodesColumn,
    descriptions: icd10DescriptionsColumn,
  })
  .superRefine((t, ctx) => {
    if (Array.isArray(t.codes) && Array.isArray(t.descriptions) && t.descriptions.length !== t.codes.length)
      ctx.addIssue({ code: 'custom', path: ['descriptions'], message: `expected one description per code (${t.codes.length}), found ${t.descriptions.length}` });
  });


/**
 * Version 3, what the importer writes: version 2 with the SHA-256 of the codes column's bytes as written
 * (codeset/stringify.ts columnBody), so a reader that finds those bytes needs not check them again
 * (codeset/packedCodes.ts; protects "server start to first diagnostics").
 */
export const icd10DigestedTableSchema = z
  .object({
    ...icd10Header,
    version: z.literal(3),
    codesSha256: SHA256,
    codes: icd10CodesColumn,
    descriptions: icd10DescriptionsColumn,
  })
  .superRefine((t, ctx) => {
    if (Array.isArray(t.codes) && Array.isArray(t.descriptions) && t.descriptions.length !== t.codes.length)
      ctx.addIssue({ code: 'custom', path: ['descriptions'], message: `expected one description per code (${t.codes.length}), found ${t.descriptions.length}` });
  });

export const icd10TableSchema = z.discriminatedUnion('version', [icd10RowsTableSchema, icd10ColumnsTableSchema, icd10DigestedTableSchema]);
export type Icd10TableFile = z.infer<typeof icd10TableSchema>;
/** The layout the importer writes (version 3). */
export type Icd10ColumnsTableFile = z.infer<typeof icd10DigestedTableSchema>;

/**
 * A version 2 table read in two parts (node/icd10Table.ts): everything but the descriptions column, checked when it
 * is read; and the descriptions column (85% of the file's bytes), parsed and checked on first use.
 */
export const icd10CodesPartSchema = z.discriminatedUnion('version', [
  z.object({ ...icd10Header, version: z.literal(2), codes: icd10CodesColumn }),
  z.object({ ...icd10Header, version: z.literal(3), codesSha256: SHA256, codes: icd10CodesColumn }),
]);
/** The fields before the codes column of a version 2 or 3 table whose codes are kept packed (codeset/packedCodes.ts). */
export const icd10HeaderPartSchema = z.discriminatedUnion('version', [
  z.object({ ...icd10Header, version: z.literal(2) }),
  z.object({ ...icd10Header, version: z.literal(3), codesSha256: SHA256 }),
]);
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export const icd10DescriptionsPartSchema = z.object({ descriptions: icd10DescriptionsColumn });
export type Icd10DeferredTable = DistributiveOmit<z.infer<typeof icd10CodesPartSchema>, 'codes'> & {
  /** The codes column, or the same codes kept as the text they were read from (node/icd10Table.ts). */
  codes: readonly string[] | PackedCodes;
  /** The descriptions, one per code; read, checked and kept on the first call (never throws). */
  descriptions: () => readonly string[];
};
/** An ICD-10-CM table as the code set takes it: read whole, or with its descriptions deferred. */
export type Icd10Table = Icd10TableFile | Icd10DeferredTable;

/** The two columns of an ICD-10-CM table in any layout (version 1 rows are split here). */
export function icd10Columns(table: Icd10TableFile): { codes: readonly string[]; descriptions: readonly string[] };
export function icd10Columns(table: Icd10Table): { codes: readonly string[] | PackedCodes; descriptions: readonly string[] | (() => readonly string[]) };
export function icd10Columns(table: Icd10Table): { codes: readonly string[] | PackedCodes; descriptions: readonly string[] | (() => readonly string[]) } {
  if (table.version !== 1) return table;
  return { codes: table.codes.map((r) => r[0]), descriptions: table.codes.map((r) => r[1]) };
}

const releaseListSchema = z.object({
  current: z.string().min(1),
  releases: z.array(z.string().min(1)).min(1),
});

const NDC = /^\d{5}-\d{4}-\d{2}$/;
/** A number as CMS writes it in the ASP files ("0.5", "100", "137.828"). */
const NUMBER = /^\d+(\.\d+)?$/;
const aspCrosswalkRowsSchema = rowsSchema('NDC row', (row, issue) => {
  if (row.length !== ASP_CROSSWALK_COLUMNS.length) issue(undefined, `expected ${ASP_CROSSWALK_COLUMNS.join(',')}, found ${row.length} fields`);
  for (let j = 0; j < row.length; j++) if (typeof row[j] !== 'string') issue(j, `${ASP_CROSSWALK_COLUMNS[j] ?? 'field'} must be a string`);
  if (typeof row[0] !== 'string' || !NDC.test(row[0])) issue(0, 'ndc must be an 11-digit NDC in 5-4-2 form, like 13533-0636-01');
  if (typeof row[1] !== 'string' || !/^[A-Z0-9]{5}$/.test(row[1])) issue(1, 'hcpcs must be a 5-character code');
  for (const j of [6, 7]) if (typeof row[j] === 'string' && row[j] !== '' && !NUMBER.test(row[j])) issue(j, `${ASP_CROSSWALK_COLUMNS[j]} must be a number`);
}) as unknown as z.ZodType<string[][]>;
const aspLimitRowsSchema = rowsSchema('payment limit row', (row, issue) => {
  if (row.length !== ASP_LIMIT_COLUMNS.length) issue(undefined, `expected ${ASP_LIMIT_COLUMNS.join(',')}, found ${row.length} fields`);
  for (let j = 0; j < row.length; j++) if (typeof row[j] !== 'string') issue(j, `${ASP_LIMIT_COLUMNS[j] ?? 'field'} must be a string`);
  if (typeof row[0] !== 'string' || !/^[A-Z0-9]{5}$/.test(row[0])) issue(0, 'hcpcs must be a 5-character code');
}) as unknown as z.ZodType<string[][]>;

/** Columns of data/asp/<release>.json `crosswalk` rows (the CMS ASP NDC-HCPCS crosswalk, short descriptions dropped). */
export const ASP_CROSSWALK_COLUMNS = ['ndc', 'hcpcs', 'labeler', 'drugName', 'hcpcsDosage', 'packageSize', 'packageQuantity', 'billUnits', 'billUnitsPerPackage'] as const;
/** Columns of `limits` rows (the CMS Medicare Part B payment limit file; short descriptions dropped). */
export const ASP_LIMIT_COLUMNS = ['hcpcs', 'hcpcsDosage', 'paymentLimit', 'coinsurancePercent', 'notes'] as const;

/** The fields both versions of the ASP table share. */
const aspFields = {
  format: z.literal('asp-table'),
  /** "2026-01": the calendar quarter the payment limits are for. */
  release: z.string().regex(/^\d{4}-(01|04|07|10)$/, 'release must look like 2026-01'),
  effective: effectiveSchema,
  sources: z.array(z.string()),
  crosswalkColumns: z.array(z.string()).refine((c) => c.length === ASP_CROSSWALK_COLUMNS.length && c.every((x, i) => x === ASP_CROSSWALK_COLUMNS[i]), {
    message: `crosswalkColumns must be exactly ${ASP_CROSSWALK_COLUMNS.join(',')}`,
  }),
  limitColumns: z.array(z.string()).refine((c) => c.length === ASP_LIMIT_COLUMNS.length && c.every((x, i) => x === ASP_LIMIT_COLUMNS[i]), {
    message: `limitColumns must be exactly ${ASP_LIMIT_COLUMNS.join(',')}`,
  }),
  /** Sorted by NDC, then code. */
  crosswalk: aspCrosswalkRowsSchema,
  /** Sorted by code. */
  limits: aspLimitRowsSchema,
};

/** Version 1: what quarters imported before version 2 wrote (still read from a user's storage). */
export const aspRowsTableSchema = z.object({ ...aspFields, version: z.literal(1) });

/**
 * Version 2, what the importer writes: version 1 with the SHA-256 of the crosswalk's rows as written (between its
 * brackets: codeset/stringify.ts listBody), so a reader finding those bytes needs not parse or check them when the
 * quarter is read (node/aspTable.ts, codeset/packedRows.ts; protects "server start to first diagnostics").
 */
export const aspDigestedTableSchema = z.object({ ...aspFields, version: z.literal(2), crosswalkSha256: SHA256 });

export const aspTableSchema = z.discriminatedUnion('version', [aspRowsTableSchema, aspDigestedTableSchema]);
export type AspTableFile = z.infer<typeof aspTableSchema>;
/** The layout the importer writes (version 2). */
export type AspDigestedTableFile = z.infer<typeof aspDigestedTableSchema>;
/** The ASP quarter as the code set takes it: read whole, or a version 2 table with its crosswalk kept packed (node/aspTable.ts). */
export type AspTable = AspTableFile | (Omit<AspDigestedTableFile, 'crosswalk'> & { crosswalk: PackedRows });

export const manifestSchema = z
  .object({
    format: z.literal('codeset-manifest'),
    version: z.literal(1),
    hcpcs: releaseListSchema,
    icd10cm: releaseListSchema,
    /** CMS ASP NDC-HCPCS crosswalk and payment limits, by quarter (optional: a user's imported folder may lack it). */
    asp: releaseListSchema.optional(),
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
export function aspTablePath(release: string): string {
  return `asp/${release}.json`;
}

/** FY2026 -> 2025-10-01 to 2026-09-30 (the federal fiscal year ICD-10-CM releases are named by). */
export function fiscalYearDates(release: string): Effective | undefined {
  const m = /^FY(\d{4})$/.exec(release);
  if (!m) return undefined;
  const y = Number(m[1]);
  return { from: `${y - 1}-10-01`, to: `${y}-09-30` };
}

/** 2026-01 -> 2026-01-01 to 2026-03-31 (the calendar quarter a CMS quarterly file is for). */
export function quarterDates(release: string): Effective | undefined {
  const m = /^(\d{4})-(01|04|07|10)$/.exec(release);
  if (!m) return undefined;
  const start = Number(m[2]);
  const end = start + 2;
  const last = [31, 30, 30, 31][(start - 1) / 3];
  return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${String(end).padStart(2, '0')}-${last}` };
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
