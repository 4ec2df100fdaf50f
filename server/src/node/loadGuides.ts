/**
 * Reads the implementation-guide tables of <dataDir>/x12/ and compiles them: index.json and the shared tables it
 * names (data elements, code lists, taxonomy) at once; each guide's own table (837P, 837I, 999) when a file of its
 * transaction first needs it (lazyTable.ts: read, zod-checked, kept by conformance/guides.ts).
 * Never throws: a damaged table (or one the index names that is missing) gives a message naming the file (and
 * field). A damaged shared table or index: the product runs on without guide conformance (`errors`, at load). A
 * damaged guide table: told to `onProblem` when a file of its transaction is first checked, and only that
 * transaction runs without guide conformance. A folder with no x12/index.json has no guides.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { z } from 'zod';
import { compileGuides, type ImplementationGuides } from '../conformance/guides';
import { guideTableSchema, type GuideTable } from '../conformance/schema';
import { lazyTable, readJson } from './lazyTable';

export interface LoadedGuides {
  guides: ImplementationGuides | undefined;
  errors: string[];
}

const plainName = (n: string) => !n.includes('/') && !n.includes('\\');

/** `onProblem`: told about a guide table read on first use that cannot be read or fails its schema. */
export function loadImplementationGuides(dataDir: string, onProblem?: (message: string) => void): LoadedGuides {
  const dir = path.join(dataDir, 'x12');
  const errors: string[] = [];
  const read = (name: string): unknown => readJson(path.join(dir, name), `x12/${name}`, errors);
  try {
    // a data folder without guide tables (a test's cut-down copy) runs without conformance, quietly
    if (!fs.existsSync(path.join(dir, 'index.json'))) return { guides: undefined, errors };
    const index = read('index.json');
    if (index === undefined) return { guides: undefined, errors };
    const files = new Map<string, unknown>();
    const idx = index as { guides?: Record<string, { file?: unknown }>; control?: unknown; elements?: unknown; codes?: unknown; taxonomy?: unknown };
    for (const g of Object.values(idx.guides ?? {})) {
      if (typeof g?.file === 'string' && !plainName(g.file)) {
        errors.push(`x12/index.json: "${g.file}" is not a plain file name`);
        return { guides: undefined, errors };
      }
    }
    for (const n of new Set([idx.elements, idx.codes, idx.taxonomy])) {
      if (typeof n !== 'string') continue;
      if (!plainName(n)) {
        errors.push(`x12/index.json: "${n}" is not a plain file name`);
        return { guides: undefined, errors };
      }
      const v = read(n);
      if (v !== undefined) files.set(n, v);
    }
    if (errors.length > 0) return { guides: undefined, errors };
    const guideTable = (file: string) => lazyTable<GuideTable>(dataDir, `x12/${file}`, file, guideTableSchema as z.ZodType<GuideTable>, onProblem).load();
    const result = compileGuides({ index, files, guideTable, onProblem });
    if (!result.ok) return { guides: undefined, errors: [result.error] };
    return { guides: result.guides, errors };
  } catch (e) {
    return { guides: undefined, errors: [`x12 guides: ${(e as Error).message}`] };
  }
}
