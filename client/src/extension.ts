import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

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
  icd10Release: string;
  problems?: number;
  uri?: string;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('HCPCS Language Server', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: CLAIM_AND_NOTE_SELECTOR,
    outputChannel: output,
    // Guide hovers link to other codes' guides through this one command; nothing else runs from hover text.
    markdown: { isTrusted: { enabledCommands: ['hcpcs.lookupCode'] }, supportHtml: false },
    synchronize: {
      configurationSection: 'hcpcs',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.hcpcs/guides/*.json'),
    },
    initializationOptions: {
      // A release the user imported with "HCPCS: Import a newer CMS release" lives in global storage.
      userDataDir: context.globalStorageUri.fsPath,
    },
  };
  client = new LanguageClient('hcpcs', 'HCPCS Language Server', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'HCPCS code set';
  status.command = 'hcpcs.lookupCode';
  status.text = '$(book) HCPCS';
  status.tooltip = 'HCPCS code set in use (click to look up a code)';
  status.show();
  context.subscriptions.push(status);

  let lastStatus: ServerStatus | undefined;
  const renderStatus = () => {
    if (!lastStatus) return;
    const editor = vscode.window.activeTextEditor;
    const isClaim = editor?.document.languageId === 'x12';
    let problems = '';
    if (isClaim && editor) {
      const count = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'hcpcs').length;
      problems = count === 0 ? ' $(check)' : ` $(warning) ${count}`;
    }
    status.text = `$(book) HCPCS ${lastStatus.hcpcsRelease}${problems}`;
    status.tooltip = `HCPCS Level II release ${lastStatus.hcpcsRelease}, ICD-10-CM ${lastStatus.icd10Release}. Click to look up a code.`;
  };
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(renderStatus),
    vscode.languages.onDidChangeDiagnostics(renderStatus),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand('hcpcs.lookupCode', (arg?: string | { code?: string }) => lookupCode(arg)),
    vscode.commands.registerCommand('hcpcs.importRelease', () => importRelease(context)),
    vscode.commands.registerCommand('hcpcs.formatClaim', () => formatClaim(false)),
    vscode.commands.registerCommand('hcpcs.formatClaimSingleLine', () => formatClaim(true)),
    vscode.commands.registerCommand('hcpcs.showClaimOutline', () => vscode.commands.executeCommand('outline.focus')),
  );

  await client.start();
  client.onNotification('hcpcs/status', (s: ServerStatus) => {
    lastStatus = s;
    renderStatus();
  });
  const initial = await client.sendRequest<ServerStatus>('hcpcs/status');
  lastStatus = initial;
  renderStatus();
}

interface LookupItem extends vscode.QuickPickItem {
  code: string;
}

async function lookupCode(arg?: string | { code?: string }): Promise<void> {
  if (!client) return;
  let code = typeof arg === 'string' ? arg : arg?.code;
  if (!code) {
    const pick = vscode.window.createQuickPick<LookupItem>();
    pick.placeholder = 'Type a HCPCS code or words of its descriptor (e.g. "samarium")';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.onDidChangeValue(async (value) => {
      if (value.trim().length < 2) return;
      pick.busy = true;
      const items = await client!.sendRequest<{ code: string; label: string; detail: string }[]>('hcpcs/search', { query: value });
      pick.items = items.map((i) => ({ label: i.code, description: i.label, detail: i.detail, code: i.code, alwaysShow: true }));
      pick.busy = false;
    });
    code = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.code);
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
  }
  if (!code) return;
  const markdown = await client.sendRequest<string | null>('hcpcs/guideDocument', { code });
  if (!markdown) {
    void vscode.window.showWarningMessage(`${code} is not in the HCPCS code set in use.`);
    return;
  }
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
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
    targetDir: context.globalStorageUri.fsPath,
  });
  if (result.ok) void vscode.window.showInformationMessage(result.message);
  else void vscode.window.showErrorMessage(result.message);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
