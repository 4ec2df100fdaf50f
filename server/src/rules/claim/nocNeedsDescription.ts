import type { Claim } from '../../model/claim';
import type { ClaimFileContext, Finding, Rule } from '../types';
import { lineCodeFacts } from './codes';
import { setDescriptionEdit, spanOf } from './lineEdits';

export const NOC_NEEDS_DESCRIPTION = 'hcpcs/noc-needs-description';

/** The text the fix inserts; the rule reports it again until the coder replaces it. */
export const DESCRIPTION_PLACEHOLDER = 'DESCRIBE DRUG OR SERVICE AND AMOUNT';

/**
 * A not-otherwise-classified code (on the CMS NOC list of the release; see CodeSet.isNotOtherwiseClassified) with no description in
 * SV101-7 / SV202-7 and no line note (NTE): the payer cannot price what it cannot identify.
 */
export const nocNeedsDescription: Rule = {
  id: NOC_NEEDS_DESCRIPTION,
  defaultSeverity: 'error',
  description: 'A not-otherwise-classified (NOC) code has no description (SV101-7) and no line note (NTE).',
  checkClaim(claim: Claim, ctx: ClaimFileContext): Finding[] {
    const findings: Finding[] = [];
    const allFacts = lineCodeFacts(claim, ctx.codeSet);
    const serviceLines = claim.serviceLines;
    for (let li = 0; li < serviceLines.length; li++) {
      const line = serviceLines[li];
      if (!line.procedureCode || !line.procedure) continue;
      const facts = allFacts[li]!;
      const code = facts.code;
      const record = facts.record;
      if (!code || !record || !(facts.noc ??= ctx.codeSet.isNotOtherwiseClassified(code))) continue;
      const description = line.procedure.description;
      if (description && description.value.trim().toUpperCase() === DESCRIPTION_PLACEHOLDER) {
        findings.push({
          ruleId: NOC_NEEDS_DESCRIPTION,
          span: spanOf(description),
          message:
            `The description of ${code} is still the placeholder: the payer reviews a not-otherwise-classified line by its ` +
            `description. Replace it with the drug or service name, its strength and the amount given (the NDC for a drug).`,
        });
        continue;
      }
      if ((description && description.value.trim() !== '') || line.notes.some((n) => n.text && n.text.value.trim() !== '')) continue;
      const edit = setDescriptionEdit(line, ctx, DESCRIPTION_PLACEHOLDER);
      findings.push({
        ruleId: NOC_NEEDS_DESCRIPTION,
        span: spanOf(line.procedureCode),
        message:
          `${code} is a not-otherwise-classified code and the line does not describe the item. Its CMS descriptor reads ` +
          `"${record.longDescription}": the payer prices it by hand from the description and denies the line without one. Describe the drug or service, its strength and amount in SV101-7 ` +
          `(or a line NTE).`,
        fixes: edit ? [{ title: 'Insert a description placeholder in SV101-7', edits: [edit], preferred: true }] : undefined,
      });
    }
    return findings;
  },
};
