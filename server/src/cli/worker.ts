/**
 * A worker thread of `hcpcs-check`: builds its own checker from the config in `workerData`, then checks the
 * files the main thread sends ({ id, file }) and answers ({ id, result }) one by one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker, type CheckerConfig, type FileResult } from './check';

export interface WorkerRequest {
  id: number;
  file: string;
}

export interface WorkerResponse {
  id: number;
  result: FileResult;
}

if (parentPort) {
  const port = parentPort;
  const checker = createChecker(workerData as CheckerConfig);
  port.on('message', (request: WorkerRequest) => {
    let result: FileResult;
    try {
      result = checker.checkFile(request.file);
    } catch (e) {
      result = { file: request.file, findings: [], error: `internal error: ${(e as Error)?.message ?? String(e)}` };
    }
    port.postMessage({ id: request.id, result } satisfies WorkerResponse);
  });
  port.postMessage({ ready: true });
}
