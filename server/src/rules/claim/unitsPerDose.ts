import type { CheckedLine, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';

export const UNITS_PER_DOSE = 'hcpcs/units-per-dose';

/** A code whose official descriptor bills "per treatment dose" or "per study", with units other than 1. */
export const unitsPerDose: Rule = {
  id: UNITS_PER_DOSE,
  defaultSeverity: 'warning',
  description: 'A "per treatment dose" or "per study" code is billed with units other than 1.',
  checkClaim: eachLine(({ line, code: facts }: CheckedLine, _claim, _ctx, findings: Finding[]): void => {
    if (!line.procedureCode || !line.units || line.units.value === null || line.units.value === 1 || !facts) return;
    const code = facts.code;
    const record = facts.record;
    if (!code || !record) return;
    const phrase = facts.perDosePhrase;
    if (phrase === null) return;
    findings.push({
      ruleId: UNITS_PER_DOSE,
      span: spanOf(line.units),
      message:
        `${code} is billed "${phrase.toLowerCase()}", so ${line.units.text} units claim ${line.units.text} doses. ` +
        `The CMS descriptor reads "${record.longDescription}": one dose or study is 1 unit, and the payer denies or ` +
        `recoups the excess. ` +
        `Bill 1 unit per dose or study given; put a second dose on its own line only if one was given.`,
      fixes: [{ title: 'Set units to 1', edits: [{ span: spanOf(line.units), newText: '1' }], preferred: true }],
    });
  }),
};
