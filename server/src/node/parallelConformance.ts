/**
 * The claims' conformance on a second core (conformance/parallel.ts): a worker thread (node/conformanceWorker.ts)
 * checks the file walk and every claim of a file while the validator runs the billing rules here. The validator
 * never waits for it: a claim the worker has not answered yet (receiveMessageOnPort reads what it posted) is checked
 * here as before, and the worker, told where the validation is, skips ahead of it. A worker that fails or exits is
 * not started again; everything is then checked here.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (guide rules <= +30% over the
 * figure without them; bench/guideCost.ts), and the server's first complete diagnostics of a big file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { GuideIssue } from '../conformance/issues';
import { arrived, type ClaimConformanceHelper, type ClaimConformanceJob, type TravellingIssue } from '../conformance/parallel';
import type { JobMessage, JobRequest } from './conformanceWorker';

/** Smaller files are checked here: posting the text and waking a thread would cost more than it saves (about 900 claims). */
export const MIN_TEXT_LENGTH = 500_000;
/**
 * Bigger files are checked here too: the worker holds its own copy of the text and its segment table while it
 * checks (about 75 MB more for a 10 MB file), which for a 50 MB file would pass the resident-memory target (< 400 MB).
 */
export const MAX_TEXT_LENGTH = 20_000_000;
/** A worker with no job this long is ended (its memory given back); the next big file starts another. */
const IDLE_MS = 60_000;

const NONE: readonly GuideIssue[] = Object.freeze([]) as unknown as GuideIssue[];

export interface ParallelConformanceOptions {
  /** The data folder the server loads its implementation guides from (the worker loads the same). */
  dataDir: string;
  /** The worker's bundle; default conformanceWorker.js beside this bundle (dist/server). */
  workerFile?: string;
  /** Files shorter than this are checked on the main thread (MIN_TEXT_LENGTH). */
  minTextLength?: number;
  /** Files longer than this are checked on the main thread (MAX_TEXT_LENGTH). */
  maxTextLength?: number;
}

export class ParallelConformance implements ClaimConformanceHelper {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private nextJob = 1;
  private broken = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ParallelConformanceOptions) {}

  /** Start the worker now (it loads its guides while the server is idle), not on the first big file. */
  warmUp(): void {
    if (this.ensureWorker()) this.endWhenIdle();
  }

  private ensureWorker(): boolean {
    if (this.broken) return false;
    if (this.worker) return true;
    try {
      const { port1, port2 } = new MessageChannel();
      const workerFile = this.options.workerFile ?? path.join(__dirname, 'conformanceWorker.js');
      // a missing bundle would only say so on the event loop, while a validation goes on: not started
      if (!fs.existsSync(workerFile)) {
        this.fail();
        return false;
      }
      const worker = new Worker(workerFile, { workerData: { dataDir: this.options.dataDir, port: port2, control: this.control.buffer }, transferList: [port2] });
      // the worker never keeps the server alive; one that fails is not started again
      worker.unref();
      worker.on('error', () => this.fail());
      worker.on('exit', () => {
        if (this.worker === worker) this.fail();
      });
      this.worker = worker;
      this.port = port1;
      this.port.unref();
      return true;
    } catch {
      this.fail();
      return false;
    }
  }

  private fail(): void {
    this.broken = true;
    this.worker = null;
  }

  /** End the worker after IDLE_MS without a job (re-armed by each job's end). */
  private endWhenIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      this.port?.close();
      this.port = null;
      void w?.terminate();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  start(text: string): ClaimConformanceJob | null {
    if (text.length < (this.options.minTextLength ?? MIN_TEXT_LENGTH) || text.length > (this.options.maxTextLength ?? MAX_TEXT_LENGTH)) return null;
    if (!this.ensureWorker() || !this.port) return null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const job = this.nextJob++;
    Atomics.store(this.control, 1, 0);
    Atomics.store(this.control, 0, job);
    this.port.postMessage({ job, text } satisfies JobRequest);
    return new Job(job, this.port, this.control, () => this.endWhenIdle());
  }

  /** Stop the worker (tests; the server's worker ends with the process, or when idle). */
  async close(): Promise<void> {
    const w = this.worker;
    this.broken = true;
    this.worker = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (w) await w.terminate();
  }
}

class Job implements ClaimConformanceJob {
  /** The claims answered so far, as [from, upTo) ranges of first segments in the order they came (the validation asks in claim order). */
  private readonly ranges: number[] = [];
  private failed = false;
  private stopped = false;
  private readonly byClaim = new Map<number, readonly GuideIssue[]>();
  private file: readonly GuideIssue[] | null = null;

  constructor(
    private readonly job: number,
    private readonly port: MessagePort,
    private readonly control: Int32Array,
    private readonly ended: () => void,
  ) {}

  fileIssues(): readonly GuideIssue[] | undefined {
    if (this.file === null) this.takeAll();
    return this.file ?? undefined;
  }

  issuesOf(firstSegment: number): readonly GuideIssue[] | undefined {
    if (this.failed) return undefined;
    if (!this.covers(firstSegment)) {
      this.takeAll();
      if (!this.covers(firstSegment)) {
        // not answered yet: the validation checks this claim itself, and the worker hears where it is
        Atomics.store(this.control, 1, firstSegment);
        return undefined;
      }
    }
    return this.byClaim.get(firstSegment) ?? NONE;
  }

  /** Whether the claim at `firstSegment` was answered; ranges wholly before it are dropped (it is asked in order). */
  private covers(firstSegment: number): boolean {
    const r = this.ranges;
    while (r.length > 0 && r[1] <= firstSegment) r.splice(0, 2);
    return r.length > 0 && r[0] <= firstSegment;
  }

  /** Read what the worker has posted (messages of the jobs before this one are dropped). */
  private takeAll(): void {
    for (;;) {
      const m = receiveMessageOnPort(this.port);
      if (!m) return;
      const message = m.message as JobMessage;
      if (message.job !== this.job) continue;
      if ('failed' in message) this.failed = true;
      else if ('file' in message) this.file = (message.file as TravellingIssue[]).map(arrived);
      else {
        for (const [firstSegment, issues] of message.issues) this.byClaim.set(firstSegment, (issues as TravellingIssue[]).map(arrived));
        this.ranges.push(message.from, message.upTo);
      }
    }
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // the worker drops the job at its next batch (it is no longer the current one)
    if (Atomics.load(this.control, 0) === this.job) Atomics.store(this.control, 0, 0);
    this.failed = true;
    this.ended();
  }
}
