/**
 * The second thread of node/conformanceThread.ts: reads the guide tables, then makes the guide issues of each job's
 * claims in file order, in batches, skipping what the validation has already reached, and drops a job when a newer
 * one is posted. Logs nothing (the text is a claim file).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseX12 } from '../parse/x12';
import { buildClaimModel } from '../model/claim';
import { checkClaimConformance, hl01At, type ClaimBounds } from '../conformance/check';
import type { ClaimIndex } from '../model/claimIndex';
import type { X12Document } from '../parse/x12';
import { reportedIssue, type ReportedIssue } from '../conformance/issuesAhead';
import { loadImplementationGuides } from './loadGuides';
import { lowerPriorityOfThisThread } from './lowPriorityThread';
import { CONTROL_JOB, CONTROL_PROGRESS, type ConformanceJob, type ConformanceThreadData, type MadeClaims } from './conformanceThread';

/** Claims per message. */
const BATCH = 64;
/** How far past the validation's claim it goes on when the validation has caught up with it. */
const LEAD = 64;

/** Claim k's bounds from the claim index, without building the claim (its lines, diagnoses, names). */
function boundsAt(doc: X12Document, index: ClaimIndex, k: number): ClaimBounds {
  const level = (j: number) => (j < 0 ? null : { segmentIndex: index.levelSeg[j], id: { value: hl01At(doc, index.levelSeg[j]) ?? '' } });
  return { firstSegment: index.claimFirst[k], lastSegment: index.claimLast[k], billingProvider: level(index.claimBilling[k]), subscriber: level(index.claimSubscriber[k]), patient: level(index.claimPatient[k]) };
}

if (parentPort) {
  lowerPriorityOfThisThread();
  const { dataDir, port, control } = workerData as ConformanceThreadData;
  const ctl = new Int32Array(control);
  const guides = loadImplementationGuides(dataDir).guides;
  /** Claim issues of one job, batch by batch; returns when done or when a newer job is posted. */
  const run = (job: number, text: string): void => {
    if (!guides) return;
    const doc = parseX12(text);
    const file = buildClaimModel(doc);
    const index = file.claims.index;
    const n = index.claimCount;
    let from = 0;
    let issues: (ReportedIssue[] | 0)[] = [];
    const flush = () => {
      if (issues.length > 0) port.postMessage({ job, from, issues } satisfies MadeClaims);
      issues = [];
    };
    let k = 0;
    while (k < n) {
      if (Atomics.load(ctl, CONTROL_JOB) !== job) return;
      const reached = Atomics.load(ctl, CONTROL_PROGRESS);
      if (k <= reached) {
        // the validation has caught up: go on a little ahead of it
        flush();
        k = from = reached + LEAD;
        continue;
      }
      const found = checkClaimConformance(guides, doc, file, boundsAt(doc, index, k));
      issues.push(found.length === 0 ? 0 : found.map(reportedIssue));
      k++;
      if (issues.length === BATCH) {
        flush();
        from = k;
      }
    }
    flush();
  };
  parentPort.on('message', ({ job, text }: ConformanceJob) => {
    if (Atomics.load(ctl, CONTROL_JOB) !== job) return;
    try {
      run(job, text);
    } catch {
      // the validation makes what is missing itself; nothing about the text is told
    }
    port.postMessage({ job, from: 0, issues: [], done: true } satisfies MadeClaims);
  });
}
