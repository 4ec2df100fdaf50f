/**
 * Shared by the robustness tests: the real code set (loaded once), generated claim files, and the fast-check
 * settings. Runs are fixed-seed in the suite; for a longer hunt:
 *
 *   FUZZ_RUNS=10000 node scripts/test.mjs test/robustness
 *   FUZZ_SEED=12345 FUZZ_RUNS=2000 node scripts/test.mjs test/robustness/service.test.ts   (another seed)
 */
import * as path from 'node:path';
import type { CodeSet } from '../../server/src/codeset/types';
import { loadCodeSet } from '../../server/src/node/loadCodeSet';
import { bundledGuides } from '../../server/src/guides/loader';
import { createLanguageService, type LanguageService } from '../../server/src/service';
import { generate837P } from '../../bench/generate';

export const repoRoot = path.resolve(__dirname, '..', '..');

let codeSet: CodeSet | undefined;
export function realCodeSet(): CodeSet {
  if (!codeSet) {
    const loaded = loadCodeSet(path.join(repoRoot, 'data'));
    if (!loaded.codeSet) throw new Error(`code set: ${loaded.errors.join('; ')}`);
    codeSet = loaded.codeSet;
  }
  return codeSet;
}

export function newService(): LanguageService {
  return createLanguageService({ codeSet: realCodeSet(), guides: bundledGuides() });
}

const generated = new Map<string, string>();
/** A generated 837P of about `bytes` characters (cached per size and seed). */
export function claimFile(bytes: number, seed = 7): string {
  const key = `${bytes}:${seed}`;
  let text = generated.get(key);
  if (!text) {
    text = generate837P(realCodeSet(), { targetBytes: bytes, seed, errorRate: 0.15 });
    generated.set(key, text);
  }
  return text;
}

/** fast-check parameters: a fixed seed unless FUZZ_SEED is set; FUZZ_RUNS (or the default) runs. */
export function fuzz(defaultRuns: number): { seed: number; numRuns: number } {
  return {
    seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20250310,
    numRuns: process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : defaultRuns,
  };
}

/**
 * How time per character grows from `size` to 10x `size`, measured in one run: `run` on the small text ten times
 * against once on the large one, median of five samples each after a warm-up. About 1 when the work is linear,
 * 10 when quadratic, 100 when cubic; tests compare it with a generous bound, never with a time limit.
 */
export function growthPerCharacter(make: (size: number) => string, run: (text: string) => void, size: number): number {
  const small = make(size);
  const large = make(size * 10);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  const sample = (text: string, times: number) => {
    const samples: number[] = [];
    for (let s = 0; s < 5; s++) {
      const started = performance.now();
      for (let i = 0; i < times; i++) run(text);
      samples.push(performance.now() - started);
    }
    return median(samples);
  };
  sample(small, 10);
  // the lowest of three measurements: a pause of the shared machine (another process, a GC) inflates one
  // measurement, while a scan that really grows faster than the input is slow every time
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= 2; attempt++) {
    const smallTime = sample(small, 10);
    const largeTime = sample(large, 1);
    best = Math.min(best, largeTime / Math.max(smallTime, 0.05));
  }
  return best;
}

/** `unit` repeated to `size` characters. */
export function repeated(unit: string): (size: number) => string {
  return (size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}
