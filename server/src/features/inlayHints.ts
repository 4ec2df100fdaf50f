/**
 * Inlay hints in claim files: the short CMS descriptor right after each service line's procedure code
 * (`HC:A9600:JZ` › Sr89 strontium), so a coder reads the claim without hovering line by line. Terminated codes
 * say so instead. Only the claims in the visible range are built.
 */
import { hasLevelIIShape } from '../core/codeShapes';
import { dateOfService as dateOfServiceOf, todayIso } from '../model/dateOfService';
import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import type { CodeSet } from '../codeset/types';
import { claimsInRange } from '../model/claim';
import { onItsLine, typedSegmentEnd } from './typedSegment';


export function inlayHints(analysis: DocumentAnalysis, startOffset: number, endOffset: number, codeSet: CodeSet, dateOfServiceFallback: string = todayIso()): InlayHint[] {
  const { x12, claimFile } = analysis;
  if (analysis.kind !== 'claim' || !x12 || !claimFile || x12.segments.count === 0) return [];
  const segments = x12.segments;
  let first = segments.indexAt(startOffset);
  if (first < 0) first = 0;
  let last = segments.indexAt(endOffset);
  if (last < 0) last = segments.count - 1;
  const hints: InlayHint[] = [];
  for (const claim of claimsInRange(claimFile, first, last)) {
    for (const line of claim.serviceLines) {
      const code = line.procedureCode;
      if (!code || code.offset < startOffset || code.offset > endOffset) continue;
      const value = onItsLine(code.value).toUpperCase();
      const record = codeSet.procedure(value);
      let label: string | undefined;
      if (record) {
        const dateOfService = dateOfServiceOf(line, claim, dateOfServiceFallback);
        label = record.terminated && dateOfService && dateOfService > record.terminated ? `terminated ${record.terminated}` : record.shortDescription;
      } else if (codeSet.cpt(value)) {
        label = codeSet.cpt(value)!.descriptor;
      } else if (hasLevelIIShape(value)) {
        label = 'not in the code set';
      }
      if (!label) continue;
      // After the whole procedure composite (code and modifiers), so typing inside it is never pushed around.
      const modifiers = line.modifiers;
      const composite = modifiers.length ? modifiers[modifiers.length - 1].offset + modifiers[modifiers.length - 1].length : code.offset + code.length;
      // a segment still being typed runs into the next line: the hint stays on the code's line
      const end = typedSegmentEnd(analysis.text, code.offset, composite, x12.delimiters?.element ?? '*', x12.delimiters?.segment ?? '~');
      hints.push({
        position: analysis.lines.positionAt(end),
        label: label.length > 40 ? `${label.slice(0, 39)}…` : label,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: record?.longDescription,
      });
    }
  }
  return hints;
}
