/**
 * A worker thread of `hcpcs-check`: builds its own checker from the config in `workerData`, then checks the
 * files the main thread sends ({ id, file }) and answers ({ id, result, problems }) one by one. `problems` are the
 * code-set problems told since the worker's last answer: those of the start (a missing code set) in its first answer,
 * then those of tables read on first use (another year's ICD-10-CM, the ASP crosswalk, a guide table), so the main
 * thread can print them as the single-threaded run does.
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
  problems: string[];
}

if (parentPort) {
  const port = parentPort;
  const checker = createChecker(workerData as CheckerConfig);
  let told = 0;
  port.on('message', (request: WorkerRequest) => {
    let result: FileResult;
    try {
      result = checker.checkFile(request.file);
    } catch (e) {
      result = { file: request.file, findings: [], error: `internal error: ${(e as Error)?.message ?? String(e)}` };
    }
    const problems = checker.problems.slice(told);
    told = checker.problems.length;
    port.postMessage({ id: request.id, result, problems } satisfies WorkerResponse);
  });
  port.postMessage({ ready: true });
}
