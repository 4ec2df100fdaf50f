import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { guideJsonSchemaText } from '../../../server/src/guides/jsonSchema';

const committed = path.resolve(__dirname, '..', '..', '..', 'schemas', 'guide.schema.json');

test('schemas/guide.schema.json is generated from the zod guide schema (run scripts/make-guide-schema.ts)', () => {
  assert.equal(fs.readFileSync(committed, 'utf8'), guideJsonSchemaText());
});

test('every bundled guide validates against the JSON Schema editors use', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(JSON.parse(fs.readFileSync(committed, 'utf8')));
  const dir = path.resolve(__dirname, '..', '..', '..', 'data', 'guides');
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const ok = validate(JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')));
    assert.ok(ok, `${name}: ${JSON.stringify(validate.errors)}`);
  }
  assert.equal(validate({ code: 'A9600', title: 'x', unknownField: 1 }), false, 'unknown fields are flagged');
});
