/**
 * The claim outline: interchange > group > transaction > claim (patient control number, total charge) >
 * service line (code, modifiers, units). Notes list their code mentions.
 *
 * A big batch (more than FULL_OUTLINE_MAX_CLAIMS claims) gets a claim-level outline read from the claim index (CLM01,
 * CLM02 and the LX count of each claim, no claim built), at most OUTLINE_MAX_CLAIMS claims, then one entry saying how
 * many more there are: VS Code draws the outline, breadcrumbs and sticky scroll from this answer after every change.
 * Figure protected: documentSymbol on a 10 MB file (`npm run bench`, protocol table; it was 4.0 s for one tree of
 * 83,202 symbols).
 */
import { cappedList } from '../core/capList';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import type { Span } from '../core/span';
import type { Claim, ServiceLine, Transaction } from '../model/claim';
import { formatIcd10 } from '../codeset/codeset';
import { segmentIdCode } from '../parse/x12';
import { onItsLine, typedSegmentEnd } from './typedSegment';

/** Up to this many claims the outline shows every claim with its service lines. */
export const FULL_OUTLINE_MAX_CLAIMS = 1000;
/** A bigger file lists this many claims (in document order), without their lines. */
export const OUTLINE_MAX_CLAIMS = 5000;

const LX = segmentIdCode('LX');

function symbol(analysis: DocumentAnalysis, name: string, detail: string, kind: SymbolKind, span: Span, selection: Span, children?: DocumentSymbol[]): DocumentSymbol {
  const range: Range = analysis.lines.rangeOf(span.offset, span.length);
  let selectionRange: Range = analysis.lines.rangeOf(selection.offset, selection.length);
  // The selection must lie inside the range (LSP requires it).
  if (selection.offset < span.offset || selection.offset + selection.length > span.offset + span.length) selectionRange = range;
  return { name, detail, kind, range, selectionRange, children };
}

function money(value: number | null | undefined): string {
  return value === null || value === undefined ? '?' : `$${value.toFixed(2)}`;
}

/** The span up to the end of the line being typed, when the loop's service segment runs into the next line. */
function typedSpan(analysis: DocumentAnalysis, span: Span, line: ServiceLine | undefined): Span {
  if (!line) return span;
  const d = analysis.x12?.delimiters;
  const end = typedSegmentEnd(analysis.text, line.serviceSpan.offset, span.offset + span.length, d?.element ?? '*', d?.segment ?? '~');
  return end === span.offset + span.length ? span : { offset: span.offset, length: end - span.offset };
}

function lineSymbol(analysis: DocumentAnalysis, line: ServiceLine, ordinal: number): DocumentSymbol {
  const code = line.procedureCode ? onItsLine(line.procedureCode.value) : '(no code)';
  const modifiers = line.modifiers.map((m) => onItsLine(m.value));
  const name = `${line.lineNumber?.text ?? ordinal} ${[code, ...modifiers].join('-')}`;
  const units = line.units?.text ?? '?';
  const detail = `${units} ${line.unitBasis?.value ?? 'units'} · ${money(line.charge?.value)}${line.revenueCode ? ` · rev ${line.revenueCode.value}` : ''}`;
  const selection = line.procedureCode ?? line.serviceSpan;
  return symbol(analysis, name, detail, SymbolKind.Method, typedSpan(analysis, line.span, line), typedSpan(analysis, selection, line));
}

function claimSymbol(analysis: DocumentAnalysis, claim: Claim): DocumentSymbol {
  const pcn = claim.patientControlNumber?.value ?? '(no patient control number)';
  const diagnoses = cappedList(claim.diagnoses.map((d) => formatIcd10(d.code.value)));
  const detail = `${money(claim.totalCharge?.value)} · ${claim.serviceLines.length} line${claim.serviceLines.length === 1 ? '' : 's'}${diagnoses ? ` · ${diagnoses}` : ''}`;
  const children = claim.serviceLines.map((l, i) => lineSymbol(analysis, l, i + 1));
  const last = claim.serviceLines[claim.serviceLines.length - 1];
  return symbol(analysis, `Claim ${pcn}`, detail, SymbolKind.Class, typedSpan(analysis, claim.span, last), claim.patientControlNumber ?? claim.clmSpan, children);
}

export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  if (analysis.kind !== 'claim') {
    return analysis.note.mentions.map((m) =>
      symbol(analysis, m.code, m.system === 'icd10' ? `ICD-10-CM ${formatIcd10(m.code)}` : m.system.toUpperCase(), SymbolKind.Constant, m.span, m.span),
    );
  }
  const model = analysis.claimFile;
  if (!model) return [];
  const big = model.claims.length > FULL_OUTLINE_MAX_CLAIMS;
  let listed = 0;
  const claimsOf = (tx: Transaction): DocumentSymbol[] => {
    if (!big) return tx.claims.map((c) => claimSymbol(analysis, c));
    const out: DocumentSymbol[] = [];
    const { from, to } = tx.claims;
    let c = from;
    for (; c < to && listed < OUTLINE_MAX_CLAIMS; c++, listed++) out.push(indexedClaimSymbol(analysis, c));
    if (c < to) out.push(moreClaimsSymbol(analysis, tx, to - c));
    return out;
  };
  return model.interchanges.map((interchange) =>
    symbol(
      analysis,
      `Interchange ${interchange.controlNumber?.value ?? ''}`.trim(),
      `${interchange.senderId?.value?.trim() ?? ''} → ${interchange.receiverId?.value?.trim() ?? ''}`,
      SymbolKind.Package,
      interchange.span,
      interchange.isaSpan,
      interchange.groups.map((group) =>
        symbol(
          analysis,
          `Group ${group.controlNumber?.value ?? ''}`.trim(),
          group.version?.value ?? '',
          SymbolKind.Namespace,
          group.span,
          group.gsSpan ?? group.span,
          group.transactions.map((tx) =>
            symbol(
              analysis,
              `${tx.kind === 'unknown' ? 'Transaction' : tx.kind} ${tx.controlNumber?.value ?? ''}`.trim(),
              `${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'}`,
              SymbolKind.Module,
              tx.span,
              tx.stSpan,
              claimsOf(tx),
            ),
          ),
        ),
      ),
    ),
  );
}

/** One element's text of a segment, read from the text (no claim built); '' when absent. */
function elementText(analysis: DocumentAnalysis, segment: number, n: number): { value: string; offset: number } {
  const x12 = analysis.x12!;
  const segs = x12.segments;
  const sep = x12.delimiters?.element ?? '*';
  const end = segs.contentEnd(segment);
  let at = segs.starts[segment];
  for (let k = 0; k < n; k++) {
    const next = analysis.text.indexOf(sep, at);
    if (next < 0 || next >= end) return { value: '', offset: end };
    at = next + 1;
  }
  let stop = analysis.text.indexOf(sep, at);
  if (stop < 0 || stop > end) stop = end;
  return { value: analysis.text.slice(at, stop), offset: at };
}

/** Claim c from the index: `Claim PCN` with its total charge and number of service lines. */
function indexedClaimSymbol(analysis: DocumentAnalysis, c: number): DocumentSymbol {
  const index = analysis.claimFile!.claims.index;
  const segs = analysis.x12!.segments;
  const first = index.claimFirst[c];
  const last = index.claimLast[c];
  let lineCount = 0;
  for (let s = first + 1; s <= last; s++) if (segs.idCodes[s] === LX) lineCount++;
  const pcn = elementText(analysis, first, 1);
  const total = elementText(analysis, first, 2).value;
  const charge = total && Number.isFinite(Number(total)) ? money(Number(total)) : '?';
  const start = segs.starts[first];
  const span = { offset: start, length: segs.contentEnd(last) - start };
  const name = `Claim ${pcn.value || '(no patient control number)'}`;
  return symbol(analysis, name, `${charge} · ${lineCount} line${lineCount === 1 ? '' : 's'}`, SymbolKind.Class, span, pcn.value ? { offset: pcn.offset, length: pcn.value.length } : span);
}

/** The entry after the last listed claim of a transaction: how many are not listed, and why. */
function moreClaimsSymbol(analysis: DocumentAnalysis, tx: Transaction, count: number): DocumentSymbol {
  const index = analysis.claimFile!.claims.index;
  const segs = analysis.x12!.segments;
  const firstHidden = tx.claims.to - count;
  const start = segs.starts[index.claimFirst[firstHidden]];
  const end = segs.contentEnd(index.claimLast[tx.claims.to - 1]);
  const span = { offset: start, length: end - start };
  return symbol(
    analysis,
    `… ${count.toLocaleString('en-US')} more claim${count === 1 ? '' : 's'}`,
    `the outline lists the first ${OUTLINE_MAX_CLAIMS.toLocaleString('en-US')} claims of a big file`,
    SymbolKind.Null,
    span,
    { offset: start, length: 0 },
  );
}
