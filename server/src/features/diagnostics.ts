import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver-types';
import type { LineIndex } from '../core/text';
import type { RatedFinding } from '../rules/engine';
import type { Fix, Severity } from '../rules/types';
import { disableComment } from './ruleDirectives';
import { coderMessage } from './messages';

/**
 * Source of the guide-file diagnostics. Rule findings carry no source: their code is the rule id
 * (`hcpcs/conflicting-modifiers`), which the Problems panel then shows once instead of `hcpcs(hcpcs/...)`.
 */
export const DIAGNOSTIC_SOURCE = 'hcpcs';

/** The rule-id namespaces of this server's findings (how its diagnostics are told from other extensions'). */
const OWN_RULE_ID = /^(hcpcs|icd10|notes|x12)\//;

export function isOwnDiagnostic(diagnostic: Pick<Diagnostic, 'code' | 'source'>): boolean {
  return typeof diagnostic.code === 'string' && OWN_RULE_ID.test(diagnostic.code) && (diagnostic.source === undefined || diagnostic.source === DIAGNOSTIC_SOURCE);
}

/** An LSP edit plus, for clients that take snippet edits, the same edit with tab stops. */
export type FixEdit = LspTextEdit & { snippet?: string };

/** What a diagnostic carries so a quick fix never re-runs the analysis. */
export interface DiagnosticData {
  fixes: { title: string; preferred?: boolean; edits: FixEdit[] }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function fixToLsp(lines: LineIndex, fix: Fix): DiagnosticData['fixes'][number] {
  const edits: LspTextEdit[] = new Array(fix.edits.length);
  for (let k = 0; k < edits.length; k++) {
    const e = fix.edits[k];
    const edit: FixEdit = { range: lines.rangeOf(e.span.offset, e.span.length), newText: e.newText };
    if (e.snippet !== undefined) edit.snippet = e.snippet;
    edits[k] = edit;
  }
  return { title: fix.title, preferred: fix.preferred, edits };
}

/**
 * A finding as an LSP diagnostic; runs once per finding, so plain loops (positions from the line index).
 * `place` ("HOLD-B line 1, A9604:") starts the message of a finding inside a claim (see messages.ts).
 */
export function toDiagnostic(lines: LineIndex, finding: RatedFinding, uri: string, place?: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.span.offset, finding.span.length),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    message: coderMessage(finding.message, place),
  };
  const tags = finding.tags;
  if (tags && tags.length) {
    const out: DiagnosticTag[] = new Array(tags.length);
    for (let k = 0; k < tags.length; k++) out[k] = tags[k] === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary;
    diagnostic.tags = out;
  }
  const related = finding.related;
  if (related && related.length) {
    const out: NonNullable<Diagnostic['relatedInformation']> = new Array(related.length);
    for (let k = 0; k < related.length; k++) {
      const r = related[k];
      out[k] = { location: { uri, range: lines.rangeOf(r.span.offset, r.span.length) }, message: r.message };
    }
    diagnostic.relatedInformation = out;
  }
  const fixes = finding.fixes;
  if (fixes && fixes.length) {
    const out: DiagnosticData['fixes'] = new Array(fixes.length);
    for (let k = 0; k < fixes.length; k++) out[k] = fixToLsp(lines, fixes[k]);
    const data: DiagnosticData = { fixes: out };
    diagnostic.data = data;
  }
  return diagnostic;
}

function isDiagnosticData(value: unknown): value is DiagnosticData {
  return !!value && typeof value === 'object' && Array.isArray((value as DiagnosticData).fixes);
}

export interface CodeActionOptions {
  /** The client applies snippet edits (LSP `workspace.workspaceEdit.snippetEditSupport`). */
  snippets?: boolean;
  /** Claim file or note: a note holds its "disable" comment, a claim file cannot (see ruleDirectives.ts). */
  kind?: 'claim' | 'note';
  /** The document's language id: the disable comment is an HTML comment in markdown. */
  languageId?: string;
  /** The text under a diagnostic's range (the code a look-up starts from). */
  textAt?: (range: Diagnostic['range']) => string;
}

/** The client commands the actions below name; a client without them still gets the edit-based fixes. */
export const COMMANDS = {
  lookup: 'hcpcs.lookupCode',
  aboutRule: 'hcpcs.aboutRule',
  disableInClaimFile: 'hcpcs.disableRuleInFile',
} as const;

/** Rules whose finding is about a code nobody knows: the fix a coder needs is a look-up, never a guess. */
const LOOK_UP_RULES = new Set(['hcpcs/unknown-code', 'hcpcs/unknown-modifier', 'icd10/unknown-diagnosis']);

function fixAction(uri: string, diagnostic: Diagnostic, fix: DiagnosticData['fixes'][number], options: CodeActionOptions): CodeAction {
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred };
  if (options.snippets && fix.edits.some((e) => e.snippet !== undefined)) {
    // LSP 3.18 snippet edits live in documentChanges; the snippet's tab stops put the cursor on units, then charge
    const edits = fix.edits.map((e) =>
      e.snippet !== undefined ? { range: e.range, snippet: { kind: 'snippet' as const, value: e.snippet } } : { range: e.range, newText: e.newText },
    );
    action.edit = { documentChanges: [{ textDocument: { uri, version: null }, edits: edits as LspTextEdit[] }] };
  } else {
    action.edit = { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
  }
  return action;
}

/**
 * Quick fixes for the diagnostics the client sends back: the rule's own fixes read from `diagnostic.data` (nothing
 * recomputed), a look-up where the code is unknown, and on every finding "Disable ... in this file" and "About ...".
 */
export function codeActionsFor(uri: string, diagnostics: readonly Diagnostic[], only?: readonly string[], options: CodeActionOptions = {}): CodeAction[] {
  if (only && only.length > 0 && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k))) {
    return [];
  }
  const actions: CodeAction[] = [];
  const seenRules = new Set<string>();
  const trailing: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!isOwnDiagnostic(diagnostic)) continue;
    const ruleId = diagnostic.code as string;
    if (isDiagnosticData(diagnostic.data)) for (const fix of diagnostic.data.fixes) actions.push(fixAction(uri, diagnostic, fix, options));
    if (LOOK_UP_RULES.has(ruleId)) {
      const query = options.textAt?.(diagnostic.range).trim() ?? '';
      actions.push({
        title: query ? `Look up a code (search starts from ${query})` : 'Look up a code',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Look up a code', command: COMMANDS.lookup, arguments: [{ query }] },
      });
    }
    if (seenRules.has(ruleId)) continue;
    seenRules.add(ruleId);
    trailing.push(disableAction(uri, diagnostic, ruleId, options), {
      title: `About ${ruleId}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: `About ${ruleId}`, command: COMMANDS.aboutRule, arguments: [{ ruleId }] },
    });
  }
  return actions.concat(trailing);
}

function disableAction(uri: string, diagnostic: Diagnostic, ruleId: string, options: CodeActionOptions): CodeAction {
  const title = `Disable ${ruleId} in this file`;
  if (options.kind === 'note') {
    // a comment line at the top of the note, honoured by the editor and by hcpcs-check
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${disableComment([ruleId], options.languageId)}\n` }] } },
    };
  }
  // a claim file has no comment syntax (text outside segments is rejected): the client records it in .hcpcs/rules-off.json
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: COMMANDS.disableInClaimFile, arguments: [{ uri, ruleId }] } };
}
