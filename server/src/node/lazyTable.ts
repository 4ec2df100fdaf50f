/**
 * Reading a data table on first use: a file of data/ (another ICD-10-CM year, the ASP quarter, an implementation
 * guide) is read, parsed and checked against its zod schema when a claim first needs it, not at start. A failure
 * is told (to `onProblem`) naming the file and the field, and the table is then missing: the caller runs on without
 * it. The caller keeps what `load` returns (it reads the file again on each call).
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): a table no claim
 * of the first file needs costs the start nothing.
 */
import * as path from 'node:path';
import type { z } from 'zod';
import type { LazyTable } from '../codeset/codeset';
import { formatZodError } from '../codeset/schema';
import { FILE_LIMITS, readRegularTextFile } from './safeRead';

/** The parsed JSON of a table file, or undefined with the reason (naming `label`) added to `errors`. */
export function readJson(file: string, label: string, errors: string[]): unknown {
  const read = readRegularTextFile(file, FILE_LIMITS.table, label);
  if (!read.ok) {
    errors.push(read.error);
    return undefined;
  }
  try {
    return JSON.parse(read.text);
  } catch (e) {
    errors.push(`${label}: ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * `text` parsed as JSON and checked against `schema`: the table, or undefined with the reason (naming `label`: the
 * JSON error, or the file and field zod names) added to `errors`. What a table read whole goes through.
 */
export function checkedJson<T>(text: string, label: string, schema: z.ZodType<T>, errors: string[]): T | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    errors.push(`${label}: ${(e as Error).message}`);
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  errors.push(formatZodError(label, parsed.error));
  return undefined;
}

/** Reads and checks a table file its own way (through zod schemas): the table, or undefined with the reasons in `errors`. */
export type TableReader<T> = (file: string, label: string, errors: string[]) => T | undefined;

/**
 * A table read, validated and kept on first use; a failure is told once, naming the file and field. `check`: the
 * table's zod schema (the file is parsed whole), or a reader of its own (node/icd10Table.ts).
 */
export function lazyTable<T>(dataDir: string, name: string, release: string, check: z.ZodType<T> | TableReader<T>, onProblem?: (m: string) => void): LazyTable<T> {
  return {
    release,
    load() {
      const errors: string[] = [];
      const file = path.join(dataDir, name);
      if (typeof check === 'function') {
        const table = check(file, name, errors);
        if (table !== undefined) return table;
      } else {
        const read = readRegularTextFile(file, FILE_LIMITS.table, name);
        if (!read.ok) errors.push(read.error);
        else {
          const table = checkedJson(read.text, name, check, errors);
          if (table !== undefined) return table;
        }
      }
      for (const e of errors) onProblem?.(e);
      return undefined;
    },
  };
}
