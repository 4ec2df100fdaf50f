/**
 * A very small test runner for inside the VS Code extension host (mocha is not a dependency of this project):
 * tests run one after another, each with a time limit; the summary line is "N passed, N failed".
 */
export type TestFn = () => Promise<void> | void;

const tests: { name: string; fn: TestFn; timeoutMs: number }[] = [];

export function test(name: string, fn: TestFn, timeoutMs = 60_000): void {
  tests.push({ name, fn, timeoutMs });
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

export async function runAll(): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  for (const t of tests) {
    const start = Date.now();
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
      passed++;
      console.log(`  ok   ${t.name} (${Date.now() - start} ms)`);
    } catch (err) {
      failures.push(t.name);
      console.error(`  FAIL ${t.name}\n${(err as Error)?.stack ?? String(err)}`);
    }
  }
  console.log(`${passed} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} test(s) failed: ${failures.join('; ')}`);
}
