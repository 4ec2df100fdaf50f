/**
 * Builds the in-memory CodeSet (see ./types) from validated table files. Pure: no I/O.
 */
import type { ImplementationGuides } from '../conformance/guides';
import type { AspData, CodeSet, HcpcsRecord, Icd10Record, Icd10Year, LicensedDescriptor, SearchHit } from './types';
import { Icd10Lookup } from './icd10Lookup';
import {
  fiscalYearDates,
  formatZodError,
  hcpcsTableSchema,
  icd10Columns,
  icd10TableSchema,
  manifestSchema,
  quarterDates,
  type AspTable,
  type HcpcsTable,
  type Icd10Table,
} from './schema';
import { isNotOtherwiseClassified as nocByDescriptor } from './noc';
import { HcpcsRecordsOnDemand } from './hcpcsRecordsOnDemand';
import { aspOnDemand } from './aspOnDemand';
import { PrefixIndex } from './search';

export interface CodeSetTables {
  hcpcs: HcpcsTable;
  icd10: Icd10Table;
}

/** A table that is read only when first needed (start-up stays fast: FY2025 is 6.8 MB, the ASP crosswalk 2 MB). */
export interface LazyTable<T> {
  release: string;
  /** The validated table, or undefined when it cannot be read (the loader reports why, naming file and field). */
  load(): T | undefined;
}

export interface CodeSetOptions {
  /** The user's licensed CPT descriptors (see parseCptCsv). */
  cpt?: readonly LicensedDescriptor[];
  /** ICD-10-CM fiscal years other than the current one. */
  otherIcd10?: readonly LazyTable<Icd10Table>[];
  /** The CMS ASP quarter (NDC crosswalk and payment limits). */
  asp?: LazyTable<AspTable>;
  /** The implementation-guide tables (see node/loadGuides.ts). */
  implementationGuides?: ImplementationGuides;
}

/** "1336306360 1", "13533063601", "13533-0636-01" -> "13533-0636-01" (an 11-digit NDC in 5-4-2 form), else undefined. */
export function normalizeNdc(ndc: string): string | undefined {
  const d = ndc.trim();
  if (/^\d{5}-\d{4}-\d{2}$/.test(d)) return d;
  if (/^\d{11}$/.test(d)) return `${d.slice(0, 5)}-${d.slice(5, 9)}-${d.slice(9)}`;
  return undefined;
}

/** The quarter's answers, built on demand (aspOnDemand.ts). */
export function createAspData(table: AspTable): AspData {
  return aspOnDemand(table, normalizeNdc);
}

/** "C7951" -> "C79.51"; codes of 3 characters or fewer are returned as they are. Accepts dotted input. */
export function formatIcd10(code: string): string {
  const c = normalizeIcd10(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** "c79.51 " -> "C7951". */
export function normalizeIcd10(code: string): string {
  // a claim's diagnoses are written normalized already: then no string is made (all diagnostics, 10 MB)
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return code.trim().toUpperCase().replace(/\./g, '');
  }
  return code;
}

/** Billable ICD-10-CM codes that extend `code` (a category or subcategory), in code order. */
export function billableChildren(codeSet: CodeSet, code: string, limit = 200): string[] {
  const c = normalizeIcd10(code);
  if (!/^[A-Z][0-9A-Z]{1,6}$/.test(c)) return [];
  return codeSet
    .searchIcd10(c, limit)
    .map((h) => h.record.code)
    .filter((k) => k.length > c.length && k.startsWith(c))
    .sort();
}

function hcpcsCodeQuery(q: string): string | undefined {
  const t = q.trim().toUpperCase();
  return /^[A-Z0-9]{1,5}$/.test(t) ? t : undefined;
}

function icd10CodeQuery(q: string): string | undefined {
  const t = q.trim().toUpperCase();
  if (!/^[A-Z][0-9A-Z]{0,2}(\.?[0-9A-Z]{0,4})$/.test(t)) return undefined;
  return t.replace('.', '');
}

export function createCodeSet(tables: CodeSetTables, options: CodeSetOptions = {}): CodeSet {
  // records decoded when first looked up (hcpcsRecordsOnDemand.ts)
  const procedures = new HcpcsRecordsOnDemand(tables.hcpcs.procedures, 'procedure');
  const modifiers = new HcpcsRecordsOnDemand(tables.hcpcs.modifiers, 'modifier');
  const icdColumns = icd10Columns(tables.icd10);
  const icd10 = new Icd10Lookup(icdColumns.codes, icdColumns.descriptions);
  const cptByCode = new Map((options.cpt ?? []).map((r) => [r.code.toUpperCase(), r]));
  const notes = tables.hcpcs.notes;
  const nocList = tables.hcpcs.noc ? new Set(tables.hcpcs.noc) : undefined;

  // ICD-10-CM fiscal years: the current table is built now, the others on first use
  const currentYear: Icd10Year = { release: tables.icd10.release, ...(tables.icd10.effective ?? fiscalYearDates(tables.icd10.release) ?? { from: '', to: '' }) };
  const years: Icd10Year[] = [currentYear];
  const yearTables = new Map<string, () => Icd10Lookup | undefined>();
  /** The other years read so far (a claim dated in one, or the warm-up check). */
  const yearsRead: Icd10Lookup[] = [];
  yearTables.set(currentYear.release, () => icd10);
  for (const other of options.otherIcd10 ?? []) {
    const dates = fiscalYearDates(other.release);
    if (!dates || other.release === currentYear.release) continue;
    years.push({ release: other.release, ...dates });
    let built: Icd10Lookup | null | undefined;
    yearTables.set(other.release, () => {
      if (built === undefined) {
        const t = other.load();
        const columns = t ? icd10Columns(t) : undefined;
        built = columns ? new Icd10Lookup(columns.codes, columns.descriptions) : null;
        if (built) yearsRead.push(built);
      }
      return built ?? undefined;
    });
  }
  years.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let aspData: AspData | null | undefined;

  let procIndex: PrefixIndex | undefined;
  let icdIndex: PrefixIndex | undefined;
  /** Search indexes of the other fiscal years, built on the first completion in a claim dated in one. */
  const yearIndexes = new Map<string, PrefixIndex>();
  const procedureIndex = () =>
    (procIndex ??= new PrefixIndex(
      procedures.all().map((r) => ({ code: r.code, texts: [r.longDescription, r.shortDescription], active: r.terminated === '' })),
    ));
  const icd10Index = () =>
    (icdIndex ??= new PrefixIndex(Array.from({ length: icd10.size }, (_, i) => ({ code: icd10.codeAt(i), texts: [icd10.descriptionAt(i)], active: true }))));

  return {
    hcpcsRelease: tables.hcpcs.release,
    icd10Release: tables.icd10.release,
    hcpcsCoverage: quarterDates(tables.hcpcs.release),
    hcpcsHorizon: procedures.earliestTermination(),
    nocFromList: nocList !== undefined,
    isNotOtherwiseClassified: (code) => {
      const c = code.trim().toUpperCase();
      if (nocList) return nocList.has(c);
      const r = procedures.get(c);
      return r ? nocByDescriptor(r) : false;
    },
    icd10Years: () => years,
    icd10YearFor: (date) => years.find((y) => y.from !== '' && y.from <= date && date <= y.to),
    icd10In: (release, code) => yearTables.get(release)?.()?.get(normalizeIcd10(code)),
    icd10Held: (release) => yearTables.get(release)?.() !== undefined,
    asp: () => {
      if (aspData === undefined) {
        const t = options.asp?.load();
        aspData = t ? createAspData(t) : null;
      }
      return aspData ?? undefined;
    },
    codeTables: tables.hcpcs.layout,
    implementationGuides: options.implementationGuides,
    procedure: (code) => procedures.get(code.trim().toUpperCase()),
    modifier: (code) => modifiers.get(code.trim().toUpperCase()),
    icd10: (code) => icd10.get(normalizeIcd10(code)),
    allProcedures: () => procedures.all(),
    allModifiers: () => modifiers.all(),
    procedureCount: procedures.length,
    modifierCount: modifiers.length,
    searchProcedures(query: string, limit: number): SearchHit<HcpcsRecord>[] {
      return procedureIndex()
        .search(query, limit, hcpcsCodeQuery)
        .map((h) => ({ record: procedures.at(h.index), score: h.score }));
    },
    searchIcd10(query: string, limit: number): SearchHit<Icd10Record>[] {
      return icd10Index()
        .search(query, limit, icd10CodeQuery)
        .map((h) => ({ record: icd10.at(h.index), score: h.score }));
    },
    searchIcd10In(release: string, query: string, limit: number): SearchHit<Icd10Record>[] {
      if (release === currentYear.release) return this.searchIcd10(query, limit);
      const table = yearTables.get(release)?.();
      if (!table) return [];
      let index = yearIndexes.get(release);
      if (!index) {
        index = new PrefixIndex(Array.from({ length: table.size }, (_, i) => ({ code: table.codeAt(i), texts: [table.descriptionAt(i)], active: true })));
        yearIndexes.set(release, index);
      }
      return index.search(query, limit, icd10CodeQuery).map((h) => ({ record: table.at(h.index), score: h.score }));
    },
    warmUp() {
      procedureIndex();
      icd10Index();
      // the descriptions of the other years read so far (deferred by node/icd10Table.ts), while the server is idle:
      // a message that quotes one (unknown-diagnosis: "in FY2025 it is ...") then never waits for them
      for (const year of yearsRead) year.descriptionAt(0);
    },
    cpt: (code) => cptByCode.get(code.trim().toUpperCase()),
    searchCpt(query: string, limit: number): LicensedDescriptor[] {
      // The licensed file is the user's own and usually small: a plain scan is enough.
      const q = query.trim().toUpperCase();
      if (!q || cptByCode.size === 0) return [];
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      const byCode: LicensedDescriptor[] = [];
      const byWords: LicensedDescriptor[] = [];
      for (const r of cptByCode.values()) {
        if (r.code.toUpperCase().startsWith(q)) byCode.push(r);
        else if (words.every((w) => r.descriptor.toLowerCase().split(/[^a-z0-9]+/).some((d) => d.startsWith(w)))) byWords.push(r);
      }
      byCode.sort((a, b) => a.code.localeCompare(b.code));
      return [...byCode, ...byWords].slice(0, limit);
    },
    processingNote: (num) => {
      const key = num.trim().padStart(4, '0');
      return Object.prototype.hasOwnProperty.call(notes, key) ? notes[key] : undefined;
    },
  };
}

export interface CodeSetFileNames {
  hcpcs: string;
  icd10: string;
  manifest?: string;
}

export type LoadResult = { ok: true; codeSet: CodeSet } | { ok: false; error: string };

/**
 * Validates raw JSON (already parsed) with the zod schemas and builds the CodeSet. On failure the message names
 * the file and the field path, e.g. `data/hcpcs/2026-01.json: procedures.12.0: code must be ...`.
 */
export function loadCodeSetFromJson(
  /** `icd10Table`: an ICD-10-CM table already read and checked (node/icd10Table.ts), instead of `icd10`'s raw JSON. */
  raw: { hcpcs?: unknown; hcpcsTable?: HcpcsTable; icd10?: unknown; icd10Table?: Icd10Table; manifest?: unknown },
  fileNames: CodeSetFileNames,
  options: CodeSetOptions = {},
): LoadResult {
  const errors: string[] = [];
  const hcpcs = raw.hcpcsTable ? { success: true as const, data: raw.hcpcsTable } : hcpcsTableSchema.safeParse(raw.hcpcs);
  if (!hcpcs.success) errors.push(formatZodError(fileNames.hcpcs, hcpcs.error));
  const icd10 = raw.icd10Table ? { success: true as const, data: raw.icd10Table } : icd10TableSchema.safeParse(raw.icd10);
  if (!icd10.success) errors.push(formatZodError(fileNames.icd10, icd10.error));
  if (raw.manifest !== undefined) {
    const mf = fileNames.manifest ?? 'manifest.json';
    const manifest = manifestSchema.safeParse(raw.manifest);
    if (!manifest.success) errors.push(formatZodError(mf, manifest.error));
    else {
      if (hcpcs.success && manifest.data.hcpcs.current !== hcpcs.data.release)
        errors.push(`${mf}: hcpcs.current: says ${manifest.data.hcpcs.current} but ${fileNames.hcpcs} holds release ${hcpcs.data.release}`);
      if (icd10.success && manifest.data.icd10cm.current !== icd10.data.release)
        errors.push(`${mf}: icd10cm.current: says ${manifest.data.icd10cm.current} but ${fileNames.icd10} holds release ${icd10.data.release}`);
    }
  }
  if (errors.length > 0 || !hcpcs.success || !icd10.success) return { ok: false, error: errors.join('\n') };
  return { ok: true, codeSet: createCodeSet({ hcpcs: hcpcs.data, icd10: icd10.data }, options) };
}

/**
 * The releases and the dates of service they cover, in one line for the status bar:
 * "HCPCS 2026-01 for 2026-01-01 to 2026-03-31 · ICD-10-CM FY2025 (2024-10-01 to 2025-09-30), FY2026 (...) · ASP 2026-01".
 */
export function coverageSummary(codeSet: CodeSet): string {
  const c = codeSet.hcpcsCoverage;
  const hcpcs = `HCPCS ${codeSet.hcpcsRelease}${c ? ` for dates of service ${c.from} to ${c.to}` : ''}${codeSet.hcpcsHorizon ? ` (deleted codes kept from ${codeSet.hcpcsHorizon})` : ''}`;
  const years = codeSet.icd10Years().filter((y) => y.from !== '');
  const icd = `ICD-10-CM ${years.length ? years.map((y) => `${y.release} (${y.from} to ${y.to})`).join(', ') : codeSet.icd10Release}`;
  return `${hcpcs} · ${icd}`;
}
