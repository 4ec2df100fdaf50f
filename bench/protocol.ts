/**
 * The protocol benchmark: what an editor feels. Spawns the built server (dist/server/server.js --stdio) and replays
 * what VS Code sends for a claim file: didOpen, then at once documentSymbol, foldingRange (VS Code's rangeLimit
 * 5000), inlayHint for a screen and codeAction at the cursor; a one-character edit and the same requests again; a
 * burst of 20 keystrokes 50 ms apart with a hover in the middle of it; and 1,000 changes sent at once followed by a
 * hover (issue 15: they used to delay that hover by seconds and grow the server past 800 MB).
 *
 * The structure requests sent with the didOpen wait, by design, for the file's diagnostics (they are published first);
 * the same requests sent again, one after the other, once the diagnostics are out give what each costs by itself
 * ("settled").
 *
 * Every figure is the time from sending to the answer (diagnostics: from the didOpen / didChange to the
 * publishDiagnostics of that version, or to the answer of the pull request when the server offers pull
 * diagnostics, as VS Code then asks). `run.ts` divides each by x12-parser's parse of the same file in the same run.
 *
 *   node --expose-gc --import tsx bench/protocol.ts [file ...]   (alone, with x12-parser's parse of each file for the
 *   ratios; run.ts calls `protocolBench`)
 *   BENCH_GUIDE_RULES_OFF=1 ...   (the x12/ guide rules off through the settings: their cost as the editor feels it)
 *   BENCH_SETTINGS='{...}' ...    (other hcpcs settings for the server)
 */
import { spawn } from 'node:child_process';
import { serverEnvironment } from '../client/src/serverEnvironment';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { x12ParserMs } from './x12Parser';
import { conformanceRules } from '../server/src/rules/conformance';

const root = path.resolve(__dirname, '..');

/** The hcpcs settings the bench's client answers with (BENCH_SETTINGS, BENCH_GUIDE_RULES_OFF: see the configuration request). */
const benchSettings: { rules?: Record<string, string> } = JSON.parse(process.env.BENCH_SETTINGS ?? '{}');
if (process.env.BENCH_GUIDE_RULES_OFF) benchSettings.rules = { ...benchSettings.rules, ...Object.fromEntries(conformanceRules.map((r) => [r.id, 'off'])) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wait after initialized before opening the file. */
const SETTLE_MS = 2500;

export interface ProtocolFigures {
  /** didOpen -> first diagnostics (a long first check answers with the claims checked so far). */
  openToDiagnosticsMs: number;
  /** Whether that first answer was partial (the server then asks the client to pull again when it is complete). */
  openFirstAnswerPartial: boolean;
  /** Pull: whether the edit's answer was "unchanged" (the edit left the problems as they were) rather than full. */
  editAnswerUnchanged: boolean;
  /** didOpen -> the complete diagnostics (the same as the first answer when that was complete). */
  openToAllDiagnosticsMs: number;
  documentSymbolMs: number;
  documentSymbolCount: number;
  foldingRangeMs: number;
  foldingRangeCount: number;
  inlayHintMs: number;
  codeActionMs: number;
  /** The same four requests sent again once the diagnostics are out: what each costs by itself. */
  documentSymbolSettledMs: number;
  foldingRangeSettledMs: number;
  inlayHintSettledMs: number;
  codeActionSettledMs: number;
  /** One-character didChange -> the diagnostics of that version. */
  editToDiagnosticsMs: number;
  documentSymbolAfterEditMs: number;
  foldingRangeAfterEditMs: number;
  inlayHintAfterEditMs: number;
  codeActionAfterEditMs: number;
  /** Hover sent right after the 10th of 20 keystrokes 50 ms apart. */
  hoverDuringBurstMs: number;
  /** Last keystroke of the burst -> diagnostics of the last version. */
  burstLastKeyToDiagnosticsMs: number;
  /** Diagnostics publications/answers the burst caused (20 versions). */
  burstDiagnosticsCount: number;
  /** 1,000 one-character changes written at once, then a hover: the hover's answer. */
  hoverAfter1000ChangesMs: number;
  /** Server peak resident memory (VmHWM) after everything, MB (null where /proc is missing). */
  serverPeakRssMB: number | null;
}

interface Session {
  connection: MessageConnection;
  pull: boolean;
  stop(): Promise<void>;
  peakRssMB(): number | null;
  /** Resolves with the diagnostics of `version` (push: publishDiagnostics with that version; pull: a request). */
  diagnostics(uri: string, version: number, sentAt: number): Promise<{ ms: number; diagnostics: unknown[]; partial: boolean; unchanged: boolean }>;
  /** Resolves at the next workspace/diagnostic/refresh the server sends. */
  nextRefresh(): Promise<void>;
  published: () => number;
}

const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: {
    synchronization: { dynamicRegistration: true, didSave: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    inlayHint: { dynamicRegistration: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  general: { staleRequestSupport: { cancel: true, retryOnContentModified: [] } },
};

async function startSession(): Promise<Session> {
  // BENCH_SERVER: another build of the server to compare with (e.g. the one before a change)
  const serverJs = process.env.BENCH_SERVER ?? path.join(root, 'dist', 'server', 'server.js');
  // BENCH_SERVER_NODE_ARGS: Node options for the server process, e.g. to profile it
  // (`--cpu-prof --cpu-prof-interval 200 --cpu-prof-dir /tmp/prof` with a non-minified bundle as BENCH_SERVER)
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...serverEnvironment(), HCPCS_DATA_DIR: path.join(root, 'data') } });
  child.stderr.on('data', () => undefined);
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let publishedCount = 0;
  /** Pull: the result id and the items of the last full answer, per document (what VS Code's client keeps). */
  const resultIds = new Map<string, string>();
  const kept = new Map<string, unknown[]>();
  const waiters: { uri: string; version: number; resolve: (d: unknown[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
    publishedCount++;
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (p.version === undefined || p.version >= w.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onNotification(() => undefined);
  // BENCH_SETTINGS: the hcpcs settings the server is given (JSON), e.g. '{"rules":{"x12/code-value":"off"}}'; BENCH_GUIDE_RULES_OFF=1: every x12/ guide rule off
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => benchSettings));
  connection.onRequest('client/registerCapability', () => null);
  let refreshed: (() => void)[] = [];
  connection.onRequest('workspace/diagnostic/refresh', () => {
    const waiting = refreshed;
    refreshed = [];
    for (const r of waiting) r();
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const init = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: CLIENT_CAPABILITIES,
    // as this extension's client says (VS Code lists at most 1,000 problems a file)
    initializationOptions: { maxProblemsPerFile: 1000 },
  })) as { capabilities: { diagnosticProvider?: unknown } };
  await connection.sendNotification('initialized', {});
  const pull = !!init.capabilities.diagnosticProvider;
  // the server start is its own figure (run.ts): open once the server has settled (code set loaded, indexes built)
  await sleep(SETTLE_MS);
  return {
    connection,
    pull,
    published: () => publishedCount,
    nextRefresh: () => new Promise<void>((resolve) => refreshed.push(resolve)),
    peakRssMB() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return m ? Math.round(Number(m[1]) / 1024) : null;
      } catch {
        return null;
      }
    },
    diagnostics(uri, version, sentAt) {
      if (pull) {
        // as VS Code's client pulls: with the result id of the last answer it has, so an answer that did not change
        // comes back as "unchanged" (the client keeps the items it has)
        const previousResultId = resultIds.get(uri);
        return (connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<{ kind: string; items?: unknown[]; resultId?: string }>).then((r) => {
          publishedCount++;
          const unchanged = r.kind === 'unchanged';
          if (r.resultId !== undefined) resultIds.set(uri, r.resultId);
          if (!unchanged) kept.set(uri, r.items ?? []);
          // this server marks a partial answer's result id (a refresh follows when the check is complete)
          return { ms: performance.now() - sentAt, diagnostics: kept.get(uri) ?? [], partial: /^partial-/.test(r.resultId ?? ''), unchanged };
        });
      }
      return new Promise((resolve) => waiters.push({ uri, version, resolve: (d) => resolve({ ms: performance.now() - sentAt, diagnostics: d, partial: false, unchanged: false }) }));
    },
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]).catch(() => undefined);
      void connection.sendNotification('exit');
      connection.dispose();
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

async function timed<T>(p: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await p();
  return { ms: performance.now() - t, value };
}


/** The editor's requests after an open or a change, sent at once (as VS Code does), each timed from its sending. */
async function structureRequests(session: Session, doc: TextDocument, cursorOffset: number, lastDiagnostics: () => unknown[], oneByOne = false) {
  const c = session.connection;
  const uri = doc.uri;
  const cursor = doc.positionAt(cursorOffset);
  const screen = { start: { line: Math.max(0, cursor.line - 25), character: 0 }, end: { line: cursor.line + 25, character: 0 } };
  // at once (as VS Code sends them), or one after the other (what each costs by itself)
  let previous: Promise<unknown> = Promise.resolve();
  const send = (method: string, params: object) => {
    const run = () => timed(() => c.sendRequest(method, params) as Promise<unknown>);
    if (!oneByOne) return run();
    const p = previous.then(run);
    previous = p;
    return p;
  };
  const [symbols, folding, hints, actions] = await Promise.all([
    send('textDocument/documentSymbol', { textDocument: { uri } }),
    send('textDocument/foldingRange', { textDocument: { uri } }),
    send('textDocument/inlayHint', { textDocument: { uri }, range: screen }),
    (async () => {
      // VS Code asks for code actions at the cursor with the problems on that line, once they are known
      const onLine = (lastDiagnostics() as { range: { start: { line: number }; end: { line: number } } }[]).filter(
        (d) => d.range.start.line <= cursor.line && d.range.end.line >= cursor.line,
      );
      return send('textDocument/codeAction', { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics: onLine, triggerKind: 2 } });
    })(),
  ]);
  const countTree = (xs: unknown): number => (Array.isArray(xs) ? xs.reduce((n: number, s: { children?: unknown[] }) => n + 1 + countTree(s.children), 0) : 0);
  return {
    symbolsMs: symbols.ms,
    symbolCount: countTree(symbols.value),
    foldingMs: folding.ms,
    foldingCount: Array.isArray(folding.value) ? folding.value.length : 0,
    hintsMs: hints.ms,
    actionsMs: actions.ms,
  };
}

/** Offset just after `CLM*` of the claim nearest the middle of the text (where the edits type). */
function midClaimOffset(text: string, fraction = 0.5): number {
  const at = text.indexOf('CLM*', Math.floor(text.length * fraction));
  return at < 0 ? text.length >> 1 : at + 4;
}

/** Offset of the procedure code of the first SV1/SV2 after `from`. */
function codeAfter(text: string, from: number): number {
  const m = /SV[12]\*HC:/g;
  m.lastIndex = from;
  const r = m.exec(text);
  return r ? r.index + 7 : from;
}

function change(doc: TextDocument, offset: number, insert: string): { doc: TextDocument; params: object } {
  const position = doc.positionAt(offset);
  const version = doc.version + 1;
  const changes = [{ range: { start: position, end: position }, text: insert }];
  const next = TextDocument.update(doc, changes, version);
  return { doc: next, params: { textDocument: { uri: doc.uri, version }, contentChanges: changes } };
}

export async function protocolBench(file: string): Promise<ProtocolFigures> {
  const text = fs.readFileSync(file, 'utf8');
  const session = await startSession();
  try {
    const c = session.connection;
    const uri = pathToFileURL(path.join(path.dirname(file), `protocol-${path.basename(file)}`)).href;
    let doc = TextDocument.create(uri, 'x12', 1, text);
    let last: unknown[] = [];
    const cursorOffset = midClaimOffset(text);

    // open (the bench's own line table of the text is made first, as the editor has it before it sends the text:
    // made on the first positionAt below, it was timed as part of the open, 20-40 ms before the didOpen was written)
    doc.positionAt(cursorOffset);
    let sentAt = performance.now();
    const openedAt = sentAt;
    const refreshAfterOpen = session.nextRefresh();
    void c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'x12', version: 1, text } });
    const openDiagnostics = session.diagnostics(uri, 1, sentAt).then((r) => ((last = r.diagnostics), r));
    const opened = await structureRequests(session, doc, cursorOffset, () => last);
    const first = await openDiagnostics;
    // a partial first answer: VS Code pulls again when the server asks (workspace/diagnostic/refresh)
    let all = first;
    if (first.partial) {
      await refreshAfterOpen;
      all = await session.diagnostics(uri, 1, openedAt);
      last = all.diagnostics;
    }
    const settled = await structureRequests(session, doc, cursorOffset, () => last, true);

    // one-character edit: a digit typed into the patient control number of the middle claim
    let edit = change(doc, cursorOffset, '7');
    doc = edit.doc;
    sentAt = performance.now();
    void c.sendNotification('textDocument/didChange', edit.params);
    const editDiagnostics = session.diagnostics(uri, doc.version, sentAt).then((r) => ((last = r.diagnostics), r));
    const edited = await structureRequests(session, doc, cursorOffset, () => last);
    const afterEdit = await editDiagnostics;

    // a burst of 20 keystrokes 50 ms apart, a hover right after the 10th
    const before = session.published();
    const hoverAt = codeAfter(text, cursorOffset);
    let hoverMs = 0;
    let lastKeyAt = 0;
    let burstDone: Promise<{ ms: number }> = Promise.resolve({ ms: 0 });
    for (let k = 0; k < 20; k++) {
      edit = change(doc, cursorOffset + 1 + k, String.fromCharCode(65 + k));
      doc = edit.doc;
      lastKeyAt = performance.now();
      void c.sendNotification('textDocument/didChange', edit.params);
      // push: the diagnostics of this version, if the server publishes them; pull: VS Code asks after each change
      if (session.pull) burstDone = session.diagnostics(uri, doc.version, lastKeyAt);
      if (k === 9) {
        const h = await timed(() => c.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(hoverAt + 20) }) as Promise<unknown>);
        hoverMs = h.ms;
        await sleep(Math.max(0, 50 - h.ms));
      } else {
        await sleep(50);
      }
    }
    const burstFinal = session.pull ? await burstDone : await session.diagnostics(uri, doc.version, lastKeyAt);
    const burstCount = session.published() - before;

    // 1,000 changes written at once (a macro, a paste in a hurry, a client flushing its queue), then a hover
    // (typed on one line, one after the other: positions follow without re-making the bench's own 10 MB copy)
    const manyParams: object[] = [];
    const from = doc.positionAt(cursorOffset + 21);
    for (let k = 0; k < 1000; k++) {
      const position = { line: from.line, character: from.character + k };
      manyParams.push({ textDocument: { uri, version: doc.version + 1 + k }, contentChanges: [{ range: { start: position, end: position }, text: 'X' }] });
    }
    const before1000 = doc.getText();
    doc = TextDocument.create(uri, 'x12', doc.version + 1000, before1000.slice(0, cursorOffset + 21) + 'X'.repeat(1000) + before1000.slice(cursorOffset + 21));
    for (const p of manyParams) void c.sendNotification('textDocument/didChange', p);
    const hover1000 = await timed(() => c.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(codeAfter(doc.getText(), cursorOffset) + 2) }) as Promise<unknown>);
    await session.diagnostics(uri, doc.version, performance.now());

    return {
      openToDiagnosticsMs: first.ms,
      openFirstAnswerPartial: first.partial,
      editAnswerUnchanged: afterEdit.unchanged,
      openToAllDiagnosticsMs: all.ms,
      documentSymbolMs: opened.symbolsMs,
      documentSymbolCount: opened.symbolCount,
      foldingRangeMs: opened.foldingMs,
      foldingRangeCount: opened.foldingCount,
      inlayHintMs: opened.hintsMs,
      codeActionMs: opened.actionsMs,
      documentSymbolSettledMs: settled.symbolsMs,
      foldingRangeSettledMs: settled.foldingMs,
      inlayHintSettledMs: settled.hintsMs,
      codeActionSettledMs: settled.actionsMs,
      editToDiagnosticsMs: afterEdit.ms,
      documentSymbolAfterEditMs: edited.symbolsMs,
      foldingRangeAfterEditMs: edited.foldingMs,
      inlayHintAfterEditMs: edited.hintsMs,
      codeActionAfterEditMs: edited.actionsMs,
      hoverDuringBurstMs: hoverMs,
      burstLastKeyToDiagnosticsMs: burstFinal.ms,
      burstDiagnosticsCount: burstCount,
      hoverAfter1000ChangesMs: hover1000.ms,
      serverPeakRssMB: session.peakRssMB(),
    };
  } finally {
    await session.stop();
  }
}

if (process.argv[1] && /bench[\\/]protocol\.ts$/.test(process.argv[1])) {
  void (async () => {
    for (const f of process.argv.slice(2)) {
      const parserMs = await x12ParserMs(fs.readFileSync(f, 'utf8'), 3);
      const figures = await protocolBench(f);
      const ratios = Object.fromEntries(Object.entries(figures).filter(([k, v]) => k.endsWith('Ms') && typeof v === 'number').map(([k, v]) => [k, Number(((v as number) / parserMs).toFixed(4))]));
      console.log(path.basename(f), `x12-parser ${parserMs.toFixed(0)} ms`, JSON.stringify(figures));
      console.log('  ratios', JSON.stringify(ratios));
    }
  })();
}
