/**
 * "Disable this rule in this file", in the two forms the editor and hcpcs-check both honour:
 *
 * - a note (plain text or markdown) holds a comment line `hcpcs-disable <rule-id>[, <rule-id>...]`, in markdown
 *   written as an HTML comment `<!-- hcpcs-disable <rule-id> -->` so it does not show when rendered;
 * - a claim file has no comment syntax (text outside segments is rejected by clearinghouses), so its entry lives in
 *   the workspace file `.hcpcs/rules-off.json`: `{ "claims/batch-07.837": ["hcpcs/kx-attestation"] }` (paths or
 *   globs relative to the workspace folder; read in node/environment.ts, matched in guides/rulesOff.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';

export const DISABLE_MARKER = 'hcpcs-disable';

/** The comment line that disables these rules in a note. */
export function disableComment(ruleIds: readonly string[], languageId?: string): string {
  const body = `${DISABLE_MARKER} ${ruleIds.join(', ')}`;
  return languageId === 'markdown' ? `<!-- ${body} -->` : body;
}

const RULE_ID = /^[a-z0-9]+\/[a-z0-9-]+$/;

/**
 * Rule ids disabled by comment lines in the text: a line that starts (after blanks and an optional `<!--`) with
 * `hcpcs-disable`. One pass of indexOf per marker, no regular expression over the whole text.
 */
export function disabledByComments(text: string): string[] {
  const ids: string[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(DISABLE_MARKER, from);
    if (at < 0) break;
    from = at + DISABLE_MARKER.length;
    const lineStart = Math.max(text.lastIndexOf('\n', at - 1) + 1, 0);
    const before = text.slice(lineStart, at).trim();
    if (before !== '' && before !== '<!--') continue;
    let lineEnd = text.indexOf('\n', from);
    if (lineEnd < 0) lineEnd = text.length;
    let rest = text.slice(from, lineEnd);
    const close = rest.indexOf('-->');
    if (close >= 0) rest = rest.slice(0, close);
    if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t' && rest[0] !== ':') continue; // "hcpcs-disabled" is prose
    for (const part of rest.replace(/^:/, '').split(/[\s,]+/)) if (RULE_ID.test(part)) ids.push(part);
  }
  return ids;
}

/** The diagnostics without those of disabled rules (the list itself when nothing is disabled). */
export function withoutDisabled(diagnostics: Diagnostic[], disabled: readonly string[]): Diagnostic[] {
  if (disabled.length === 0) return diagnostics;
  const off = new Set(disabled);
  return diagnostics.filter((d) => !(typeof d.code === 'string' && off.has(d.code)));
}
