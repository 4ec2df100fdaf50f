/**
 * Reading a HCPCS table (data/hcpcs/<release>.json). A version 2 table laid out as the importer writes it (the
 * header, then `procedures` and `modifiers` one row a line, then notes, layout and the NOC list) whose rows have the
 * SHA-256 its header carries (`rowsSha256`, codeset/stringify.ts hcpcsRowsSha256) is read without its rows: the
 * rest of the file (the two lists cut out, read as empty) is parsed and checked against its zod schema, and the
 * rows are kept as the importer's bytes (codeset/packedHcpcsRows.ts), parsed when a code is first looked up. Any
 * other table (version 1, another layout, rows that do not match the digest: an edited file) is parsed whole and
 * checked by the code set's zod schema as before, whose message names the file and the field of a fault.
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): JSON.parse of the
 * 2 MB table cost about 18 ms of a start, cold, and its zod check of the 9,006 rows about 5; hashing the rows 2 to 3.
 */
import { hcpcsDigestedTableSchema, type HcpcsTable } from '../codeset/schema';
import { PackedHcpcsRows } from '../codeset/packedHcpcsRows';
import { hcpcsRowsSha256 } from '../codeset/stringify';
import { FILE_LIMITS, readRegularFile } from './safeRead';

/** A table read whole, to be checked by the code set's schema; or a version 2 table read with its rows packed (checked). */
export type ReadHcpcsTable = { whole: unknown } | { packed: HcpcsTable };

const PROCEDURES = Buffer.from('\n  "procedures": [');
const MODIFIERS = Buffer.from(',\n  "modifiers": [');
const BODY_END = Buffer.from('\n  ]');

/** Where the body of the list opened at `open` (its `[`) ends (its `]`), as stringifyTable writes it; -1 if not so. */
function closeOf(bytes: Buffer, open: number): number {
  if (bytes[open + 1] === 0x5d) return open + 1; // []
  if (bytes[open + 1] !== 0x0a) return -1;
  // a row is one line (JSON text holds no raw newline), so the first line that is just "  ]" closes the list
  const end = bytes.indexOf(BODY_END, open + 1);
  return end < 0 ? -1 : end + BODY_END.length - 1;
}

/** The version 2 table with its rows packed, when `bytes` are laid out as the importer writes them and the rows match their digest. */
function packed(bytes: Buffer): HcpcsTable | undefined {
  const p = bytes.indexOf(PROCEDURES);
  if (p < 0) return undefined;
  const pOpen = p + PROCEDURES.length - 1;
  const pClose = closeOf(bytes, pOpen);
  if (pClose < 0 || bytes.compare(MODIFIERS, 0, MODIFIERS.length, pClose + 1, pClose + 1 + MODIFIERS.length) !== 0) return undefined;
  const mOpen = pClose + MODIFIERS.length;
  const mClose = closeOf(bytes, mOpen);
  if (mClose < 0) return undefined;
  let head: unknown;
  try {
    head = JSON.parse(`${bytes.toString('utf8', 0, pOpen + 1)}${bytes.toString('utf8', pClose, mOpen + 1)}${bytes.toString('utf8', mClose)}`);
  } catch {
    return undefined;
  }
  const header = hcpcsDigestedTableSchema.safeParse(head);
  if (!header.success) return undefined;
  const procedures = bytes.subarray(pOpen + 1, pClose);
  const modifiers = bytes.subarray(mOpen + 1, mClose);
  if (hcpcsRowsSha256(header.data.earliestTermination, procedures, modifiers) !== header.data.rowsSha256) return undefined;
  return {
    ...header.data,
    procedures: new PackedHcpcsRows(new Uint8Array(procedures), header.data.earliestTermination),
    modifiers: new PackedHcpcsRows(new Uint8Array(modifiers), undefined),
  };
}

/** The table of `file`, or undefined with the reason (naming `label`) in `errors`. */
export function readHcpcsTable(file: string, label: string, errors: string[]): ReadHcpcsTable | undefined {
  const read = readRegularFile(file, FILE_LIMITS.table, label);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  const table = packed(read.bytes);
  if (table) return { packed: table };
  try {
    return { whole: JSON.parse(read.bytes.toString('utf8')) };
  } catch (e) {
    errors.push(`${label}: ${(e as Error).message}`);
    return undefined;
  }
}
