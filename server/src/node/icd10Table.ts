/**
 * Reading an ICD-10-CM table (data/icd10cm/<year>.json) with its descriptions deferred: a version 2 table (what the
 * importer writes: the header, `codes`, then `descriptions`, last) is cut before its `descriptions` key; the part
 * before it is decoded, parsed and checked against its zod schema at once, and the descriptions (85% of the
 * file's 6.7 MB) are kept as bytes, then decoded, parsed and checked (codeset/schema.ts
 * icd10DescriptionsPartSchema, one per code) the first time a description is wanted: checking a claim needs the
 * codes only. A damaged descriptions column is then told (to `onProblem`, naming the file and the field) and the
 * codes stay known, without descriptions. A table in any other shape is read whole, as before.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): about 20 ms of
 * JSON.parse a year (FY2026 at start, FY2025 at the first claim dated in it) and the garbage of 74,719 strings.
 */
import { formatZodError, icd10CodesPartSchema, icd10DescriptionsPartSchema, icd10TableSchema, type Icd10Table, type Icd10TableFile } from '../codeset/schema';
import { FILE_LIMITS, readRegularFile } from './safeRead';

const KEY = Buffer.from('"descriptions"');

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
  const at = bytes.lastIndexOf(KEY);
  const head = at > 0 ? codesPart(bytes, at) : undefined;
  const checked = head !== undefined && !(typeof head === 'object' && head !== null && 'descriptions' in head) ? icd10CodesPartSchema.safeParse(head) : undefined;
  if (!checked?.success) return readWhole(bytes, label, errors);
  const codes = checked.data.codes;
  let tail: Buffer | undefined = bytes.subarray(at);
  let column: readonly string[] | undefined;
  const descriptions = (): readonly string[] => {
    if (column) return column;
    const problem = (message: string) => {
      onProblem?.(`${message}; its codes are known, without descriptions`);
      return codes.map(() => '');
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
  return { ...checked.data, descriptions };
}

/** A table in another shape (version 1 rows, keys in another order): parsed and checked whole. */
function readWhole(bytes: Buffer, label: string, errors: string[]): Icd10TableFile | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    errors.push(`${label}: ${(e as Error).message}`);
    return undefined;
  }
  const parsed = icd10TableSchema.safeParse(raw);
  if (!parsed.success) {
    errors.push(formatZodError(label, parsed.error));
    return undefined;
  }
  return parsed.data;
}
