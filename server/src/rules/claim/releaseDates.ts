/**
 * Where the data stops: whether a date of service lies within what the code set can answer for. The bundled HCPCS
 * release covers its quarter and keeps the codes terminated since its horizon; the ICD-10-CM tables cover their
 * fiscal years. Shared by hcpcs/unknown-code, icd10/unknown-diagnosis and hcpcs/outside-release-dates.
 */
import type { CodeSet } from '../../codeset/types';

export type Standing = 'within' | 'after' | 'before';

/** 'after': past the quarter the HCPCS release is for; 'before': before its horizon (deleted codes gone). */
export function hcpcsStanding(codeSet: CodeSet, date: string): Standing {
  const to = codeSet.hcpcsCoverage?.to;
  if (to && date > to) return 'after';
  const horizon = codeSet.hcpcsHorizon;
  if (horizon && date < horizon) return 'before';
  return 'within';
}

/** 'after' the newest ICD-10-CM fiscal year held, 'before' the oldest, or 'within' one of them. */
export function icd10Standing(codeSet: CodeSet, date: string): Standing {
  const years = codeSet.icd10Years();
  if (years.length === 0 || years[0].from === '') return 'within';
  if (date > years[years.length - 1].to) return 'after';
  if (date < years[0].from) return 'before';
  return 'within';
}

/** How to bring in newer data, in one sentence for messages. */
export const HOW_TO_IMPORT =
  'Import the newer CMS quarter with the command "HCPCS: Import a newer CMS release" (or `npm run data:import -- <file>`)';
export const HOW_TO_IMPORT_ICD10 =
  'Import the newer CDC ICD-10-CM codes file with `npm run data:import -- icd10cm-codes-<year>.txt`';
