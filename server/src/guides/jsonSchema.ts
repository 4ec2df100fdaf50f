import { z } from 'zod';
import { guideFileSchema } from './schema';

/** The JSON Schema of a guide file (one guide or a list), generated from the zod schema. */
export function guideJsonSchemaText(): string {
  const schema = z.toJSONSchema(guideFileSchema, { io: 'input', unrepresentable: 'any' });
  return JSON.stringify({ ...schema, title: 'HCPCS billing guide' }, null, 2) + '\n';
}
