/**
 * Entry point of `hcpcs-check` (bundled to dist/server/cli.js; bin/hcpcs-check.js requires it). See run.ts.
 */
import { run } from './run';

const out: string[] = [];
run(process.argv.slice(2), {
  stdout: (s) => out.push(s),
  stderr: (s) => process.stderr.write(s),
}).then(
  (code) => {
    // Write all output, then exit once stdout has drained (large JSON/SARIF outputs to a pipe).
    process.stdout.write(out.join(''), () => process.exit(code));
  },
  (err) => {
    process.stderr.write(`hcpcs-check: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(2);
  },
);
