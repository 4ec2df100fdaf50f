/**
 * The claim outline: interchange > group > transaction > claim (patient control number, total charge) >
 * service line (code, modifiers, units). Notes list their code mentions.
 *
 * A big batch (more than FULL_OUTLINE_MAX_CLAIMS claims) gets a claim-level outline read from the claim index (CLM01,
 * CLM02 and the LX count of each claim, no claim built), at most OUTLINE_MAX_CLAIMS claims, then one entry saying how
 * many more there are: VS Code draws the outline, breadcrumbs and sticky scroll from this answer after every change.
 * Up to LOOP_DETAIL_MAX_CLAIMS claims, when the file's transaction has a guide, the outline also shows the guide's
 * loops from the conformance walk's placements (guideLoops.ts): 1000A/1000B and the HL levels (2000A, 2000B, 2000C,
 * each by its own segments, with its 2010 loops) beside the claims, the 2300 sub-loops (2310B, 2320 > 2330A ...)
 * under each claim and the 2400 sub-loops (2410, 2420A ...) under each line. A bigger file keeps the claim-level outline.
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
import { loopLabel, type ImplementationGuides } from '../conformance/guides';
import { claimLoops, fileLoops, isLevelLoop, LOOP_DETAIL_MAX_CLAIMS, ownLast, type LoopInstance } from './guideLoops';

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

/** "2010AA Billing Provider Name" with the entity's name (NM103, NM104) when the loop opens with NM1. */
function loopSymbol(analysis: DocumentAnalysis, x: LoopInstance, last = x.last, children = x.children): DocumentSymbol {
  const segs = analysis.x12!.segments;
  const start = segs.starts[x.first];
  const span = { offset: start, length: segs.contentEnd(last) - start };
  let detail = '';
  if (x.loop.entry?.seg.id === 'NM1') {
    const who = [elementText(analysis, x.first, 3).value, elementText(analysis, x.first, 4).value].filter(Boolean).join(' ');
    detail = onItsLine(who);
  }
  const selection = { offset: start, length: segs.contentEnd(x.first) - start };
  return symbol(analysis, loopLabel(x.loop), detail, SymbolKind.Struct, span, selection, children.map((c) => loopSymbol(analysis, c)));
}

/** An HL level by its own segments and its 2010 loops, then its lower levels (their claims are outlined apart). */
function levelSymbols(analysis: DocumentAnalysis, x: LoopInstance): DocumentSymbol[] {
  const own = x.children.filter((c) => !isLevelLoop(c.loop) && c.loop.id !== '2300');
  const out = [loopSymbol(analysis, x, ownLast(x), own)];
  for (const c of x.children) if (isLevelLoop(c.loop)) out.push(...levelSymbols(analysis, c));
  return out;
}

function find2300(xs: readonly LoopInstance[]): LoopInstance | undefined {
  for (const x of xs) {
    if (x.loop.id === '2300') return x;
    const inner = find2300(x.children);
    if (inner) return inner;
  }
  return undefined;
}

const byStart = (a: DocumentSymbol, b: DocumentSymbol): number => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

function lineSymbol(analysis: DocumentAnalysis, line: ServiceLine, ordinal: number, loops?: LoopInstance): DocumentSymbol {
  const code = line.procedureCode ? onItsLine(line.procedureCode.value) : '(no code)';
  const modifiers = line.modifiers.map((m) => onItsLine(m.value));
  const name = `${line.lineNumber?.text ?? ordinal} ${[code, ...modifiers].join('-')}`;
  const units = line.units?.text ?? '?';
  // the guide's loop first when it is known ("2400 Service Line Number · 1 UN · $120.00")
  const detail = `${loops ? `${loopLabel(loops.loop)} · ` : ''}${units} ${line.unitBasis?.value ?? 'units'} · ${money(line.charge?.value)}${line.revenueCode ? ` · rev ${line.revenueCode.value}` : ''}`;
  const selection = line.procedureCode ?? line.serviceSpan;
  const children = loops?.children.length ? loops.children.map((c) => loopSymbol(analysis, c)) : undefined;
  return symbol(analysis, name, detail, SymbolKind.Method, typedSpan(analysis, line.span, line), typedSpan(analysis, selection, line), children);
}

function claimSymbol(analysis: DocumentAnalysis, claim: Claim, loops?: LoopInstance): DocumentSymbol {
  const pcn = claim.patientControlNumber?.value ?? '(no patient control number)';
  const diagnoses = cappedList(claim.diagnoses.map((d) => formatIcd10(d.code.value)));
  const detail = `${loops ? `${loopLabel(loops.loop)} · ` : ''}${money(claim.totalCharge?.value)} · ${claim.serviceLines.length} line${claim.serviceLines.length === 1 ? '' : 's'}${diagnoses ? ` · ${diagnoses}` : ''}`;
  const segs = analysis.x12?.segments;
  const lineLoops = new Map<number, LoopInstance>();
  const children: DocumentSymbol[] = [];
  if (loops && segs) {
    for (const c of loops.children) {
      if (c.loop.id === '2400') lineLoops.set(segs.starts[c.first], c);
      else children.push(loopSymbol(analysis, c));
    }
  }
  children.push(...claim.serviceLines.map((l, i) => lineSymbol(analysis, l, i + 1, lineLoops.get(l.span.offset))));
  if (lineLoops.size || children.length > claim.serviceLines.length) children.sort(byStart);
  const last = claim.serviceLines[claim.serviceLines.length - 1];
  return symbol(analysis, `Claim ${pcn}`, detail, SymbolKind.Class, typedSpan(analysis, claim.span, last), claim.patientControlNumber ?? claim.clmSpan, children);
}

/** The transaction's entries with the guide's loops: 1000A/1000B, HL levels and claims, in document order. */
function guideEntries(analysis: DocumentAnalysis, guides: ImplementationGuides, tx: Transaction, outside: readonly LoopInstance[]): DocumentSymbol[] {
  const doc = analysis.x12!;
  const file = analysis.claimFile!;
  const out: DocumentSymbol[] = [];
  for (const x of outside) {
    if (x.first < tx.firstSegment || x.first > tx.lastSegment) continue;
    if (isLevelLoop(x.loop)) out.push(...levelSymbols(analysis, x));
    else if (x.loop.id !== '2300') out.push(loopSymbol(analysis, x));
  }
  for (const claim of tx.claims) {
    const roots = claimLoops(guides, doc, file, claim);
    for (const x of roots) if (isLevelLoop(x.loop)) out.push(...levelSymbols(analysis, x));
    out.push(claimSymbol(analysis, claim, find2300(roots)));
  }
  return out.sort(byStart);
}

export function documentSymbols(analysis: DocumentAnalysis, guides?: ImplementationGuides): DocumentSymbol[] {
  if (analysis.kind !== 'claim') {
    return analysis.note.mentions.map((m) =>
      symbol(analysis, m.code, m.system === 'icd10' ? `ICD-10-CM ${formatIcd10(m.code)}` : m.system.toUpperCase(), SymbolKind.Constant, m.span, m.span),
    );
  }
  const model = analysis.claimFile;
  if (!model) return [];
  const big = model.claims.length > FULL_OUTLINE_MAX_CLAIMS;
  const withLoops = !!guides && !!analysis.x12 && model.claims.length <= LOOP_DETAIL_MAX_CLAIMS;
  const outside = withLoops ? fileLoops(guides, analysis.x12!, model) : [];
  let listed = 0;
  const claimsOf = (tx: Transaction): DocumentSymbol[] => {
    if (withLoops) return guideEntries(analysis, guides, tx, outside);
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
              `${tx.claims.length} claim${tx.claims.length === 1 ? '' : 's'}${big ? ` · lines and guide loops shown up to ${FULL_OUTLINE_MAX_CLAIMS.toLocaleString('en-US')} claims a file` : ''}`,
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
