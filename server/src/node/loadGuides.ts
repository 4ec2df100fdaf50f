/**
 * Reads the implementation-guide tables of <dataDir>/x12/ (index.json and the files it names) and compiles them.
 * Never throws: a damaged table (or one the index names that is missing) gives a message naming the file (and
 * field), and the product runs on without guide conformance; a folder with no x12/index.json has no guides.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGuides, type ImplementationGuides } from '../conformance/guides';

export interface LoadedGuides {
  guides: ImplementationGuides | undefined;
  errors: string[];
}

export function loadImplementationGuides(dataDir: string): LoadedGuides {
  const dir = path.join(dataDir, 'x12');
  const errors: string[] = [];
  const read = (name: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      errors.push(err.code === 'ENOENT' ? `x12/${name}: file not found` : `x12/${name}: ${err.message}`);
      return undefined;
    }
  };
  try {
    // a data folder without guide tables (a test's cut-down copy) runs without conformance, quietly
    if (!fs.existsSync(path.join(dir, 'index.json'))) return { guides: undefined, errors };
    const index = read('index.json');
    if (index === undefined) return { guides: undefined, errors };
    const files = new Map<string, unknown>();
    const idx = index as { guides?: Record<string, { file?: unknown }>; control?: unknown; elements?: unknown; codes?: unknown; taxonomy?: unknown };
    const names = new Set<string>();
    for (const g of Object.values(idx.guides ?? {})) if (typeof g?.file === 'string') names.add(g.file);
    for (const n of [idx.elements, idx.codes, idx.taxonomy]) if (typeof n === 'string') names.add(n);
    for (const n of names) {
      if (n.includes('/') || n.includes('\\')) {
        errors.push(`x12/index.json: "${n}" is not a plain file name`);
        return { guides: undefined, errors };
      }
      const v = read(n);
      if (v !== undefined) files.set(n, v);
    }
    if (errors.length > 0) return { guides: undefined, errors };
    const result = compileGuides({ index, files });
    if (!result.ok) return { guides: undefined, errors: [result.error] };
    return { guides: result.guides, errors };
  } catch (e) {
    return { guides: undefined, errors: [`x12 guides: ${(e as Error).message}`] };
  }
}
