// Bundles the extension client, the language server and the batch checker into dist/.
// Usage: node esbuild.js [--watch] [--dev]   (production builds are minified, without source maps)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev') || watch;

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: dev,
  minify: !dev,
  legalComments: 'none',
  logLevel: 'warning',
};

const builds = [
  // The client runs inside VS Code's extension host: `vscode` is provided there.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] },
  // The language server: one self-contained file (serverMain.js), started over IPC by the client or over stdio by
  // any editor through server.js, which runs it from a V8 code cache (server/src/node/startWithCodeCache.ts).
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server/serverMain.js' },
  { ...common, entryPoints: ['server/src/node/startWithCodeCache.ts'], outfile: 'dist/server/server.js' },
];
// The second thread hcpcs-check makes a large file's guide issues on (node/conformanceThread.ts).
builds.push({ ...common, entryPoints: ['server/src/node/conformanceWorker.ts'], outfile: 'dist/server/conformanceWorker.js' });
if (fs.existsSync('server/src/cli/main.ts')) {
  builds.push({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/server/cli.js' });
}
if (fs.existsSync('server/src/cli/worker.ts')) {
  builds.push({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/server/cliWorker.js' });
}

/** The data tables travel next to the bundle so the server finds them at ../../data from dist/server. */
function reportSizes() {
  for (const b of builds) {
    const size = fs.statSync(b.outfile).size;
    console.log(`${path.relative('.', b.outfile)}  ${(size / 1024).toFixed(0)} KB`);
  }
}

/**
 * The server bundle must be ASCII: its loader (server/src/node/startWithCodeCache.ts) then decodes it byte for byte
 * into a one-byte string instead of decoding UTF-8 (a speed trick of its start). esbuild escapes what it can; a
 * character it leaves (inside a regular expression literal) is refused here, to be written as a \\u escape.
 */
function checkAscii(file) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at < 0) return;
  throw new Error(`${file} is not ASCII: ${JSON.stringify(text[at])} in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}; write it as \\u${text.charCodeAt(at).toString(16).padStart(4, '0')} in the source`);
}

async function main() {
  if (watch) {
    for (const b of builds) (await esbuild.context(b)).watch();
    console.log('watching...');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  checkAscii('dist/server/serverMain.js');
  reportSizes();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
