import { readFileSync, existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtureDir = path.join(repoRoot, 'test', 'fixtures', 'x12');
export const samplesDir = path.resolve(repoRoot, '..', 'shared', 'data', 'samples', 'x12');

export function fixture(name: string): string {
  return readFileSync(path.join(fixtureDir, name), 'utf8');
}

/** Shared third-party samples (absent in a fresh clone): [relative name, text]. */
export function samples(): [string, string][] | null {
  if (!existsSync(samplesDir)) return null;
  const out: [string, string][] = [];
  for (const dir of readdirSync(samplesDir).sort())
    for (const f of readdirSync(path.join(samplesDir, dir)).sort()) out.push([`${dir}/${f}`, readFileSync(path.join(samplesDir, dir, f), 'utf8')]);
  return out;
}

/** Re-delimit a '*' ':' '^' '~' file (the fixtures use no such characters in data). */
export function redelimit(text: string, el: string, comp: string, rep: string, term: string): string {
  return text.replace(/[*:^~\n]/g, (c) => (c === '*' ? el : c === ':' ? comp : c === '^' ? rep : c === '~' ? term : ''));
}
