/**
 * The problems a client lists, when it lists only so many a file: VS Code keeps at most 1,000 (errors first, then
 * warnings, information, hints, each in document order) and drops the rest after they crossed the connection. A
 * client that says its limit (initializationOptions.maxProblemsPerFile: this extension's client does) gets the same
 * choice made here, so the 1 MB answer of a 2,000-problem batch is not sent whole after every edit; the status item
 * gives the full count (hcpcs/status).
 *
 * Figure protected: one-character edit -> its diagnostics on the 10 MB file (protocol bench).
 */
import type { Diagnostic } from 'vscode-languageserver-types';

/** At most `max` diagnostics, the most severe first as VS Code picks them, kept in document order. */
export function listedProblems(diagnostics: readonly Diagnostic[], max: number | undefined): Diagnostic[] {
  if (max === undefined || diagnostics.length <= max) return diagnostics as Diagnostic[];
  const bySeverity = [0, 0, 0, 0, 0];
  for (const d of diagnostics) bySeverity[d.severity ?? 1]++;
  // every diagnostic more severe than `cut` is listed, and the first `left` of severity `cut`
  let left = max;
  let cut = 1;
  for (; cut < 4 && bySeverity[cut] < left; cut++) left -= bySeverity[cut];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const s = d.severity ?? 1;
    if (s < cut) out.push(d);
    else if (s === cut && left > 0) {
      out.push(d);
      left--;
    }
  }
  return out;
}
