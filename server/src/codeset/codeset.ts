/**
 * Builds the in-memory CodeSet (see ./types) from validated table files. Pure: no I/O.
 */
import type { CodeSet, HcpcsRecord, Icd10Record, LicensedDescriptor, SearchHit } from './types';
import {
  formatZodError,
  hcpcsTableSchema,
  icd10TableSchema,
  manifestSchema,
  type HcpcsTableFile,
  type Icd10TableFile,
} from './schema';
import { decodeHcpcsRow } from './tableFormat';
import { PrefixIndex } from './search';

export interface CodeSetTables {
  hcpcs: HcpcsTableFile;
  icd10: Icd10TableFile;
}

export interface CodeSetOptions {
  /** The user's licensed CPT descriptors (see parseCptCsv). */
  cpt?: readonly LicensedDescriptor[];
}

/** "C7951" -> "C79.51"; codes of 3 characters or fewer are returned as they are. Accepts dotted input. */
export function formatIcd10(code: string): string {
  const c = normalizeIcd10(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/** "c79.51 " -> "C7951". */
export function normalizeIcd10(code: string): string {
  return code.trim().toUpperCase().replace(/\./g, '');
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
  const procedures = tables.hcpcs.procedures.map((r) => decodeHcpcsRow(r, 'procedure'));
  const modifiers = tables.hcpcs.modifiers.map((r) => decodeHcpcsRow(r, 'modifier'));
  const icd10: Icd10Record[] = tables.icd10.codes.map(([code, description]) => ({ code, description }));
  const procByCode = new Map(procedures.map((r) => [r.code, r]));
  const modByCode = new Map(modifiers.map((r) => [r.code, r]));
  const icdByCode = new Map(icd10.map((r) => [r.code, r]));
  const cptByCode = new Map((options.cpt ?? []).map((r) => [r.code.toUpperCase(), r]));
  const notes = tables.hcpcs.notes;

  let procIndex: PrefixIndex | undefined;
  let icdIndex: PrefixIndex | undefined;
  const procedureIndex = () =>
    (procIndex ??= new PrefixIndex(
      procedures.map((r) => ({ code: r.code, texts: [r.longDescription, r.shortDescription], active: r.terminated === '' })),
    ));
  const icd10Index = () => (icdIndex ??= new PrefixIndex(icd10.map((r) => ({ code: r.code, texts: [r.description], active: true }))));

  return {
    hcpcsRelease: tables.hcpcs.release,
    icd10Release: tables.icd10.release,
    codeTables: tables.hcpcs.layout,
    procedure: (code) => procByCode.get(code.trim().toUpperCase()),
    modifier: (code) => modByCode.get(code.trim().toUpperCase()),
    icd10: (code) => icdByCode.get(normalizeIcd10(code)),
    allProcedures: () => procedures,
    allModifiers: () => modifiers,
    searchProcedures(query: string, limit: number): SearchHit<HcpcsRecord>[] {
      return procedureIndex()
        .search(query, limit, hcpcsCodeQuery)
        .map((h) => ({ record: procedures[h.index], score: h.score }));
    },
    searchIcd10(query: string, limit: number): SearchHit<Icd10Record>[] {
      return icd10Index()
        .search(query, limit, icd10CodeQuery)
        .map((h) => ({ record: icd10[h.index], score: h.score }));
    },
    warmUp() {
      procedureIndex();
      icd10Index();
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
  raw: { hcpcs: unknown; icd10: unknown; manifest?: unknown },
  fileNames: CodeSetFileNames,
  options: CodeSetOptions = {},
): LoadResult {
  const errors: string[] = [];
  const hcpcs = hcpcsTableSchema.safeParse(raw.hcpcs);
  if (!hcpcs.success) errors.push(formatZodError(fileNames.hcpcs, hcpcs.error));
  const icd10 = icd10TableSchema.safeParse(raw.icd10);
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
