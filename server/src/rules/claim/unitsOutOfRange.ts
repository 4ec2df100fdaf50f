import type { CheckedLine, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { spanOf } from './lineEdits';

export const UNITS_OUT_OF_RANGE = 'hcpcs/units-out-of-range';

/**
 * Units outside the range the code's billing guide expects for one line: the classic cause is the dose entered in
 * the wrong unit (megabecquerels for millicuries, kilobecquerels for microcuries), which makes the line worth 37 or
 * 1,000 times the dose given. Codes billed per dose are left to hcpcs/units-per-dose.
 */
export const unitsOutOfRange: Rule = {
  id: UNITS_OUT_OF_RANGE,
  defaultSeverity: 'warning',
  description: "A line's units fall outside the range its billing guide expects for one dose (often a dose entered in the wrong unit).",
  checkClaim: eachLine(({ line, code: facts, guide }: CheckedLine, _claim, _ctx, findings: Finding[]): void => {
    const units = line.units;
    if (!units || units.value === null || units.value <= 0) return; // zero units: hcpcs/zero-units
    const range = guide?.expectedUnits;
    if (!facts?.record || !range) return;
    if (facts.perDosePhrase !== null) return; // hcpcs/units-per-dose says it better
    const { min, max } = range;
    const low = min !== undefined && units.value < min;
    const high = max !== undefined && units.value > max;
    if (!low && !high) return;
    const expected = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
    findings.push({
      ruleId: UNITS_OUT_OF_RANGE,
      span: spanOf(units),
      message:
        `${facts.code} is billed with ${units.text} units, outside the ${expected} its billing guide expects for one line ` +
        `(${guide!.unitOfBilling ?? `CMS descriptor: "${facts.record.longDescription}"`}). Units that do not match the dose ` +
        `in the record are denied or recouped on review. Check the dose given and its unit` +
        (high ? ' (a dose entered in MBq or kBq instead of mCi or µCi multiplies the units).' : '.'),
    });
  }),
};
