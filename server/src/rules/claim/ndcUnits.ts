import type { CheckedClaim, ClaimFileContext, Finding, Rule } from '../types';
import { codeOf, spanOf } from './lineEdits';
import { lineNdc, plain } from './ndc';
import { upper } from './codes';

export const NDC_UNITS = 'hcpcs/ndc-units';

/**
 * More HCPCS units (SV104 / SV205) than the NDC quantity can hold. Only where the conversion is certain: the NDC
 * quantity counted in units (CTP05-1 UN, items of the package) and the crosswalk row of that NDC for the line's code
 * (BILLUNITS: HCPCS units in one item). A quantity in mL, grams or international units is not converted (the
 * crosswalk does not say the unit its package size is in), and fewer units than the quantity holds are normal
 * (the rest may be on a JW line or left in a multi-dose vial).
 */
export const ndcUnits: Rule = {
  id: NDC_UNITS,
  defaultSeverity: 'warning',
  description: 'The line bills more HCPCS units than its NDC quantity (CTP04 in UN) holds per the CMS ASP crosswalk.',
  checkClaim({ claim }: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    const out: Finding[] = [];
    for (const line of claim.serviceLines) {
      const drug = line.drug;
      const units = line.units?.value;
      const quantity = drug?.quantity?.value;
      if (!drug || !line.units || units === null || units === undefined || quantity === null || quantity === undefined || quantity <= 0) continue;
      if (upper(drug.unit?.value.trim() ?? '') !== 'UN') continue;
      const code = codeOf(line);
      if (!code) continue;
      const n = lineNdc(line, ctx.codeSet);
      const row = n?.forCode;
      if (!n || !row || !(row.billUnits > 0)) continue;
      const most = quantity * row.billUnits;
      // HCPCS units are whole: a partial unit is billed as one, so up to the next whole number is accounted for
      if (units <= Math.ceil(most - 1e-9)) continue;
      out.push({
        ruleId: NDC_UNITS,
        span: spanOf(line.units),
        message:
          `${plain(units)} units of ${code} (${row.hcpcsDosage} each) cannot come from ${plain(quantity)} UN of NDC ${n.ndc}: one item of ` +
          `${row.drugName} is ${plain(row.billUnits)} billing unit${row.billUnits === 1 ? '' : 's'} (CMS ASP crosswalk ${n.asp.release}), so ` +
          `${plain(quantity)} hold at most ${plain(Math.ceil(most - 1e-9))}. Payers deny units the NDC quantity does not support: ` +
          `check SV104 against the dose given, and CTP04 against the vials used.`,
      });
    }
    return out;
  },
};
