/**
 * The conformance worker (a worker thread of the language server, node/parallelConformance.ts): loads the
 * implementation guides from the data folder it is given, then checks each text it is sent (its file walk, then
 * every claim: conformance/claimsPass.ts), posting the issues batch by batch on its port. The validation reads them
 * as it gets to those claims, and says in the shared control array which job is current and where it is, so a pass
 * that fell behind skips ahead and a job no longer current is dropped between batches. It never logs: a failure is
 * posted as a message without document text.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { checkClaimsInBatches } from '../conformance/claimsPass';
import { loadImplementationGuides } from './loadGuides';

interface WorkerData {
  dataDir: string;
  port: MessagePort;
  /** [0] the current job, [1] the first segment of the claim the validation is at. */
  control: SharedArrayBuffer;
}

export interface JobRequest {
  job: number;
  text: string;
}

/** What the worker posts: a batch of job `job`, or that it failed. */
export type JobMessage = { job: number; file: unknown[] } | { job: number; from: number; upTo: number; issues: [number, unknown[]][] } | { job: number; failed: string };

const { dataDir, port, control } = workerData as WorkerData;
const ctl = new Int32Array(control);
const guides = loadImplementationGuides(dataDir).guides;

function post(message: JobMessage): void {
  port.postMessage(message);
}

port.on('message', (request: JobRequest) => {
  const { job, text } = request;
  if (!guides) {
    post({ job, failed: 'no implementation guides in the data folder' });
    return;
  }
  try {
    checkClaimsInBatches(guides, text, {
      file: (file) => post({ job, file }),
      batch: (b) => post({ job, from: b.from, upTo: b.upTo, issues: b.issues }),
      stopped: () => Atomics.load(ctl, 0) !== job,
      position: () => Atomics.load(ctl, 1),
    });
  } catch (e) {
    post({ job, failed: (e as Error)?.name ?? 'Error' });
  }
});
void parentPort;
