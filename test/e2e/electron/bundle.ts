import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles the vscode-API suite (TypeScript) into one CommonJS file an extension host can load. */
export async function bundleSuite(outFile: string): Promise<string> {
  await build({
    entryPoints: [join(__dirname, 'suite', 'index.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outFile;
}
