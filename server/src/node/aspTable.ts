/**
 * Reading the ASP quarter (data/asp/<release>.json). A version 2 table laid out as the importer writes it (the
 * header, then `crosswalk` one row a line, then `limits`) whose crosswalk has the SHA-256 its header carries
 * (`crosswalkSha256`, the rows between their brackets as codeset/stringify.ts listBody writes them) is read without
 * its crosswalk: the rest of the file (the list cut out, read as empty) is parsed and checked against its zod
 * schema, the payment limits included, and the crosswalk is kept as the importer's bytes (codeset/packedRows.ts),
 * the rows of an NDC or a code parsed when first asked for (codeset/aspOnDemand.ts). Any other table (version 1,
 * another layout, an edited row) is parsed whole and checked as before, whose message names the file and the field.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): JSON.parse of the
 * 730 KB quarter and the zod check of its 7,125 NDC rows cost about 15 ms of the first check of a file with a drug
 * line, cold; hashing them about 1 ms.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { aspDigestedTableSchema, aspTableSchema, type AspTable } from '../codeset/schema';
import { PackedRows } from '../codeset/packedRows';
import { FILE_LIMITS, readRegularFile } from './safeRead';
import { checkedJson } from './lazyTable';

const CROSSWALK = Buffer.from('\n  "crosswalk": [');
const LIMITS = Buffer.from(',\n  "limits": [');
const BODY_END = Buffer.from('\n  ]');

/** The version 2 table with its crosswalk packed, when `bytes` are laid out as the importer writes them and the rows match their digest. */
function packed(bytes: Buffer): AspTable | undefined {
  const c = bytes.indexOf(CROSSWALK);
  if (c < 0) return undefined;
  const open = c + CROSSWALK.length - 1;
  if (bytes[open + 1] !== 0x0a) return undefined; // the importer refuses an empty crosswalk
  // a row is one line (JSON text holds no raw newline), so the first line that is just "  ]" closes the list
  const end = bytes.indexOf(BODY_END, open + 1);
  if (end < 0) return undefined;
  const close = end + BODY_END.length - 1;
  if (bytes.compare(LIMITS, 0, LIMITS.length, close + 1, close + 1 + LIMITS.length) !== 0) return undefined;
  let head: unknown;
  try {
    head = JSON.parse(`${bytes.toString('utf8', 0, open + 1)}${bytes.toString('utf8', close)}`);
  } catch {
    return undefined;
  }
  const header = aspDigestedTableSchema.safeParse(head);
  if (!header.success) return undefined;
  const rows = bytes.subarray(open + 1, close);
  if (createHash('sha256').update(rows).digest('hex') !== header.data.crosswalkSha256) return undefined;
  return { ...header.data, crosswalk: new PackedRows(new Uint8Array(rows)) };
}

/** The quarter of `file`, or undefined with the reason (naming `label`) in `errors`. */
export function readAspTable(file: string, label: string, errors: string[]): AspTable | undefined {
  const read = readRegularFile(file, FILE_LIMITS.table, label);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  return packed(read.bytes) ?? checkedJson(read.bytes.toString('utf8'), label, aspTableSchema as z.ZodType<AspTable>, errors);
}
