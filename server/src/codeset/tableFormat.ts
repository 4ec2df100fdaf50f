/**
 * The compact on-disk row format of data/hcpcs/<release>.json: one array per record, in the order of
 * HCPCS_COLUMNS, trailing empty fields omitted. Lists are space-separated codes.
 */
import type { HcpcsRecord } from './types';

export const HCPCS_COLUMNS = [
  'code',
  'longDescription',
  'shortDescription',
  'pricing',
  'multiplePricing',
  'coverage',
  'betos',
  'typeOfService',
  'crossReference',
  'added',
  'actionEffective',
  'terminated',
  'actionCode',
  'processingNote',
  'coverageIssuesManual',
  'carriersManual',
  'statute',
  'labCertification',
  'ascGroup',
  'ascEffective',
  'anesthesiaBaseUnits',
] as const;

export type HcpcsColumn = (typeof HCPCS_COLUMNS)[number];

const LIST_COLUMNS = new Set<HcpcsColumn>([
  'pricing',
  'typeOfService',
  'crossReference',
  'coverageIssuesManual',
  'carriersManual',
  'labCertification',
]);

export function encodeHcpcsRecord(r: HcpcsRecord): string[] {
  const row = HCPCS_COLUMNS.map((c) => {
    const v = r[c];
    if (v === undefined) return '';
    return Array.isArray(v) ? v.join(' ') : v;
  });
  while (row.length > 1 && row[row.length - 1] === '') row.pop();
  return row;
}

function split(v: string | undefined): string[] {
  return v ? v.split(' ') : [];
}

export function decodeHcpcsRow(row: readonly string[], kind: HcpcsRecord['kind']): HcpcsRecord {
  const rec: HcpcsRecord = {
    code: row[0],
    kind,
    longDescription: row[1] ?? '',
    shortDescription: row[2] ?? '',
    pricing: split(row[3]),
    multiplePricing: row[4] ?? '',
    coverage: row[5] ?? '',
    betos: row[6] ?? '',
    typeOfService: split(row[7]),
    crossReference: split(row[8]),
    added: row[9] ?? '',
    actionEffective: row[10] ?? '',
    terminated: row[11] ?? '',
    actionCode: row[12] ?? '',
    processingNote: row[13] ?? '',
  };
  for (let i = 14; i < row.length; i++) {
    const v = row[i];
    if (!v) continue;
    const c = HCPCS_COLUMNS[i];
    if (LIST_COLUMNS.has(c)) (rec as unknown as Record<string, unknown>)[c] = split(v);
    else (rec as unknown as Record<string, unknown>)[c] = v;
  }
  return rec;
}
