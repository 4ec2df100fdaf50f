/**
 * node/zodWithoutCodeGeneration.ts: the server's entry imports it before anything else, and a schema made after it
 * parses without generating code (no `new Function`), with the same result.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import '../../../server/src/node/zodWithoutCodeGeneration';

const src = resolve(__dirname, '..', '..', '..', 'server', 'src');

test('the server entry imports it first, before any module that makes a schema', () => {
  const main = readFileSync(resolve(src, 'main.ts'), 'utf8');
  const first = /^\s*import\s[^;]*?'([^']+)'/m.exec(main.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''));
  assert.equal(first?.[1], './node/zodWithoutCodeGeneration');
});

test('a schema made after it parses without new Function, with the same result and issues', () => {
  const real = globalThis.Function;
  let made = 0;
  globalThis.Function = new Proxy(real, {
    construct(target, args) {
      made++;
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      made++;
      return Reflect.apply(target, self, args);
    },
  });
  try {
    const schema = z.object({ release: z.string().regex(/^\d{4}-\d{2}$/), rows: z.array(z.string()), version: z.literal(1) });
    assert.deepEqual(schema.safeParse({ release: '2026-01', rows: ['a'], version: 1, extra: true }).data, { release: '2026-01', rows: ['a'], version: 1 });
    const bad = schema.safeParse({ release: '2026', rows: [1], version: 2 });
    assert.equal(bad.success, false);
    assert.deepEqual(bad.error?.issues.map((i) => i.path.join('.')), ['release', 'rows.0', 'version']);
  } finally {
    globalThis.Function = real;
  }
  assert.equal(made, 0);
});
