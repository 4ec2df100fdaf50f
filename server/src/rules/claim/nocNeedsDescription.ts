import type { CheckedLine, ClaimFileContext, Finding, Rule } from '../types';
import { eachLine } from '../lineRule';
import { setDescriptionEdit, spanOf } from './lineEdits';

export const NOC_NEEDS_DESCRIPTION = 'hcpcs/noc-needs-description';

/** The text the fix inserts; the rule reports it again until the coder replaces it. */
export const DESCRIPTION_PLACEHOLDER = 'DESCRIBE DRUG OR SERVICE AND AMOUNT';

/**
 * A not-otherwise-classified code (judged from the official descriptor, see codeset/noc.ts) with no description in
 * SV101-7 / SV202-7 and no line note (NTE): the payer cannot price what it cannot identify.
 */
export const nocNeedsDescription: Rule = {
  id: NOC_NEEDS_DESCRIPTION,
  defaultSeverity: 'error',
  description: 'A not-otherwise-classified (NOC) code has no description (SV101-7) and no line note (NTE).',
  checkClaim: eachLine(({ line, code: facts }: CheckedLine, _claim, ctx: ClaimFileContext, findings: Finding[]): void => {
    if (!line.procedureCode || !line.procedure || !facts) return;
    const code = facts.code;
    const record = facts.record;
    if (!code || !record || !facts.notOtherwiseClassified) return;
    const description = line.procedure.description;
    if (description && description.value.trim().toUpperCase() === DESCRIPTION_PLACEHOLDER) {
      findings.push({
        ruleId: NOC_NEEDS_DESCRIPTION,
        span: spanOf(description),
        message:
          `The description of ${code} is still the placeholder: the payer reviews a not-otherwise-classified line by its ` +
          `description. Replace it with the drug or service name, its strength and the amount given (the NDC for a drug).`,
      });
      return;
    }
    if ((description && description.value.trim() !== '') || line.notes.some((n) => n.text && n.text.value.trim() !== '')) return;
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
  }),
};
