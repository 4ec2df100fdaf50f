/**
 * Deterministic JSON for the generated tables: top-level keys in insertion order, one record (row) per line so a
 * new quarter shows up as a readable diff (so does each value of a column: `codes`, `descriptions`), everything
 * else compact.
 */
import { createHash } from 'node:crypto';

/** Top-level string columns written one value per line (the ICD-10-CM table's codes and descriptions). */
const COLUMN_KEYS = new Set(['codes', 'descriptions']);

/**
 * What stands between the brackets of a list written one value a line (a non-empty list): the text whose SHA-256
 * an ICD-10-CM table of version 3 carries for its codes (codeset/importIcd10.ts, read by node/icd10Table.ts).
 */
export function columnBody(values: readonly unknown[]): string {
  return `\n${values.map((v) => JSON.stringify(v)).join(',\n')}\n  `;
}

/** What stands between the brackets of a list as stringifyTable writes it: columnBody, or nothing for an empty list. */
export function listBody(values: readonly unknown[]): string {
  return values.length > 0 ? columnBody(values) : '';
}

/**
 * The SHA-256 a HCPCS table of version 2 carries (`rowsSha256`): of its earliest termination date, then the bytes
 * between the brackets of `procedures` and of `modifiers` as stringifyTable writes them (listBody), a NUL between
 * the two lists (no JSON text holds one). The importer hashes the text it writes; node/hcpcsTable.ts the bytes it
 * reads.
 */
export function hcpcsRowsSha256(earliestTermination: string | undefined, procedures: string | Uint8Array, modifiers: string | Uint8Array): string {
  return createHash('sha256').update(`${earliestTermination ?? ''}\n`, 'utf8').update(procedures).update('\0', 'utf8').update(modifiers).digest('hex');
}

export function stringifyTable(table: object): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(table).filter(([, v]) => v !== undefined);
  entries.forEach(([key, value], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(value) && value.length > 0 && key !== 'columns' && (value.every((v) => Array.isArray(v)) || COLUMN_KEYS.has(key))) {
      lines.push(`  ${JSON.stringify(key)}: [${columnBody(value)}]${comma}`);
    } else if (value && typeof value === 'object' && !Array.isArray(value) && key === 'notes') {
      const notes = Object.entries(value as Record<string, unknown>);
      lines.push(`  ${JSON.stringify(key)}: {`);
      notes.forEach(([k, v], j) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${j < notes.length - 1 ? ',' : ''}`));
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
    }
  });
  lines.push('}');
  return lines.join('\n') + '\n';
}
