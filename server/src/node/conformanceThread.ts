/**
 * A second thread that makes the claims' guide issues ahead of a full validation, while the validation's own
 * thread runs the other rules: the x12/ guide rules take a claim's issues from it when they are ready and make them
 * themselves when not (conformance/issuesAhead.ts), so the answer never waits for this thread and is the same
 * without it. The thread parses the text itself, then goes through the claims in file order, skipping ahead of the
 * validation when the validation has caught up with it (the validation tells how far it is through shared memory);
 * it sends each batch of claims' issues on a message port that the validation reads without waiting
 * (receiveMessageOnPort).
 *
 * Used by hcpcs-check when it checks on one thread (cli/run.ts), not by the editor's server: over LSP it made no
 * difference to "didOpen -> all diagnostics" of the 10 MB file (1,801-2,141 ms without, 1,977-2,604 ms with, runs in
 * turn) and slowed the first problems (397-528 -> 546-600 ms). Profiled (README, Benchmark): the guide work left the
 * main thread, but the rest of the check slowed by more than that while this thread ran (two memory-bound threads
 * slow each other by 25-40% on the 2-core machine measured), and the server's check of a new file is a cold one.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (issue 11: guide rules
 * <= +30% over the figure without them; bench/guideCost.ts), on a machine with a second core. It costs CPU time (the
 * thread parses the file again) and the memory of a second parse while it works; it is started only for a
 * validation with no claim checked yet of a file of at least MIN_LENGTH characters (an edit re-checks one claim without
 * it), and a newer job makes it drop the one it is on.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { ClaimIssuesAhead, ReportedIssue } from '../conformance/issuesAhead';
import type { GuideIssuesMaker } from '../conformance/issuesAhead';

/** Indexes into the shared control words. */
export const CONTROL_JOB = 0;
export const CONTROL_PROGRESS = 1;

/** A job: the text of one validation (its claims are numbered as the validation numbers them). */
export interface ConformanceJob {
  job: number;
  text: string;
}

/** A batch of made claims: `issues[k]` is claim `from + k`'s, 0 when it has none; `done` on the job's last. */
export interface MadeClaims {
  job: number;
  from: number;
  issues: (ReportedIssue[] | 0)[];
  done?: boolean;
}

export interface ConformanceThreadData {
  /** The data folder whose x12/ holds the guide tables the validation's guides were read from. */
  dataDir: string;
  port: MessagePort;
  control: SharedArrayBuffer;
}

/** Smaller files (about 2,000 claims) are checked on one thread: the second parse would cost more than it saves. */
export const MIN_LENGTH = 1_000_000;

const NONE: readonly ReportedIssue[] = Object.freeze([]);

/** The job a validation reads: the claims' issues as they come. */
interface CurrentJob {
  job: number;
  made: (readonly ReportedIssue[] | undefined)[];
  /** The thread has gone through every claim (or dropped the job). */
  finished: boolean;
}

export class ConformanceThread implements GuideIssuesMaker {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private current: CurrentJob | null = null;
  private jobs = 0;
  private failed = false;
  /** Claims whose issues a validation took from the thread, and claims it asked for before they came (made there). */
  claimsTaken = 0;
  claimsNotReady = 0;

  /**
   * `workerFile`: the bundle of conformanceWorker.ts; `dataDir`: the folder the validation's guide tables come from;
   * `minLength`: smaller texts are not sent (tests send small ones).
   */
  constructor(
    private readonly workerFile: string,
    private readonly dataDir: string,
    private readonly minLength = MIN_LENGTH,
  ) {}

  /** The thread, started on the first large file (a server that never opens one never starts it). */
  private started(): { worker: Worker; port: MessagePort } | null {
    if (this.failed) return null;
    if (this.worker && this.port) return { worker: this.worker, port: this.port };
    try {
      const { port1, port2 } = new MessageChannel();
      const data: ConformanceThreadData = { dataDir: this.dataDir, port: port1, control: this.control.buffer as SharedArrayBuffer };
      const worker = new Worker(this.workerFile, { workerData: data, transferList: [port1] });
      // never keeps the process alive (a CLI run, a test) and never takes it down: a thread that fails is not used again
      worker.unref();
      const fail = () => {
        this.failed = true;
        if (this.current) this.current.finished = true;
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.worker = worker;
      this.port = port2;
      return { worker, port: port2 };
    } catch {
      this.failed = true;
      return null;
    }
  }

  /** What the thread has sent, into the current job (batches of an older job are dropped). */
  private drain(port: MessagePort): void {
    const cur = this.current;
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      const batch = m.message as MadeClaims;
      if (!cur || batch.job !== cur.job) continue;
      if (batch.done) cur.finished = true;
      for (let i = 0; i < batch.issues.length; i++) {
        const x = batch.issues[i];
        cur.made[batch.from + i] = x === 0 ? NONE : x;
      }
    }
  }

  begin(text: string): ClaimIssuesAhead | undefined {
    if (text.length < this.minLength) return undefined;
    const thread = this.started();
    if (!thread) return undefined;
    const { worker, port } = thread;
    const job = ++this.jobs;
    const cur: CurrentJob = { job, made: [], finished: false };
    this.current = cur;
    Atomics.store(this.control, CONTROL_PROGRESS, -1);
    Atomics.store(this.control, CONTROL_JOB, job);
    worker.postMessage({ job, text } satisfies ConformanceJob);
    return {
      take: (k) => {
        if (this.current !== cur) return undefined;
        if (k > Atomics.load(this.control, CONTROL_PROGRESS)) Atomics.store(this.control, CONTROL_PROGRESS, k);
        // the port is read only when the claim has not come yet: one read per batch, not per claim
        if (cur.made[k] === undefined) this.drain(port);
        const r = cur.made[k];
        cur.made[k] = undefined;
        if (r) this.claimsTaken++;
        else this.claimsNotReady++;
        return r;
      },
    };
  }

  /** Resolves when the thread has gone through the current job's claims (tests), false after `timeoutMs`. */
  async finished(timeoutMs = 30_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.current && !this.current.finished && Date.now() < until) {
      if (this.port) this.drain(this.port);
      if (this.current.finished) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return !this.current || this.current.finished;
  }

  /** Stops the thread (tests; a server that exits takes it along). */
  async close(): Promise<void> {
    this.failed = true;
    await this.worker?.terminate();
  }
}
