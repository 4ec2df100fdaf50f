/**
 * When documents are checked, so that the editor never waits: diagnostics first, everything else after.
 *
 * - A change only marks its document; the check runs when no further change to any document is waiting in the
 *   connection (the changes of a burst are applied together, once: see coalescedDocuments.ts), so only the newest
 *   version is ever checked and there is no fixed debounce delay.
 * - A check runs in slices of about SLICE_MS: between slices the connection answers what came in (a hover, a
 *   cancellation, a newer change); a hover or completion already read by the connection goes before the next slice. A newer version stops the check of the old one; the claims already checked stay
 *   cached in the analysis, so the next check resumes rather than restarts.
 * - A file's first check that takes longer than PARTIAL_AFTER_MS gives a partial answer once: the findings of the
 *   claims checked so far plus the file findings (exact for the text before the claim it stopped at), so the
 *   problems at the top of a 10 MB file show while the rest is checked; the complete answer replaces it (pulling
 *   clients are asked to pull again). Later checks never replace complete diagnostics with partial ones.
 * - Structure requests (outline, folding, inlay hints, code actions) wait for `whenChecked`, so the problems of a
 *   version are complete and out before anything else about it is computed (after a partial answer too: in the
 *   real editor the outline and folding drawn meanwhile slowed the rest of the check).
 *
 * Figures protected (`npm run bench`, protocol table): didOpen -> first diagnostics, edit -> diagnostics, and a
 * hover during a typing burst on a 10 MB file.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

/** A check yields to the connection after this long (and resumes). */
export const SLICE_MS = 25;
/** A first check still running this long after it began gives a partial answer (shorter ones just finish). */
export const PARTIAL_AFTER_MS = 100;
/** At most this many turns in a row go to waiting hovers before a check runs anyway. */
const MAX_YIELDS = 4;

export interface CheckHost {
  /** The document at its newest version (queued changes applied), undefined when closed. */
  document(uri: string): TextDocument | undefined;
  /** The newest version number received (changes may be queued), undefined when closed. */
  version(uri: string): number | undefined;
  /** Changes received by the connection but not handled yet (the check waits for them). */
  incomingChanges(): number;
  /** Hovers and completions received but not answered yet (they go before the next slice). */
  incomingRequests(): number;
  /**
   * Checks the document; `stop` says when to give up (return undefined then, keeping the work done, or with
   * `partial` asked, the diagnostics known so far).
   */
  check(document: TextDocument, stop: () => boolean, partial: boolean): Diagnostic[] | PartialDiagnostics | undefined;
  /** The diagnostics of a version are ready. */
  checked(document: TextDocument, diagnostics: Diagnostic[]): void;
  /** A partial answer of a version is ready (the complete one follows with `checked`). */
  partial(document: TextDocument, diagnostics: Diagnostic[]): void;
}

/** What a check that stopped early knew: exact for the text before the claim it stopped at. */
export interface PartialDiagnostics {
  partial: Diagnostic[];
}

interface State {
  /** Version whose diagnostics are ready (-1: none yet). */
  version: number;
  diagnostics: Diagnostic[];
  /** Changes of the diagnostics so far (pull clients are told "unchanged" while it stays). */
  generation: number;
  /** Whether complete diagnostics of some version were ever ready (then no partial answer is given again). */
  complete: boolean;
  /** The partial answer of a version whose check is still running. */
  partial?: { version: number; diagnostics: Diagnostic[] };
  /** When the check of a version began (its first slice). */
  checkingSince?: { version: number; at: number };
  /** Wait for complete diagnostics of the newest version. */
  waiters: (() => void)[];
  /** Wait for complete or partial diagnostics of the newest version. */
  answerWaiters: (() => void)[];
}

export class DiagnosticsScheduler {
  private readonly states = new Map<string, State>();
  /** Documents to check, most recently changed last. */
  private readonly due = new Set<string>();
  private scheduled = false;
  /** Turns given in a row to waiting requests (bounded, so a request that is never handled cannot stall checks). */
  private yields = 0;

  constructor(private readonly host: CheckHost) {}

  /** The document changed or was opened (or the settings changed): check it soon. */
  changed(uri: string): void {
    this.due.delete(uri);
    this.due.add(uri);
    if (!this.states.has(uri)) this.states.set(uri, { version: -1, diagnostics: [], generation: 0, complete: false, waiters: [], answerWaiters: [] });
    this.kick();
  }

  /** Every open document again (settings, guides or code set changed). */
  changedAll(uris: readonly string[]): void {
    for (const uri of uris) {
      const s = this.states.get(uri);
      if (s) s.version = -1;
      this.changed(uri);
    }
  }

  closed(uri: string): void {
    this.due.delete(uri);
    const s = this.states.get(uri);
    this.states.delete(uri);
    s?.waiters.forEach((w) => w());
    s?.answerWaiters.forEach((w) => w());
  }

  /** Diagnostics of the newest version, when they are ready. */
  ready(uri: string): { version: number; diagnostics: Diagnostic[] } | undefined {
    const s = this.states.get(uri);
    return s && s.version >= 0 && s.version === this.host.version(uri) ? { version: s.version, diagnostics: s.diagnostics } : undefined;
  }

  /** The partial answer of the newest version, while its check runs (undefined when it is complete, or none). */
  partialOf(uri: string): { version: number; diagnostics: Diagnostic[] } | undefined {
    const s = this.states.get(uri);
    return s?.partial && s.partial.version === this.host.version(uri) && !this.ready(uri) ? s.partial : undefined;
  }

  /** Whether a check is due or running. */
  busy(): boolean {
    return this.due.size > 0;
  }

  generation(uri: string): number {
    return this.states.get(uri)?.generation ?? 0;
  }

  /** Resolves once the diagnostics of the document's newest version are ready (at once when they are, or it is closed). */
  whenChecked(uri: string): Promise<void> {
    const s = this.states.get(uri);
    if (!s || this.ready(uri) || this.host.version(uri) === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      s.waiters.push(resolve);
      this.changed(uri);
    });
  }

  /** Resolves once complete or partial diagnostics of the document's newest version are ready (or it is closed). */
  whenAnswerable(uri: string): Promise<void> {
    const s = this.states.get(uri);
    if (!s || this.ready(uri) || this.partialOf(uri) || this.host.version(uri) === undefined) return Promise.resolve();
    return new Promise((resolve) => {
      s.answerWaiters.push(resolve);
      this.changed(uri);
    });
  }

  /** The connection handled a change: a check held back for it may run now. */
  drained(): void {
    if (this.due.size > 0) this.kick();
  }

  private requestWaiting(): boolean {
    if (this.host.incomingRequests() <= 0) {
      this.yields = 0;
      return false;
    }
    return this.yields < MAX_YIELDS;
  }

  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate: after the message being handled, interleaved with the connection's own queue (one message
    // per turn), so a hover or a cancellation gets through between slices.
    setImmediate(() => {
      this.scheduled = false;
      this.run();
    });
  }

  private run(): void {
    if (this.due.size === 0) return;
    // more changes are already waiting in the connection: check after them (their handler calls drained())
    if (this.host.incomingChanges() > 0) return;
    // a hover or a completion is waiting: it goes first (one message per turn), the check next turn
    if (this.requestWaiting()) {
      this.yields++;
      return this.kick();
    }
    const uri = [...this.due][this.due.size - 1];
    const state = this.states.get(uri);
    const document = this.host.document(uri);
    if (!state || !document) {
      this.due.delete(uri);
      return this.kick();
    }
    if (state.version === document.version) {
      this.due.delete(uri);
      this.finish(state);
      return this.kick();
    }
    const started = performance.now();
    const version = document.version;
    if (state.checkingSince?.version !== version) state.checkingSince = { version, at: started };
    const wantPartial = !state.complete && state.partial?.version !== version;
    let polls = 0;
    const outcome = this.host.check(
      document,
      () => {
        if (this.host.version(uri) !== version || this.host.incomingChanges() > 0 || this.requestWaiting()) return true;
        // out of time, but never at the first look: every slice makes progress (the check looks every 64 claims)
        return polls++ > 0 && performance.now() - started > SLICE_MS;
      },
      wantPartial,
    );
    if (outcome === undefined) return this.kick(); // out of time, or a newer version came: resume next turn
    if (!Array.isArray(outcome)) {
      // a long first check: what is known so far goes out once (a short one just finishes)
      if (wantPartial && performance.now() - state.checkingSince.at >= PARTIAL_AFTER_MS && this.host.version(uri) === version) {
        state.partial = { version, diagnostics: outcome.partial };
        this.host.partial(document, outcome.partial);
        this.releaseAnswerWaiters(state);
      }
      return this.kick();
    }
    const diagnostics = outcome;
    state.complete = true;
    state.partial = undefined;
    state.version = version;
    if (!sameDiagnostics(state.diagnostics, diagnostics)) state.generation++;
    state.diagnostics = diagnostics;
    if (this.host.version(uri) === version) this.due.delete(uri);
    this.host.checked(document, diagnostics);
    this.finish(state);
    if (this.due.size > 0) this.kick();
  }

  private finish(state: State): void {
    const waiters = state.waiters;
    state.waiters = [];
    for (const w of waiters) w();
    this.releaseAnswerWaiters(state);
  }

  private releaseAnswerWaiters(state: State): void {
    const waiters = state.answerWaiters;
    state.answerWaiters = [];
    for (const w of waiters) w();
  }
}

/** Same diagnostics (most are the same objects from one check to the next: the unchanged claims' are re-used). */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  return true;
}
