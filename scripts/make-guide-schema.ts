/**
 * Writes schemas/guide.schema.json from the zod guide schema (the one place that describes a guide's fields),
 * so VS Code completes and checks `.hcpcs/guides/*.json` while a team writes them. A test keeps it in step.
 *   npx tsx scripts/make-guide-schema.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { guideJsonSchemaText } from '../server/src/guides/jsonSchema';

const out = path.resolve(__dirname, '..', 'schemas', 'guide.schema.json');
fs.writeFileSync(out, guideJsonSchemaText());
console.log(`wrote ${path.relative(process.cwd(), out)}`);
