/**
 * The I/O half of the code set: reads <dataDir>/manifest.json and the tables it names, validates them and builds
 * the CodeSet. Never throws: problems come back as messages naming the file (and field).
 * The bundled server passes the data/ folder copied next to dist/; tests pass the repository's data/.
 */
import * as path from 'node:path';
import type { CodeSet, LicensedDescriptor } from '../codeset/types';
import { loadCodeSetFromJson } from '../codeset/codeset';
import {
  aspTablePath,
  hcpcsTablePath,
  icd10TablePath,
  manifestSchema,
  formatZodError,
  type AspTable,
  type Icd10Table,
} from '../codeset/schema';
import { parseCptCsv } from '../codeset/cpt';
import { FILE_LIMITS, readRegularTextFile } from './safeRead';
import { lazyTable, readJson } from './lazyTable';
import { readIcd10Table } from './icd10Table';
import { readHcpcsTable } from './hcpcsTable';
import { readAspTable } from './aspTable';
import { loadImplementationGuides } from './loadGuides';

export interface LoadCodeSetOptions {
  /** Path of the user's licensed CPT CSV (`code,descriptor`), if configured. */
  cptCsvPath?: string;
  /** Told about a table read later, on first use (another ICD-10-CM year, the ASP quarter, an implementation guide), that fails to load. */
  onProblem?: (message: string) => void;
  /** The data folder whose x12/ holds the implementation-guide tables (default: dataDir); a newer CMS release in user storage uses the bundled guides. */
  guidesDataDir?: string;
}

export interface LoadedCodeSet {
  codeSet: CodeSet | undefined;
  errors: string[];
}

export function loadCodeSet(dataDir: string, options: LoadCodeSetOptions = {}): LoadedCodeSet {
  const errors: string[] = [];
  try {
    const manifestRaw = readJson(path.join(dataDir, 'manifest.json'), 'manifest.json', errors);
    if (manifestRaw === undefined) return { codeSet: undefined, errors };
    const manifest = manifestSchema.safeParse(manifestRaw);
    if (!manifest.success) {
      errors.push(formatZodError('manifest.json', manifest.error));
      return { codeSet: undefined, errors };
    }
    const hcpcsName = hcpcsTablePath(manifest.data.hcpcs.current);
    const icd10Name = icd10TablePath(manifest.data.icd10cm.current);
    const hcpcs = readHcpcsTable(path.join(dataDir, hcpcsName), hcpcsName, errors);
    const icd10 = readIcd10Table(path.join(dataDir, icd10Name), icd10Name, errors, options.onProblem);
    if (hcpcs === undefined || icd10 === undefined) return { codeSet: undefined, errors };

    let cpt: LicensedDescriptor[] | undefined;
    if (options.cptCsvPath) {
      const label = path.basename(options.cptCsvPath);
      // Only a regular file up to the limit (a pipe here hung initialize and the CLI); CPT descriptors are optional.
      const read = readRegularTextFile(options.cptCsvPath, FILE_LIMITS.cptDescriptors, label);
      if (read.ok) {
        const parsed = parseCptCsv(read.text, label);
        cpt = parsed.records;
        errors.push(...parsed.errors);
      } else {
        errors.push(`${read.error}; no CPT descriptors are shown`);
      }
    }
    const otherIcd10 = manifest.data.icd10cm.releases
      .filter((r) => r !== manifest.data.icd10cm.current)
      .map((r) => lazyTable<Icd10Table>(dataDir, icd10TablePath(r), r, (file, label, errs) => readIcd10Table(file, label, errs, options.onProblem), options.onProblem));
    const aspRelease = manifest.data.asp?.current;
    const asp = aspRelease ? lazyTable<AspTable>(dataDir, aspTablePath(aspRelease), aspRelease, readAspTable, options.onProblem) : undefined;
    const x12 = loadImplementationGuides(options.guidesDataDir ?? dataDir, options.onProblem);
    errors.push(...x12.errors);
    const result = loadCodeSetFromJson(
      { ...('packed' in hcpcs ? { hcpcsTable: hcpcs.packed } : { hcpcs: hcpcs.whole }), icd10Table: icd10, manifest: manifestRaw },
      { hcpcs: hcpcsName, icd10: icd10Name, manifest: 'manifest.json' },
      { cpt, otherIcd10, asp, implementationGuides: x12.guides },
    );
    if (!result.ok) {
      errors.push(result.error);
      return { codeSet: undefined, errors };
    }
    return { codeSet: result.codeSet, errors };
  } catch (e) {
    errors.push(`code set: ${(e as Error).message}`);
    return { codeSet: undefined, errors };
  }
}
