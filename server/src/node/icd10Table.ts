/**
 * Reading an ICD-10-CM table (data/icd10cm/<year>.json) with its descriptions deferred: a version 2 table (what the
 * importer writes: the header, `codes`, then `descriptions`, last) is cut before its `descriptions` key; the part
 * before it is decoded, parsed and checked against its zod schema at once, and the descriptions (85% of the
 * file's 6.7 MB) are kept as bytes, then decoded, parsed and checked (codeset/schema.ts
 * icd10DescriptionsPartSchema, one per code) the first time a description is wanted: checking a claim needs the
 * codes only. A damaged descriptions column is then told (to `onProblem`, naming the file and the field) and the
 * codes stay known, without descriptions. A table in any other shape is read whole, as before.
 *
 * The codes of a table laid out as the importer writes it (header, `codes`, then `descriptions` right after) are
 * not parsed either: the header is parsed and checked by its zod schema and the column scanned in place
 * (codeset/packedCodes.ts: form and order of each code). A fault there is told by reading the table whole, with
 * the zod message naming the file and field it always had. A version 3 table's column whose SHA-256 is the one in
 * its header (the importer's bytes, checked when it wrote them) is not even scanned until a row is wanted by number.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): about 20 ms of
 * JSON.parse a year (FY2026 at start, FY2025 at the first claim dated in it) and the garbage of 74,719 strings;
 * packed codes: about 23 ms of parsing and checking the codes column a year, cold, against a 7 ms scan.
 */
import { formatZodError, icd10CodesPartSchema, icd10DescriptionsPartSchema, icd10HeaderPartSchema, icd10TableSchema, type Icd10Table, type Icd10TableFile } from '../codeset/schema';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { PackedCodes } from '../codeset/packedCodes';
import { FILE_LIMITS, readRegularFile } from './safeRead';
import { checkedJson } from './lazyTable';

const KEY = Buffer.from('"descriptions"');
const CODES_KEY = Buffer.from('"codes"');

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** Position of the first byte after `at` that is not JSON white space. */
function skipSpace(bytes: Buffer, at: number): number {
  while (at < bytes.length && isSpace(bytes[at])) at++;
  return at;
}

/**
 * A version 2 table as the importer writes it, its codes kept packed (codeset/packedCodes.ts): the header (the
 * fields before `codes`) parsed and checked by its zod schema, the codes column scanned in place, the descriptions
 * key right after it. Undefined for any other layout or a fault, which the reading of the whole table then tells.
 * Speed trick, in addition to deferring the descriptions (same figure protected; see the file's header).
 */
function packedParts(bytes: Buffer): { header: z.infer<typeof icd10HeaderPartSchema>; codes: PackedCodes; descriptionsAt: number } | undefined {
  const key = bytes.indexOf(CODES_KEY);
  if (key <= 0) return undefined;
  let open = skipSpace(bytes, key + CODES_KEY.length);
  if (bytes[open] !== 0x3a) return undefined; // :
  open = skipSpace(bytes, open + 1);
  if (bytes[open] !== 0x5b) return undefined; // [
  const close = bytes.indexOf(0x5d, open); // ]: no code holds one
  if (close < 0) return undefined;
  const comma = skipSpace(bytes, close + 1);
  if (bytes[comma] !== 0x2c) return undefined;
  const descriptionsAt = skipSpace(bytes, comma + 1);
  if (bytes.compare(KEY, 0, KEY.length, descriptionsAt, descriptionsAt + KEY.length) !== 0) return undefined;
  const head = codesPart(bytes, key);
  if (head === undefined || (typeof head === 'object' && head !== null && ('codes' in head || 'descriptions' in head))) return undefined;
  const header = icd10HeaderPartSchema.safeParse(head);
  if (!header.success) return undefined;
  // version 3: the column's bytes are the importer's when their digest is the one it wrote (checked then, and sorted)
  const digested = header.data.version === 3 && createHash('sha256').update(bytes.subarray(open + 1, close)).digest('hex') === header.data.codesSha256;
  const codes = digested ? PackedCodes.trusted(bytes, open + 1, close) : PackedCodes.scan(bytes, open + 1, close);
  return codes ? { header: header.data, codes, descriptionsAt } : undefined;
}

/** The part before the descriptions key, closed into an object (`{ ...header, "codes": [...] }`), or undefined. */
function codesPart(bytes: Buffer, at: number): unknown {
  let end = at;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d || bytes[end - 1] === 0x09)) end--;
  if (end === 0 || bytes[end - 1] !== 0x2c) return undefined; // the comma before the key
  try {
    return JSON.parse(`${bytes.toString('utf8', 0, end - 1)}}`);
  } catch {
    return undefined;
  }
}

/** The table of `file`, or undefined with the reason (naming `label`) in `errors`. */
export function readIcd10Table(file: string, label: string, errors: string[], onProblem?: (message: string) => void): Icd10Table | undefined {
  const read = readRegularFile(file, FILE_LIMITS.table, label);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  const bytes = read.bytes;
  const packed = packedParts(bytes);
  let at: number;
  let table: Omit<Icd10Table, 'descriptions'>;
  if (packed) {
    at = packed.descriptionsAt;
    table = { ...packed.header, codes: packed.codes };
  } else {
    at = bytes.lastIndexOf(KEY);
    const head = at > 0 ? codesPart(bytes, at) : undefined;
    const checked = head !== undefined && !(typeof head === 'object' && head !== null && 'descriptions' in head) ? icd10CodesPartSchema.safeParse(head) : undefined;
    if (!checked?.success) return readWhole(bytes, label, errors);
    table = checked.data;
  }
  const codes = table.codes;
  let tail: Buffer | undefined = bytes.subarray(at);
  let column: readonly string[] | undefined;
  const descriptions = (): readonly string[] => {
    if (column) return column;
    const problem = (message: string) => {
      onProblem?.(`${message}; its codes are known, without descriptions`);
      return new Array<string>(codes.length).fill('');
    };
    let raw: unknown;
    try {
      raw = JSON.parse(`{${tail!.toString('utf8')}`);
    } catch (e) {
      raw = undefined;
      column = problem(`${label}: descriptions: ${(e as Error).message}`);
    }
    tail = undefined;
    if (column) return column;
    const parsed = icd10DescriptionsPartSchema.safeParse(raw);
    if (!parsed.success) column = problem(formatZodError(label, parsed.error).split('\n')[0]);
    else if (parsed.data.descriptions.length !== codes.length)
      column = problem(`${label}: descriptions: expected one description per code (${codes.length}), found ${parsed.data.descriptions.length}`);
    else column = parsed.data.descriptions;
    return column;
  };
  return { ...table, descriptions } as Icd10Table;
}

/** A table in another shape (version 1 rows, keys in another order): parsed and checked whole. */
function readWhole(bytes: Buffer, label: string, errors: string[]): Icd10TableFile | undefined {
  return checkedJson(bytes.toString('utf8'), label, icd10TableSchema as z.ZodType<Icd10TableFile>, errors);
}
