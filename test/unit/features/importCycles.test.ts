import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Issue 10 item 4: the feature modules import one another in one direction only (no circle such as hover <-> claimHover). */
const dir = join(__dirname, '../../../server/src/features');

function importsOf(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  return [...text.matchAll(/from '\.\/([\w]+)'/g)].map((m) => `${m[1]}.ts`);
}

test('no import cycle among server/src/features modules', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const cycles: string[] = [];
  const visit = (f: string, stack: string[]) => {
    const at = stack.indexOf(f);
    if (at >= 0) {
      cycles.push([...stack.slice(at), f].join(' -> '));
      return;
    }
    for (const next of graph.get(f) ?? []) visit(next, [...stack, f]);
  };
  for (const f of files) visit(f, []);
  assert.deepEqual(cycles, []);
});

test('the check sees imports (hover.ts imports claimHover.ts)', () => {
  assert.ok(importsOf('hover.ts').includes('claimHover.ts'));
});
