/**
 * Young-generation garbage collection on the thread that allocates, not in parallel on helper threads: set for the
 * whole process when the conformance thread (conformanceThread.ts) starts. With both cores busy (the validation on
 * one, the conformance thread on the other) a parallel scavenge waited for helper threads that had no core to run
 * on, and each of the validation's ~150 scavenges of the 10 MB file stalled: "all diagnostics, 10 MB" with the
 * thread was +30-50% over the figure without the guide rules with parallel scavenges, +11-23% without them
 * (bench/guideCost.ts, this machine, 2 cores); without the thread the flag changed nothing measurable.
 *
 * Speed trick. Protects: "all diagnostics, 10 MB realistic" with the x12/ guide rules (issue 11: <= +30%).
 */
import * as v8 from 'node:v8';

let set = false;

export function scavengeOnOneThread(): void {
  if (set) return;
  set = true;
  v8.setFlagsFromString('--no-parallel-scavenge');
}
