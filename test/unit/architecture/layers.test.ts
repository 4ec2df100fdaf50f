/**
 * The layers of docs/architecture.md, checked on the import statements of server/src: text -> parse -> model ->
 * rules / features -> LSP, nothing imports upward, and only node/, cli/ and main.ts touch the file system or
 * processes.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const src = resolve(__dirname, '..', '..', '..', 'server', 'src');

/** What each layer (a folder of server/src) may import besides itself. Folders not listed are not constrained. */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  parse: ['core', 'codeset'],
  model: ['parse', 'core'],
  codeset: ['core', 'guides', 'conformance'],
  guides: ['codeset', 'core'],
  rules: ['model', 'parse', 'codeset', 'guides', 'core', 'conformance'],
  features: ['rules', 'model', 'parse', 'codeset', 'guides', 'core', 'conformance', 'analysis.ts'],
  transactions: ['model', 'rules', 'features', 'core'],
};

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The top-level folder (or file) of server/src a path lies in. */
function layerOf(file: string): string {
  return relative(src, file).split(sep)[0];
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm;

test('no layer imports upward (docs/architecture.md)', () => {
  const problems: string[] = [];
  for (const file of files(src)) {
    const layer = layerOf(file);
    const allowed = ALLOWED[layer];
    if (!allowed) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1];
      if (!spec.startsWith('.')) continue;
      const resolved = resolve(dirname(file), spec);
      if (relative(src, resolved).startsWith('..')) continue; // bundled data (data/*.json), not code
      const target = layerOf(resolved);
      if (target !== layer && !allowed.includes(target) && !allowed.includes(`${target}.ts`)) problems.push(`${relative(src, file)} imports ${spec} (${layer} -> ${target})`);
    }
  }
  assert.deepEqual(problems, []);
});

test('only node/, cli/ and main.ts use the file system, processes or threads', () => {
  const problems: string[] = [];
  for (const file of files(src)) {
    const layer = layerOf(file);
    if (layer === 'node' || layer === 'cli' || layer === 'main.ts') continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) if (/^(node:)?(fs|child_process|worker_threads|net|http|https)(\/|$)/.test(m[1])) problems.push(`${relative(src, file)} imports ${m[1]}`);
  }
  assert.deepEqual(problems, []);
});

test('no rule module keeps module-level mutable state (let at the top level)', () => {
  const problems: string[] = [];
  for (const file of files(join(src, 'rules'))) if (/^let\s/m.test(readFileSync(file, 'utf8'))) problems.push(relative(src, file));
  assert.deepEqual(problems, []);
});
