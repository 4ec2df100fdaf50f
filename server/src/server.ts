/**
 * LSP wiring only: capabilities, document sync, and handlers that call the language service. Every handler
 * goes through `guard`, which honours cancellation and turns an exception into a log line (the error's kind
 * and message, never document text) plus an empty answer, so one bad request never takes the server down.
 */
import {
  type CancellationToken,
  type Connection,
  DidChangeConfigurationNotification,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToUri, uriToPath } from './node/paths';
import { guideFileDiagnostics } from './features/guideDiagnostics';
import { parseSettings, type Settings, defaultSettings } from './core/settings';
import { createLanguageService, type LanguageService } from './service';
import { loadEnvironment, type Environment } from './node/environment';
import { isNoteFile } from './guides/noteFiles';
import { rulesOffFor } from './guides/rulesOff';
import { searchCodes, guideDocument, lookupDocument, ruleDocument } from './features/lookup';
import { allRules } from './rules/registry';
import { importReleaseInto } from './node/importRelease';

export interface ServerOptions {
  /** Folder holding manifest.json and the code tables. */
  dataDir: string;
}

const VALIDATION_DELAY_MS = 150;
/** Validations slower than this are logged (size and time only), so slow files can be reported. */
const SLOW_VALIDATION_MS = 250;

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let service: LanguageService | undefined;
  let environment: Environment | undefined;
  let settings: Settings = defaultSettings;
  let hasConfigurationCapability = false;
  let snippetEdits = false;
  let workspaceFolders: string[] = [];
  let userDataDir: string | undefined;
  const reportedSettingProblems = new Set<string>();
  let reportedGuideUris = new Set<string>();
  const pending = new Map<string, NodeJS.Timeout>();
  const log = (message: string) => connection.console.log(message);

  function guard<T>(name: string, empty: T, token: CancellationToken | undefined, run: () => T): T | ResponseError<void> {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      return run();
    } catch (err) {
      const e = err as Error;
      connection.console.error(`${name} failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`);
      return empty;
    }
  }

  function reloadEnvironment(): void {
    const started = Date.now();
    environment = loadEnvironment({
      dataDir: options.dataDir,
      userDataDir,
      workspaceFolders,
      cptDescriptorFile: settings.cptDescriptorFile,
    });
    service = createLanguageService({ codeSet: environment.codeSet, guides: environment.guides });
    for (const problem of environment.problems) connection.console.error(problem);
    if (environment.codeSet.hcpcsRelease === 'none') {
      void connection.window.showErrorMessage('HCPCS: the code tables could not be loaded, so codes cannot be looked up. The "HCPCS Language Server" output names the file and field.');
    }
    const guideUris = new Set<string>();
    for (const file of environment.guideFiles) {
      const uri = pathToUri(file.uri);
      guideUris.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: guideFileDiagnostics(file.text, file.diagnostics) });
    }
    // A guide file that was fixed or deleted loses its old diagnostics.
    for (const uri of reportedGuideUris) if (!guideUris.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    reportedGuideUris = guideUris;
    log(
      `code set HCPCS ${environment.codeSet.hcpcsRelease} (${environment.codeSet.allProcedures().length} codes, ` +
        `${environment.codeSet.allModifiers().length} modifiers), ICD-10-CM ${environment.codeSet.icd10Release}, ` +
        `${environment.guides.all().length} guides, loaded in ${Date.now() - started} ms`,
    );
    void connection.sendNotification('hcpcs/status', statusOf());
    // Build the search indexes once the first requests are answered, so completion never waits on them.
    const loaded = environment.codeSet;
    setTimeout(() => loaded.warmUp?.(), 300).unref();
  }

  function statusOf(uri?: string) {
    return {
      hcpcsRelease: environment?.codeSet.hcpcsRelease ?? 'not loaded',
      icd10Release: environment?.codeSet.icd10Release ?? 'not loaded',
      uri,
    };
  }

  async function refreshSettings(raw?: unknown): Promise<void> {
    let section = raw;
    if (hasConfigurationCapability) {
      section = await connection.workspace.getConfiguration('hcpcs').then(undefined, () => undefined);
    } else if (section === undefined) {
      return; // a client without workspace/configuration keeps the settings it gave in initializationOptions
    }
    const result = parseSettings(section);
    for (const problem of result.problems) {
      if (reportedSettingProblems.has(problem)) continue;
      reportedSettingProblems.add(problem);
      connection.console.warn(`setting ignored: ${problem}`);
      void connection.window.showWarningMessage(`HCPCS: ${problem}`);
    }
    const cptChanged = result.settings.cptDescriptorFile !== settings.cptDescriptorFile;
    settings = result.settings;
    if (cptChanged && service) reloadEnvironment();
  }

  function validateNow(document: TextDocument): void {
    if (!service) return;
    const svc = service;
    const started = performance.now();
    const diagnostics = guard('validate', [], undefined, () =>
      svc.validate(document, settings, {
        isNote: isNoteFile(uriToPath(document.uri), settings.notes.include, workspaceFolders),
        disabledRules: rulesOffFor(uriToPath(document.uri), environment?.rulesOff ?? []),
      }),
    );
    if (diagnostics instanceof ResponseError) return;
    const elapsed = performance.now() - started;
    // Sizes and timings only: never the document's name or text (file names can carry patient names).
    if (elapsed > SLOW_VALIDATION_MS) {
      log(`checked a ${(document.getText().length / 1024 / 1024).toFixed(1)} MB document in ${elapsed.toFixed(0)} ms: ${diagnostics.length} problems`);
    }
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    void connection.sendNotification('hcpcs/status', { ...statusOf(document.uri), problems: diagnostics.length });
  }

  function scheduleValidation(document: TextDocument, delay = VALIDATION_DELAY_MS): void {
    const previous = pending.get(document.uri);
    if (previous) clearTimeout(previous);
    pending.set(
      document.uri,
      setTimeout(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) validateNow(current);
      }, delay),
    );
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    snippetEdits = !!params.capabilities.workspace?.workspaceEdit?.snippetEditSupport;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
    const init = (params.initializationOptions ?? {}) as { userDataDir?: string; settings?: unknown };
    userDataDir = typeof init.userDataDir === 'string' ? init.userDataDir : undefined;
    if (init.settings !== undefined) settings = parseSettings(init.settings).settings;
    reloadEnvironment();
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', '-', '>', '^', '*', '|'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        inlayHintProvider: true,
      },
      serverInfo: { name: 'hcpcs-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'hcpcs' });
    }
    void refreshSettings().then(() => documents.all().forEach((d) => scheduleValidation(d, 0)));
  });

  connection.onDidChangeConfiguration((change) => {
    const raw = (change.settings as { hcpcs?: unknown } | undefined)?.hcpcs;
    void refreshSettings(raw).then(() => documents.all().forEach((d) => scheduleValidation(d, 0)));
  });

  connection.onDidChangeWatchedFiles(() => {
    // A workspace guide changed: reload guides and re-check open documents.
    reloadEnvironment();
    documents.all().forEach((d) => scheduleValidation(d, 0));
  });

  documents.onDidOpen((e) => scheduleValidation(e.document, 0));
  documents.onDidChangeContent((e) => scheduleValidation(e.document));
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(e.document.uri);
    service?.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function withDocument<T>(name: string, uri: string, empty: T, token: CancellationToken, run: (doc: TextDocument, svc: LanguageService) => T) {
    const document = documents.get(uri);
    // A request about a document the client never opened is the client's error: say so, stay up.
    if (!document) return new ResponseError<void>(ErrorCodes.InvalidParams, 'document is not open');
    if (!service) return empty;
    const svc = service;
    return guard(name, empty, token, () => run(document, svc));
  }

  connection.onHover((p, token) => withDocument('hover', p.textDocument.uri, null, token, (d, s) => s.hover(d, p.position, settings)));
  connection.onCompletion((p, token) =>
    withDocument('completion', p.textDocument.uri, { isIncomplete: false, items: [] }, token, (d, s) => s.complete(d, p.position, settings)),
  );
  connection.onCodeAction((p, token) =>
    withDocument('codeAction', p.textDocument.uri, [], token, (d, s) => s.codeActions(d, p.range, p.context.diagnostics, p.context.only, { snippets: snippetEdits })),
  );
  connection.onDocumentSymbol((p, token) => withDocument('documentSymbol', p.textDocument.uri, [], token, (d, s) => s.documentSymbols(d)));
  connection.onFoldingRanges((p, token) => withDocument('foldingRange', p.textDocument.uri, [], token, (d, s) => s.foldingRanges(d)));
  connection.languages.inlayHint.on((p, token) =>
    withDocument('inlayHint', p.textDocument.uri, [], token, (d, s) => s.inlayHints(d, p.range, settings)),
  );
  connection.onDocumentFormatting((p, token) =>
    withDocument('formatting', p.textDocument.uri, [], token, (d, s) => s.format(d, p.options)),
  );

  connection.onRequest('hcpcs/status', () => statusOf());
  connection.onRequest('hcpcs/format', (p: { uri?: string; singleLine?: boolean }, token) =>
    withDocument('format', String(p?.uri ?? ''), [], token, (d, s) => s.format(d, { tabSize: 2, insertSpaces: true, singleLine: !!p?.singleLine })),
  );
  connection.onRequest('hcpcs/search', (p: { query?: string }, token) =>
    service ? guard('search', [], token, () => searchCodes(service!.codeSet, String(p?.query ?? ''), 50)) : [],
  );
  connection.onRequest('hcpcs/guideDocument', (p: { code?: string }, token) =>
    service ? guard('guideDocument', null, token, () => guideDocument(service!.codeSet, service!.guides, String(p?.code ?? ''))) : null,
  );
  connection.onRequest('hcpcs/lookupDocument', (p: { query?: string }, token) =>
    service ? guard('lookupDocument', null, token, () => lookupDocument(service!.codeSet, service!.guides, String(p?.query ?? ''))) : null,
  );
  connection.onRequest('hcpcs/ruleDocument', (p: { ruleId?: string }, token) =>
    guard('ruleDocument', null, token, () => ruleDocument(allRules, String(p?.ruleId ?? ''))),
  );
  connection.onRequest('hcpcs/importRelease', async (p: { file?: string; targetDir?: string }) => {
    const result = await importReleaseInto(String(p?.file ?? ''), String(p?.targetDir ?? userDataDir ?? ''), options.dataDir);
    if (result.ok) {
      userDataDir = String(p?.targetDir ?? userDataDir);
      reloadEnvironment();
      documents.all().forEach((d) => scheduleValidation(d, 0));
    }
    return result;
  });

  documents.listen(connection);
  connection.listen();
}
