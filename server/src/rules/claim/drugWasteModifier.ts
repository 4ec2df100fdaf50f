import type { TextEdit } from '../../core/span';
import { transactionOfClaim, type Claim, type ServiceLine } from '../../model/claim';
import type { CheckedClaim, ClaimFileContext, Finding, Fix, Rule } from '../types';
import { isWasteReportableCode, wasteContainer, wasteLines, type WasteLine } from './drugs';
import { addModifierEdit, compositeWithModifier, hasModifier, spanOf } from './lineEdits';

export const DRUG_WASTE_MODIFIER = 'hcpcs/drug-waste-modifier';

function segmentText(ctx: ClaimFileContext, index: number): string {
  const t = ctx.x12.segments;
  return ctx.text.slice(t.offset(index), t.contentEnd(index));
}

/**
 * "Split" fix: a new service line (LX, the SV1/SV2 with JW added, its DTP dates) at the end of the claim, numbered
 * after the claim's highest LX so no other line is renumbered. Units 1 and charge 0 are placeholders for the coder
 * (charge 0 keeps CLM02 equal to the sum of the lines until the real amounts are in). The same fix raises SE01 by
 * the number of segments inserted, so the transaction's count stays right. LIN/CTP, REF and NTE are not copied:
 * the discarded quantity is what the coder must fill in.
 */
function splitFix(claim: Claim, line: ServiceLine, ctx: ClaimFileContext): Fix | null {
  const d = ctx.x12.delimiters;
  const table = ctx.x12.segments;
  if (!d || line.serviceSegmentIndex === null || !line.procedure) return null;
  const composite = compositeWithModifier(line, ctx, 'JW');
  if (!composite) return null;
  const term = table.terminatorOffset(claim.lastSegment);
  if (term < 0) return null;
  const E = d.element;
  // the service segment's id and element values, read from the text (no segment object: this runs per finding)
  const si = line.serviceSegmentIndex;
  const id = table.id(si);
  const start = table.offset(si);
  const end = table.contentEnd(si);
  const p = start + id.length;
  const values = p < end && ctx.text[p] === E ? ctx.text.slice(p + 1, end).split(E) : [];
  const institutional = id === 'SV2';
  const compositeAt = institutional ? 1 : 0;
  const chargeAt = institutional ? 2 : 1;
  const unitsAt = institutional ? 4 : 3;
  while (values.length <= unitsAt) values.push('');
  values[compositeAt] = composite;
  values[chargeAt] = '0';
  values[unitsAt] = '1';
  let lastNumber = 0; // Math.max(0, ...the lines' LX01 values, absent ones as 0)
  for (const l of claim.serviceLines) {
    const v = l.lineNumber?.value ?? 0;
    if (v > lastNumber || v !== v) lastNumber = v; // as Math.max: NaN wins
  }
  const segments = [`LX${E}${lastNumber + 1}`, `${id}${E}${values.join(E)}`];
  // the same service segment with tab stops on units (first) and charge, for editors that take snippet edits
  const tabbed = values.map(snippetEscape);
  tabbed[unitsAt] = '${1:1}';
  tabbed[chargeAt] = '${2:0}';
  const snippetSegments = [snippetEscape(segments[0]), `${id}${E}${tabbed.join(snippetEscape(E))}`];
  for (const dt of line.dates) {
    const dtp = segmentText(ctx, dt.segmentIndex);
    segments.push(dtp);
    snippetSegments.push(snippetEscape(dtp));
  }
  let lineBreak = '';
  if (claim.lastSegment + 1 < table.count) {
    const gap = ctx.text.slice(term + 1, table.offset(claim.lastSegment + 1));
    if (/^\s*$/.test(gap)) lineBreak = gap;
  }
  const edits: TextEdit[] = [
    {
      span: { offset: term + 1, length: 0 },
      newText: segments.map((s) => `${lineBreak}${s}${d.segment}`).join(''),
      snippet: snippetSegments.map((s) => `${snippetEscape(lineBreak)}${s}${snippetEscape(d.segment)}`).join('') + '$0',
    },
  ];
  const tx = transactionOfClaim(ctx.claimFile, claim);
  if (tx?.declaredSegmentCount) {
    edits.push({ span: spanOf(tx.declaredSegmentCount), newText: String(tx.actualSegmentCount + segments.length) });
  }
  return {
    title: `Split: add a line ${lastNumber + 1} with JW for the discarded amount (then fill in its units and charge)`,
    edits,
  };
}

/** Text taken literally inside a snippet: `$`, `}` and `\\` escaped. */
function snippetEscape(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/**
 * A JW line still holding the split's placeholder charge of 0: the discarded amount is not billed until its units
 * and charge are filled in, so it stays flagged (editors without snippet edits get the placeholder as plain text).
 */
function placeholderFinding(line: ServiceLine, code: string): Finding | null {
  if (!line.procedureCode || !hasModifier(line, 'JW') || line.charge?.value !== 0) return null;
  return {
    ruleId: DRUG_WASTE_MODIFIER,
    span: spanOf(line.charge),
    message:
      `The JW line for ${code} has a charge of 0: fill in the discarded units and their charge. ` +
      `Medicare pays the discarded amount from this line; at 0 nothing is paid for it.`,
  };
}

/**
 * Medicare claim, a drug or radiopharmaceutical line with neither JW nor JZ, and no JW line for the same code and
 * date (the administered line of a split carries no waste modifier).
 */
export const drugWasteModifier: Rule = {
  id: DRUG_WASTE_MODIFIER,
  defaultSeverity: 'warning',
  description:
    'Medicare claim: a single-dose drug or radiopharmaceutical line carries neither JW (amount discarded) nor JZ (none discarded); information only where the official files point to an infusion solution or say nothing of the container.',
  checkClaim(checked: CheckedClaim, ctx: ClaimFileContext): Finding[] {
    if (checked.payer !== 'medicare') return [];
    const claim = checked.claim;
    const findings: Finding[] = [];
    let lines: WasteLine[] | undefined; // built only when a line needs the others (most claims have no candidate)
    for (const { line, code: facts, guide, dateOfService, modifierCodes } of checked.lines) {
      if (!line.procedureCode || !facts) continue;
      const record = facts.record;
      if (!facts.code || !record || !isWasteReportableCode(facts, guide)) continue;
      if (modifierCodes.includes('JW')) {
        const placeholder = placeholderFinding(line, facts.code);
        if (placeholder) findings.push(placeholder);
        continue;
      }
      if (modifierCodes.includes('JZ')) continue;
      const w = { line, code: facts.code, date: dateOfService };
      lines ??= wasteLines(checked);
      if (lines.some((o) => o.line !== line && o.jw && o.code === w.code && o.date === w.date)) continue;
      const fixes: Fix[] = [];
      const jz = addModifierEdit(line, ctx, 'JZ');
      if (jz) fixes.push({ title: 'Add JZ: the whole dose was given, nothing discarded', edits: [jz], preferred: true });
      const split = splitFix(claim, line, ctx);
      if (split) fixes.push(split);
      const container = wasteContainer(facts, guide, ctx.codeSet.asp());
      const mild = container.kind === 'solution' || container.kind === 'unknown';
      findings.push({
        ruleId: DRUG_WASTE_MODIFIER,
        span: spanOf(line.procedureCode),
        message: mild
          ? `${w.code} has neither JW nor JZ, which Medicare needs only from a single-dose container. ` +
            `CMS requires JW or JZ only on drugs from single-dose containers or single-use packages (multi-dose vials take ` +
            `neither); ${container.basis}. If this dose came from a single-dose container, add JZ (nothing discarded) or ` +
            `bill the discarded amount on its own line with JW.`
          : `${w.code} is a drug or radiopharmaceutical billed to Medicare without JW or JZ. CMS requires JZ when nothing ` +
            `from a single-dose container or single-use package was discarded, or a second line with JW for the discarded ` +
            `amount; without either the line is returned or denied. Here ${container.basis}. Add JZ, or bill the discarded ` +
            `amount on its own line with JW.`,
        ...(mild ? { severity: 'info' as const } : {}),
        fixes,
      });
    }
    return findings;
  },
};
