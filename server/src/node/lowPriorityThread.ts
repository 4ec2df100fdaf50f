/**
 * Lowers the priority of the calling thread (Linux: the thread's own id from /proc/thread-self, whose nice value
 * setpriority changes for that thread alone; elsewhere nothing). Used by the conformance thread
 * (conformanceWorker.ts): its work is optional, so it gives way to the validation's own helper threads (the garbage
 * collector's, the compiler's) and to the editor on the same machine.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (issue 11: <= +30%;
 * bench/guideCost.ts, 13 repetitions a run, runs in turn). At normal priority a parallel scavenge of the validation
 * waited for garbage-collector helper threads that had no core to run on: +30-50% over the figure without the guide
 * rules, +11-23% with those scavenges on the allocating thread (--no-parallel-scavenge). At the lowest priority the
 * helpers get a core: +15%, +17%, +28% and +34% with parallel scavenges, +23% to +39% without them, so the flag was
 * not kept.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

export function lowerPriorityOfThisThread(): void {
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, os.constants.priority.PRIORITY_LOW);
  } catch {
    // not Linux, or not allowed: the thread runs at the process's priority
  }
}
