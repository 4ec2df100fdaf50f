import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { serverEnvironment } from './serverEnvironment';

/**
 * The extension client: starts the language server, says which documents it serves, and adds the commands
 * and the status bar item. All knowledge lives in the server; this file only wires VS Code to it.
 */
let client: LanguageClient | undefined;

const CLAIM_AND_NOTE_SELECTOR = [
  { scheme: 'file', language: 'x12' },
  { scheme: 'untitled', language: 'x12' },
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

interface ServerStatus {
  hcpcsRelease: string;
  /** 'imported': a release the user imported into the extension's storage is in use. */
  hcpcsSource?: 'bundled' | 'imported';
  icd10Release: string;
  /** The releases and the dates of service they cover. */
  coverage?: string;
  problems?: number;
  /** While a long check runs: the claims checked so far, of `total`. */
  checked?: number;
  total?: number;
  /** Of `problems`, the errors and the warnings (the server's full counts: VS Code lists at most 1,000 a file). */
  errors?: number;
  warnings?: number;
  uri?: string;
  /** 'checking': the document at `uri` has no result yet; 'checked': its diagnostics are out. */
  state?: 'checking' | 'checked';
}

/** Claim files of at least this many lines are big enough to log their arrival (sizes only). */
const BIG_FILE_LINES = 100_000;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('HCPCS Language Server', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvironment() } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvironment(), execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: CLAIM_AND_NOTE_SELECTOR,
    outputChannel: output,
    // Guide hovers link to other codes' guides through this one command; nothing else runs from hover text.
    markdown: { isTrusted: { enabledCommands: ['hcpcs.lookupCode'] }, supportHtml: false },
    synchronize: {
      configurationSection: 'hcpcs',
      // workspace guides and the claim files' rules-off list
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.hcpcs/{guides/*.json,rules-off.json}'),
    },
    initializationOptions: {
      // A release the user imported with "HCPCS: Import a newer CMS release" lives in global storage.
      userDataDir: context.globalStorageUri.fsPath,
      // VS Code lists at most 1,000 problems a file: the server sends no more (the status item gives the full count)
      maxProblemsPerFile: 1000,
    },
  };
  client = new LanguageClient('hcpcs', 'HCPCS Language Server', serverOptions, clientOptions);
  // When the editor hands a big claim file to the extension (its line count only, never a name or text): the log's
  // time beside the server's "checked ... after it arrived" tells the editor's share of opening it from the server's.
  const logBig = (d: vscode.TextDocument, when: string) => {
    if (d.languageId === 'x12' && d.lineCount >= BIG_FILE_LINES) output.info(`a claim file of ${d.lineCount.toLocaleString('en-US')} lines ${when}`);
  };
  for (const d of vscode.workspace.textDocuments) logBig(d, 'was open when the extension started');
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => logBig(d, 'reached the extension')));

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'HCPCS code set';
  status.command = 'hcpcs.lookupCode';
  // until the server answers: a file must never look clean while it is not checked yet
  status.text = '$(sync~spin) HCPCS: loading code set';
  status.tooltip = 'The HCPCS language server is starting and loading the code set';
  status.show();
  context.subscriptions.push(status);

  // This file's problems, errors and warnings apart; a click lists them (a second item, so the code-set item stays
  // the look-up and its own state).
  const problemsItem = vscode.window.createStatusBarItem('hcpcs.problems', vscode.StatusBarAlignment.Right, 99);
  problemsItem.name = 'HCPCS problems in this file';
  problemsItem.command = 'hcpcs.showFileProblems';
  context.subscriptions.push(problemsItem);

  let lastStatus: ServerStatus | undefined;
  /** Documents opened but not checked yet (from the server's hcpcs/status). */
  const checking = new Set<string>();
  /** The server's counts of each checked document (VS Code keeps at most 1,000 problems a file). */
  const counted = new Map<string, ServerStatus>();
  /** How far the check of each document being checked got. */
  const progress = new Map<string, ServerStatus>();
  const renderStatus = () => {
    if (!lastStatus) return;
    const editor = vscode.window.activeTextEditor;
    if (editor && checking.has(editor.document.uri.toString())) {
      const p = progress.get(editor.document.uri.toString());
      const n = (x: number) => x.toLocaleString('en-US');
      const part = p?.total ? `: ${Math.floor((100 * (p.checked ?? 0)) / p.total)}% of ${n(p.total)} claims` : ' this file';
      status.text = `$(sync~spin) HCPCS ${lastStatus.hcpcsRelease}: checking${part}`;
      status.tooltip = 'The HCPCS language server is checking this file: the problems shown so far are those of the claims checked so far; the count shows when it is done.';
      problemsItem.hide(); // no count (and never "no problems") before the first result
      return;
    }
    status.text = `$(book) HCPCS ${lastStatus.hcpcsRelease}`;
    status.tooltip =
      `${lastStatus.coverage ?? `HCPCS Level II release ${lastStatus.hcpcsRelease}, ICD-10-CM ${lastStatus.icd10Release}`}` +
      (lastStatus.hcpcsSource === 'imported' ? ' (imported; "HCPCS: Use the bundled code set" goes back)' : '') +
      '. Click to look up a code.';
    const mine = editor && client ? problemsOf(editor.document.uri) : [];
    const served = !!editor && (editor.document.languageId === 'x12' || mine.length > 0);
    if (!served) {
      problemsItem.hide();
      return;
    }
    // more problems than VS Code lists (it keeps 1,000 a file, the most severe first): the server's full counts
    const full = editor ? counted.get(editor.document.uri.toString()) : undefined;
    const capped = !!full && full.problems !== undefined && full.problems > mine.length;
    const total = capped ? full!.problems! : mine.length;
    const errors = capped ? (full!.errors ?? 0) : mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = capped ? (full!.warnings ?? 0) : mine.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const others = total - errors - warnings;
    const n = (x: number) => x.toLocaleString('en-US');
    problemsItem.text = total === 0 ? '$(check) no problems' : `$(error) ${n(errors)} $(warning) ${n(warnings)}${others ? ` $(info) ${n(others)}` : ''}`;
    problemsItem.tooltip = total === 0
      ? 'No billing or X12 problems found in this file'
      : `${n(errors)} error${errors === 1 ? '' : 's'}, ${n(warnings)} warning${warnings === 1 ? '' : 's'}${others ? `, ${n(others)} other` : ''} in this file` +
        (capped ? ` (${n(total)} problems; VS Code lists the first ${n(mine.length)}, the most severe first).` : '.') +
        ' Click to list them.';
    problemsItem.show();
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(renderStatus),
    vscode.languages.onDidChangeDiagnostics(renderStatus),
    vscode.commands.registerCommand('hcpcs.showFileProblems', () => showFileProblems()),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('hcpcs.lookupCode', (arg?: string | { code?: string; query?: string }) => lookupCode(arg)),
    vscode.commands.registerCommand('hcpcs.aboutRule', (arg?: { ruleId?: string }) => aboutRule(arg)),
    vscode.commands.registerCommand('hcpcs.disableRuleInFile', (arg?: { uri?: string; ruleId?: string }) => disableRuleInFile(arg)),
    vscode.commands.registerCommand('hcpcs.importRelease', () => importRelease(context)),
    vscode.commands.registerCommand('hcpcs.useBundledRelease', async () => {
      if (!client) return;
      const result = await client.sendRequest<{ ok: boolean; message: string }>('hcpcs/useBundledRelease');
      if (result.ok) void vscode.window.showInformationMessage(`HCPCS: ${result.message}`);
      else void vscode.window.showErrorMessage(`HCPCS: ${result.message}`);
    }),
    vscode.commands.registerCommand('hcpcs.formatClaim', () => formatClaim(false)),
    vscode.commands.registerCommand('hcpcs.formatClaimSingleLine', () => formatClaim(true)),
    vscode.commands.registerCommand('hcpcs.showClaimOutline', () => vscode.commands.executeCommand('outline.focus')),
  );

  client.onNotification('hcpcs/status', (s: ServerStatus) => {
    if (s.uri && s.state === 'checking') {
      checking.add(s.uri);
      if (s.total) progress.set(s.uri, s);
      else progress.delete(s.uri);
    } else if (s.uri && s.state === 'checked') {
      checking.delete(s.uri);
      progress.delete(s.uri);
      counted.set(s.uri, s);
    }
    lastStatus = s;
    renderStatus();
  });
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => (counted.delete(d.uri.toString()), checking.delete(d.uri.toString())) && renderStatus()));
  await client.start();
  const initial = await client.sendRequest<ServerStatus>('hcpcs/status');
  lastStatus = initial;
  renderStatus();
}

interface LookupItem extends vscode.QuickPickItem {
  code: string;
}

interface LookupDocument {
  title: string;
  markdown: string;
  found: boolean;
}

/**
 * The look-up view: one read-only webview tab, reused for every look-up and "About this rule", titled by the code.
 * No document behind it, so nothing to save and no second tab. Links in it run the look-up again (command URIs
 * limited to the two commands below); no scripts.
 */
let referencePanel: vscode.WebviewPanel | undefined;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function showReference(doc: LookupDocument): Promise<void> {
  let body: string;
  try {
    body = (await vscode.commands.executeCommand<string>('markdown.api.render', doc.markdown)) ?? '';
  } catch {
    body = '';
  }
  if (!body) body = `<pre>${escapeHtml(doc.markdown)}</pre>`;
  const title = `${doc.title} · HCPCS look-up`;
  if (!referencePanel) {
    referencePanel = vscode.window.createWebviewPanel(
      'hcpcs.reference',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { enableScripts: false, enableCommandUris: ['hcpcs.lookupCode', 'hcpcs.aboutRule'], localResourceRoots: [] },
    );
    referencePanel.onDidDispose(() => (referencePanel = undefined));
  }
  referencePanel.title = title;
  referencePanel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">
<style>body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);line-height:1.5;max-width:60em;padding:0 1em}
a{color:var(--vscode-textLink-foreground)}code{font-family:var(--vscode-editor-font-family)}blockquote{margin:0;padding:0 1em;border-left:3px solid var(--vscode-textBlockQuote-border)}
table{border-collapse:collapse}td,th{padding:2px 8px;border:1px solid var(--vscode-editorWidget-border)}</style>
<title>${escapeHtml(title)}</title></head><body class="hcpcs-reference" data-found="${doc.found}">${body}</body></html>`;
  referencePanel.reveal(undefined, false);
}

/** The code under the cursor (HC:A9604:JZ -> A9604, C79.51, JW), when the word there looks like one. */
function codeUnderCursor(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return '';
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, /[A-Za-z0-9][A-Za-z0-9.]*/);
  if (!range) return '';
  const word = editor.document.getText(range).replace(/\.$/, '').toUpperCase();
  return word.length <= 8 && (/\d/.test(word) || word.length === 2) ? word : '';
}

async function openLookup(query: string): Promise<void> {
  const doc = await client!.sendRequest<LookupDocument | null>('hcpcs/lookupDocument', { query });
  if (doc) await showReference(doc);
}

/**
 * "HCPCS: Look up code". A link in a hover or in the view passes the code: it opens at once. Otherwise a search
 * box, prefilled with the code under the cursor (or the code a quick fix names), takes HCPCS codes, modifiers,
 * ICD-10-CM codes with or without the dot, and words; it says "No match" when nothing matches.
 */
async function lookupCode(arg?: string | { code?: string; query?: string }): Promise<void> {
  if (!client) return;
  const direct = typeof arg === 'string' ? arg : arg?.code;
  if (direct) return openLookup(direct);
  const pick = vscode.window.createQuickPick<LookupItem>();
  pick.title = 'HCPCS look-up';
  pick.placeholder = 'A HCPCS code, modifier, ICD-10-CM code (C79.51) or words of a descriptor (e.g. "samarium")';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  let asked = 0;
  const search = async (value: string) => {
    const q = value.trim();
    const mine = ++asked;
    if (q.length < 2) {
      pick.items = [];
      return;
    }
    pick.busy = true;
    const items = await client!.sendRequest<{ code: string; label: string; detail: string; kind?: string }[]>('hcpcs/search', { query: q });
    if (mine !== asked) return; // an older answer arriving late
    pick.busy = false;
    pick.items = items.length
      ? items.map((i) => ({ label: i.code, description: i.kind === 'icd10' ? `ICD-10-CM · ${i.label}` : i.label, detail: i.detail, code: i.code, alwaysShow: true }))
      : [{ label: '$(search-stop) No match', description: `nothing in the code sets matches "${q}"`, code: q, alwaysShow: true }];
  };
  pick.onDidChangeValue((value) => void search(value));
  const initial = (typeof arg === 'object' && arg?.query) || codeUnderCursor();
  if (initial) {
    pick.value = initial;
    void search(initial);
  }
  const code = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.code ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (code) await openLookup(code);
}

/** "About this rule" from a quick fix: the rule's page in the look-up view. */
async function aboutRule(arg?: { ruleId?: string }): Promise<void> {
  if (!client || !arg?.ruleId) return;
  const doc = await client.sendRequest<LookupDocument | null>('hcpcs/ruleDocument', { ruleId: arg.ruleId });
  if (doc) await showReference(doc);
}

/**
 * "Disable this rule in this file" for a claim file, which has no comment syntax: the rule id goes into the
 * workspace folder's .hcpcs/rules-off.json under the file's path (hcpcs-check reads the same file).
 */
async function disableRuleInFile(arg?: { uri?: string; ruleId?: string }): Promise<void> {
  if (!arg?.uri || !arg.ruleId) return;
  const uri = vscode.Uri.parse(arg.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage(`HCPCS: open the folder that holds this claim file to switch ${arg.ruleId} off for it (the entry lives in .hcpcs/rules-off.json), or set it in hcpcs.rules.`);
    return;
  }
  const file = vscode.Uri.joinPath(folder.uri, '.hcpcs', 'rules-off.json');
  let entries: Record<string, string[]> = {};
  try {
    const parsed = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) entries = parsed as Record<string, string[]>;
  } catch {
    // no file yet (or not JSON: it is rewritten with this entry; the server named the problem in its output)
  }
  const key = path.posix.relative(folder.uri.path, uri.path);
  const ids = Array.isArray(entries[key]) ? entries[key] : [];
  if (!ids.includes(arg.ruleId)) ids.push(arg.ruleId);
  entries[key] = ids;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${JSON.stringify(entries, null, 2)}\n`));
  void vscode.window.showInformationMessage(`HCPCS: ${arg.ruleId} is off for ${key} (recorded in .hcpcs/rules-off.json; hcpcs-check honours it too).`);
}

interface ProblemItem extends vscode.QuickPickItem {
  range?: vscode.Range;
  panel?: boolean;
}

const SEVERITY_ICON: Record<number, string> = { 0: '$(error)', 1: '$(warning)', 2: '$(info)', 3: '$(light-bulb)' };

/** Rule-id families of this extension's findings (the diagnostic code of every problem it reports). */
const OUR_RULE = /^(hcpcs|x12|icd10|notes|guides)\//;

/**
 * This file's problems from the HCPCS server. Read from VS Code's diagnostics, not the client's push collection:
 * with pull diagnostics (what VS Code uses) that collection stays empty, and the status bar said "no problems" on a
 * file with three.
 */
function problemsOf(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => {
    const code = typeof d.code === 'object' ? d.code.value : d.code;
    return typeof code === 'string' && OUR_RULE.test(code);
  });
}

/** The status bar's click: this file's problems, errors first, each opening its place; the Problems panel last. */
async function showFileProblems(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return;
  const mine = [...problemsOf(editor.document.uri)].sort(
    (a, b) => (a.severity ?? 0) - (b.severity ?? 0) || a.range.start.compareTo(b.range.start),
  );
  const items: ProblemItem[] = mine.map((d) => ({
    label: `${SEVERITY_ICON[d.severity ?? 0] ?? ''} ${d.message.split(/(?<=[.!?])\s/)[0]}`,
    description: `line ${d.range.start.line + 1} · ${typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')}`,
    detail: d.message,
    range: d.range,
  }));
  items.push({ label: '$(list-flat) Open the Problems panel', panel: true });
  const picked = await vscode.window.showQuickPick(items, {
    title: `HCPCS: ${mine.length} problem${mine.length === 1 ? '' : 's'} in ${path.basename(editor.document.uri.path)}`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  if (picked.panel) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return;
  }
  if (picked.range) {
    editor.selection = new vscode.Selection(picked.range.start, picked.range.end);
    editor.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  }
}

/** One segment per line, or the whole file on one line (as many clearinghouses want it sent). */
async function formatClaim(singleLine: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'x12') return;
  const edits = await client.sendRequest<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]>(
    'hcpcs/format',
    { uri: editor.document.uri.toString(), singleLine },
  );
  if (!edits.length) return;
  await editor.edit((builder) => {
    for (const e of edits) {
      builder.replace(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
  });
}

async function importRelease(context: vscode.ExtensionContext): Promise<void> {
  if (!client) return;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Import HCPCS release',
    filters: { 'CMS HCPCS release': ['zip', 'txt', 'TXT'] },
  });
  if (!picked?.[0]) return;
  const result = await client.sendRequest<{ ok: boolean; message: string }>('hcpcs/importRelease', {
    file: picked[0].fsPath,
  });
  if (result.ok) void vscode.window.showInformationMessage(result.message);
  else void vscode.window.showErrorMessage(result.message);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
