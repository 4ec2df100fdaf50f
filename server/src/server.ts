/**
 * LSP wiring only: capabilities, document sync, and handlers that call the language service. Every handler
 * goes through `guard`, which honours cancellation and turns an exception into a log line (the error's kind
 * and message, never document text) plus an empty answer, so one bad request never takes the server down.
 */
import {
  type CancellationToken,
  type Connection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CoalescedDocuments } from './coalescedDocuments';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { listedProblems } from './listedProblems';
import { pathToUri, uriToPath } from './node/paths';
import { guideFileDiagnostics } from './features/guideDiagnostics';
import { parseSettings, type Settings, defaultSettings } from './core/settings';
import { createLanguageService, type LanguageService, ValidationCancelled } from './service';
import { loadEnvironment, type Environment } from './node/environment';
import { isNoteFile } from './guides/noteFiles';
import { rulesOffFor } from './guides/rulesOff';
import { searchCodes, guideDocument, lookupDocument, ruleDocument } from './features/lookup';
import { allRules } from './rules/registry';
import { importReleaseInto, removeImportedRelease } from './node/importRelease';
import { coverageSummary } from './codeset/codeset';
import { warmUpByChecking } from './warmUpByChecking';

export interface ServerOptions {
  /** Folder holding manifest.json and the code tables. */
  dataDir: string;
  /** How many didChange notifications the connection has received so far (read before they are handled). */
  receivedChanges?: () => number;
  /** How many hover / completion requests it has received so far (the same way). */
  receivedRequests?: () => number;
  /** Resolves once what was written to the client has left the process (stdio: stdout drained). */
  written?: () => Promise<void>;
}

/** Validations slower than this are logged (size and time only), so slow files can be reported. */
const SLOW_VALIDATION_MS = 250;
/** A long check tells the client how far it got at most this often (hcpcs/status 'checking' with checked/total). */
const PROGRESS_EVERY_MS = 250;
/** Quiet time (no change, no check) before the server checks its own warm-up claims (warmUpByChecking.ts). */
const IDLE_CHECK_WARM_UP_MS = 300;
/** Quiet time after that before the search indexes are built. */
const IDLE_WARM_UP_MS = 1000;

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new CoalescedDocuments();
  let service: LanguageService | undefined;
  let environment: Environment | undefined;
  let settings: Settings = defaultSettings;
  let hasConfigurationCapability = false;
  let snippetEdits = false;
  let workspaceFolders: string[] = [];
  let userDataDir: string | undefined;
  const reportedSettingProblems = new Set<string>();
  let reportedGuideUris = new Set<string>();
  let handledChanges = 0;
  let handledRequests = 0;
  /** When the newest version of each document arrived (for the slow-check log line). */
  const arrivedAt = new Map<string, { version: number; at: number }>();
  /** When each document's check last reported its progress. */
  const progressSentAt = new Map<string, number>();
  /** The client pulls diagnostics (textDocument/diagnostic, VS Code does); others get them pushed. */
  let pullDiagnostics = false;
  let diagnosticsRefresh = false;
  /** Documents whose last pull was answered with a partial answer: a refresh follows their complete one. */
  const awaitingCompleteAnswer = new Set<string>();
  /** How many problems a file the client lists (initializationOptions.maxProblemsPerFile; VS Code: 1,000). */
  let maxProblemsPerFile: number | undefined;
  /** The client's limit on folding ranges (VS Code: 5000). */
  let foldingRangeLimit: number | undefined;
  const log = (message: string) => connection.console.log(message);
  let warmedUp = false;
  let checksWarmedUp = false;
  let warmUpTimer: NodeJS.Timeout | undefined;
  /**
   * After `delay` ms without a change or a check (re-armed by each): first checks the server's own warm-up claims
   * (what a first check builds on first use), then, after another quiet spell, builds the code set's search indexes.
   */
  function warmUpWhenIdle(delay: number): void {
    if (warmedUp) return;
    if (warmUpTimer) clearTimeout(warmUpTimer);
    warmUpTimer = setTimeout(() => {
      if (warmedUp || !environment || !service) return;
      if (scheduler.busy()) return warmUpWhenIdle(delay);
      if (!checksWarmedUp) {
        checksWarmedUp = true;
        const svc = service;
        guard('warm-up', undefined, undefined, () => warmUpByChecking(svc, settings));
        return warmUpWhenIdle(IDLE_WARM_UP_MS);
      }
      warmedUp = true;
      environment.codeSet.warmUp?.();
    }, checksWarmedUp ? delay : Math.min(delay, IDLE_CHECK_WARM_UP_MS));
    warmUpTimer.unref();
  }

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
      // a table read when a claim first needs it (an implementation guide, another ICD-10-CM year, the ASP quarter)
      onProblem: (problem) => {
        connection.console.error(problem);
        void connection.window.showWarningMessage(`HCPCS: ${problem.split('\n')[0]}. Files that need this table are checked without it; the "HCPCS Language Server" output names the file and field.`);
      },
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
      `code set HCPCS ${environment.codeSet.hcpcsRelease}${environment.hcpcsSource === 'imported' ? ' imported into your storage ("HCPCS: Use the bundled code set" goes back)' : ''} (${environment.codeSet.procedureCount} codes, ` +
        `${environment.codeSet.modifierCount} modifiers), ICD-10-CM ${environment.codeSet.icd10Release}, ` +
        `${environment.guides.all().length} guides, loaded in ${Date.now() - started} ms`,
    );
    void connection.sendNotification('hcpcs/status', statusOf());
    // Build the search indexes when the server is idle, so completion never waits on them and they never delay
    // the first diagnostics (building them takes a few hundred ms).
    warmedUp = false;
    checksWarmedUp = false;
    warmUpWhenIdle(IDLE_WARM_UP_MS);
  }

  function statusOf(uri?: string) {
    return {
      hcpcsRelease: environment?.codeSet.hcpcsRelease ?? 'not loaded',
      hcpcsSource: environment?.hcpcsSource ?? 'bundled',
      icd10Release: environment?.codeSet.icd10Release ?? 'not loaded',
      coverage: environment ? coverageSummary(environment.codeSet) : undefined,
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

  const scheduler = new DiagnosticsScheduler({
    document: (uri) => documents.get(uri),
    version: (uri) => documents.version(uri),
    incomingChanges: () => (options.receivedChanges ? options.receivedChanges() - handledChanges : 0),
    incomingRequests: () => (options.receivedRequests ? options.receivedRequests() - handledRequests : 0),
    check(document, stop, partial) {
      if (!service) return [];
      const svc = service;
      const started = performance.now();
      const token = { get isCancellationRequested() { return stop(); } };
      let cancelled = false;
      let known: Diagnostic[] | undefined;
      const diagnostics = guard('validate', [] as Diagnostic[], undefined, () => {
        try {
          return svc.validate(document, settings, {
            token,
            partial,
            isNote: isNoteFile(uriToPath(document.uri), settings.notes.include, workspaceFolders),
            disabledRules: rulesOffFor(uriToPath(document.uri), environment?.rulesOff ?? []),
          });
        } catch (err) {
          if (!(err instanceof ValidationCancelled)) throw err;
          cancelled = true;
          known = err.partial;
          // a file never looks finished while it is not: "checking: 40% of 18,164 claims"
          const now = performance.now();
          if (err.total > 0 && now - (progressSentAt.get(document.uri) ?? arrivedAt.get(document.uri)?.at ?? 0) >= PROGRESS_EVERY_MS) {
            progressSentAt.set(document.uri, now);
            void connection.sendNotification('hcpcs/status', { ...statusOf(document.uri), state: 'checking', checked: err.checked, total: err.total });
          }
          return [];
        }
      });
      if (cancelled) return known ? { partial: known } : undefined;
      if (diagnostics instanceof ResponseError) return undefined;
      // from the arrival of the version (didOpen / didChange) to its result, slices and waits included
      const arrived = arrivedAt.get(document.uri);
      const elapsed = performance.now() - (arrived?.version === document.version ? arrived.at : started);
      // Sizes and timings only: never the document's name or text (file names can carry patient names).
      if (elapsed > SLOW_VALIDATION_MS) {
        log(`checked a ${(document.getText().length / 1024 / 1024).toFixed(1)} MB document ${elapsed.toFixed(0)} ms after it arrived: ${diagnostics.length} problems`);
      }
      return diagnostics;
    },
    checked(document, diagnostics) {
      warmUpWhenIdle(IDLE_WARM_UP_MS);
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: listedProblems(diagnostics, maxProblemsPerFile) });
      // the full counts: VS Code keeps at most 1,000 problems a file, so its own count stops there
      let errors = 0;
      let warnings = 0;
      for (const d of diagnostics) if (d.severity === 1) errors++; else if (d.severity === 2) warnings++;
      void connection.sendNotification('hcpcs/status', { ...statusOf(document.uri), state: 'checked', problems: diagnostics.length, errors, warnings });
      // a pulling client holds a partial answer: ask it to pull the complete one
      if (pullDiagnostics && awaitingCompleteAnswer.delete(document.uri)) void connection.languages.diagnostics.refresh().then(undefined, () => undefined);
    },
    partial(document, diagnostics) {
      // pushing clients get it now; pulling ones when they pull (see the diagnostic handler)
      if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: listedProblems(diagnostics, maxProblemsPerFile) });
    },
  });

  /** Every open document checked again (settings, guides or code set changed); pulling clients are asked to pull. */
  function recheckAll(): void {
    scheduler.changedAll(documents.uris());
    if (pullDiagnostics && diagnosticsRefresh) void connection.languages.diagnostics.refresh().then(undefined, () => undefined);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    snippetEdits = !!params.capabilities.workspace?.workspaceEdit?.snippetEditSupport;
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    diagnosticsRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    const limit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
    foldingRangeLimit = typeof limit === 'number' && limit > 0 ? limit : undefined;
    workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
    const init = (params.initializationOptions ?? {}) as { userDataDir?: string; settings?: unknown; maxProblemsPerFile?: unknown };
    userDataDir = typeof init.userDataDir === 'string' ? init.userDataDir : undefined;
    const max = init.maxProblemsPerFile;
    maxProblemsPerFile = typeof max === 'number' && Number.isInteger(max) && max > 0 ? max : undefined;
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
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'hcpcs-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'hcpcs' });
    }
    void refreshSettings().then(recheckAll);
  });

  connection.onDidChangeConfiguration((change) => {
    const raw = (change.settings as { hcpcs?: unknown } | undefined)?.hcpcs;
    void refreshSettings(raw).then(recheckAll);
  });

  connection.onDidChangeWatchedFiles(() => {
    // A workspace guide changed: reload guides and re-check open documents.
    reloadEnvironment();
    recheckAll();
  });

  // Document sync: changes are queued (coalescedDocuments.ts) and the newest version is checked when the
  // connection has no further change waiting (diagnosticsScheduler.ts).
  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    documents.open(d.uri, d.languageId, d.version, d.text);
    arrivedAt.set(d.uri, { version: d.version, at: performance.now() });
    void connection.sendNotification('hcpcs/status', { ...statusOf(d.uri), state: 'checking' });
    scheduler.changed(d.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    handledChanges++;
    const version = textDocument.version ?? (documents.version(textDocument.uri) ?? 0) + 1;
    if (documents.change(textDocument.uri, version, contentChanges)) {
      arrivedAt.set(textDocument.uri, { version, at: performance.now() });
      scheduler.changed(textDocument.uri);
    }
    scheduler.drained();
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    if (!documents.close(textDocument.uri)) return;
    arrivedAt.delete(textDocument.uri);
    scheduler.closed(textDocument.uri);
    awaitingCompleteAnswer.delete(textDocument.uri);
    service?.forget(textDocument.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  function withDocument<T>(name: string, uri: string, empty: T, token: CancellationToken, run: (doc: TextDocument, svc: LanguageService) => T) {
    const document = documents.get(uri);
    // A request about a document the client never opened is the client's error: say so, stay up.
    if (!document) return new ResponseError<void>(ErrorCodes.InvalidParams, 'document is not open');
    if (!service) return empty;
    const svc = service;
    return guard(name, empty, token, () => run(document, svc));
  }

  /**
   * A structure request (outline, folding, inlay hints, code actions): answered after the diagnostics of the
   * document's newest version are out. Cancelled meanwhile: RequestCancelled; the document changed meanwhile:
   * ContentModified (the editor asks again for the new version), so a stale request costs nothing.
   */
  async function afterDiagnostics<T>(name: string, uri: string, empty: T, token: CancellationToken, run: (doc: TextDocument, svc: LanguageService) => T) {
    const version = documents.version(uri);
    if (version === undefined) return new ResponseError<void>(ErrorCodes.InvalidParams, 'document is not open');
    await scheduler.whenChecked(uri);
    // the diagnostics answer (1 MB for 2,000 problems) goes out first: computing an outline while it sits in the
    // pipe's buffer would hold it back (edit -> diagnostics, protocol bench)
    if (options.written) {
      await new Promise((resolve) => setImmediate(resolve));
      await options.written();
    }
    if (token.isCancellationRequested) return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (documents.version(uri) !== version) return new ResponseError<void>(LSPErrorCodes.ContentModified, 'the document changed');
    return withDocument(name, uri, empty, token, run);
  }

  connection.onHover((p, token) => {
    handledRequests++;
    return withDocument('hover', p.textDocument.uri, null, token, (d, s) => s.hover(d, p.position, settings));
  });
  connection.onCompletion((p, token) => {
    handledRequests++;
    return withDocument('completion', p.textDocument.uri, { isIncomplete: false, items: [] }, token, (d, s) => s.complete(d, p.position, settings));
  });
  connection.onCodeAction((p, token) =>
    afterDiagnostics('codeAction', p.textDocument.uri, [], token, (d, s) => s.codeActions(d, p.range, p.context.diagnostics, p.context.only, { snippets: snippetEdits })),
  );
  connection.onDocumentSymbol((p, token) => afterDiagnostics('documentSymbol', p.textDocument.uri, [], token, (d, s) => s.documentSymbols(d)));
  connection.onFoldingRanges((p, token) =>
    afterDiagnostics('foldingRange', p.textDocument.uri, [], token, (d, s) => s.foldingRanges(d, foldingRangeLimit)),
  );
  connection.languages.inlayHint.on((p, token) =>
    afterDiagnostics('inlayHint', p.textDocument.uri, [], token, (d, s) => s.inlayHints(d, p.range, settings)),
  );
  connection.onDocumentFormatting((p, token) =>
    withDocument('formatting', p.textDocument.uri, [], token, (d, s) => s.format(d, p.options)),
  );

  // Pull diagnostics: the answer for the newest version, once it is checked ("unchanged" when the client has it).
  // A long first check is answered with what it knows so far when the client can be asked to pull again
  // (workspace/diagnostic/refresh, sent when the check is complete).
  connection.languages.diagnostics.on(async (p, token) => {
    const uri = p.textDocument.uri;
    if (!documents.has(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await (diagnosticsRefresh ? scheduler.whenAnswerable(uri) : scheduler.whenChecked(uri));
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const ready = scheduler.ready(uri);
    const partial = !ready && diagnosticsRefresh ? scheduler.partialOf(uri) : undefined;
    if (partial) {
      awaitingCompleteAnswer.add(uri);
      const partialId = `partial-${partial.version}`;
      if (p.previousResultId === partialId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: partialId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId: partialId, items: listedProblems(partial.diagnostics, maxProblemsPerFile) };
    }
    if (!ready) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    const resultId = String(scheduler.generation(uri));
    if (p.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: listedProblems(ready.diagnostics, maxProblemsPerFile) };
  });

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
  // Writes only into the extension's own storage (initializationOptions.userDataDir), never a folder the request
  // names: a request with a targetDir could make the server write tables anywhere (issue 15 item 10).
  connection.onRequest('hcpcs/importRelease', async (p: { file?: string }) => {
    if (!userDataDir) return { ok: false, message: 'HCPCS import failed: the client gave no storage folder for imported releases (initializationOptions.userDataDir).' };
    const result = await importReleaseInto(String(p?.file ?? ''), userDataDir, options.dataDir);
    if (result.ok) {
      reloadEnvironment();
      recheckAll();
    }
    return result;
  });

  // "HCPCS: Use the bundled code set": the imported release leaves the storage and the bundled one is used.
  connection.onRequest('hcpcs/useBundledRelease', () => {
    const result = userDataDir ? removeImportedRelease(userDataDir) : { ok: true, message: 'The bundled code set is already in use.' };
    if (result.ok) {
      reloadEnvironment();
      recheckAll();
    }
    return result;
  });

  connection.listen();
}
