/**
 * Folding in claim files: by transaction, by HL loop, by claim and by service line, read from the claim index (segment
 * numbers and ids) without building a claim.
 *
 * Never more ranges than the client's limit (VS Code sends 5000): the kinds a coder folds most are kept first
 * (transactions, claims, HL loops, service lines), each in document order, as far as the limit goes.
 * Last, with what the limit leaves, the guide's sub-loops that span more than one line (1000A/1000B, 2010AA, 2010BA,
 * 2310B, 2320/2330A, 2420A ...; guideLoops.ts), in files of up to LOOP_DETAIL_MAX_CLAIMS claims with a known guide.
 * Figure protected: foldingRange on a 10 MB file (`npm run bench`, protocol table; it was 1.6 s and 104,842 ranges).
 */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { segmentIdCode } from '../parse/x12';
import { transactionsOf } from '../model/claim';
import type { ImplementationGuides } from '../conformance/guides';
import { claimLoops, fileLoops, isLevelLoop, LOOP_DETAIL_MAX_CLAIMS, type LoopInstance } from './guideLoops';

const LX = segmentIdCode('LX');

export function foldingRanges(analysis: DocumentAnalysis, rangeLimit = Number.POSITIVE_INFINITY, guides?: ImplementationGuides): FoldingRange[] {
  const model = analysis.claimFile;
  const x12 = analysis.x12;
  if (analysis.kind !== 'claim' || !model || !x12) return [];
  const segs = x12.segments;
  const index = model.claims.index;
  const lines = analysis.lines;
  const transactions = [...transactionsOf(model.interchanges)].map((e) => e.transaction);
  // how many of each kind fit, in the order of what matters most
  let budget = Math.max(0, Math.floor(rangeLimit));
  const take = (n: number) => {
    const k = Math.min(n, budget);
    budget -= k;
    return k;
  };
  const txBudget = take(transactions.length);
  let claimBudget = take(index.claimCount);
  let levelBudget = take(index.levelSeg.length);
  let lineBudget = budget;

  const out: FoldingRange[] = [];
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const add = (from: number, to: number) => {
    const start = lineOf(from);
    const end = lineOf(Math.max(from, to - 1));
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  };
  const contentEnd = (i: number) => segs.contentEnd(i);
  for (let t = 0; t < transactions.length; t++) {
    const tx = transactions[t];
    if (t < txBudget) add(tx.span.offset, tx.span.offset + tx.span.length);
    // An HL loop runs to the next HL segment (or the end of the transaction).
    const { from, to } = tx.hierarchy;
    for (let j = from; j < to && levelBudget > 0; j++, levelBudget--) {
      const start = segs.starts[index.levelSeg[j]];
      const end = j + 1 < to ? segs.starts[index.levelSeg[j + 1]] - 1 : tx.seSpan ? tx.seSpan.offset - 1 : tx.span.offset + tx.span.length;
      add(start, Math.max(start, end));
    }
    for (let c = tx.claims.from; c < tx.claims.to && (claimBudget > 0 || lineBudget > 0); c++) {
      const first = index.claimFirst[c];
      const last = index.claimLast[c];
      if (claimBudget > 0) {
        claimBudget--;
        add(segs.starts[first], contentEnd(last));
      }
      if (lineBudget <= 0) continue;
      // service lines: from an LX to the segment before the next LX (or the claim's last segment)
      let lx = -1;
      for (let s = first + 1; s <= last; s++) {
        if (segs.idCodes[s] !== LX) continue;
        if (lx >= 0 && lineBudget > 0) {
          lineBudget--;
          add(segs.starts[lx], contentEnd(s - 1));
        }
        lx = s;
      }
      if (lx >= 0 && lineBudget > 0) {
        lineBudget--;
        add(segs.starts[lx], contentEnd(last));
      }
    }
  }
  if (guides && lineBudget > 0 && index.claimCount <= LOOP_DETAIL_MAX_CLAIMS) {
    // the sub-loops: not the HL levels, claims and lines folded above
    const subLoops = (xs: readonly LoopInstance[]): void => {
      for (const x of xs) {
        if (lineBudget <= 0) return;
        if (!isLevelLoop(x.loop) && x.loop.id !== '2300' && x.loop.id !== '2400') {
          const before = out.length;
          add(segs.starts[x.first], contentEnd(x.last));
          if (out.length > before) lineBudget--;
        }
        subLoops(x.children);
      }
    };
    subLoops(fileLoops(guides, x12, model));
    for (let k = 0; k < index.claimCount && lineBudget > 0; k++) subLoops(claimLoops(guides, x12, model, index.buildClaimAt(k)));
  }
  return out;
}
