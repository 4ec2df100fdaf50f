/**
 * The @vscode/test-electron suite, as extension authors run it on a laptop:
 *
 *   npm run build && npm run test:electron
 *
 * It downloads a desktop VS Code build from Microsoft's update service into .vscode-test/ on first use, so it
 * needs the internet once (set VSCODE_EXECUTABLE_PATH to use an installed VS Code instead). Where that service
 * cannot be reached and nothing is cached, it stops at once with a clear message; the offline real-editor test
 * is test/e2e/web (npm run test:e2e).
 *
 * Environment: VSCODE_TEST_VERSION (default "stable"), VSCODE_EXECUTABLE_PATH.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { bundleSuite } from './bundle';

const ROOT = resolve(__dirname, '..', '..', '..');
const UPDATE_SERVICE = 'https://update.code.visualstudio.com/api/releases/stable';

function fail(message: string): never {
  console.error(`test:electron: ${message}`);
  process.exit(1);
}

async function reachable(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return res.status < 500;
  } catch {
    return false;
  }
}

function cachedVsCode(): boolean {
  const dir = join(ROOT, '.vscode-test');
  return existsSync(dir) && readdirSync(dir).some((n) => n.startsWith('vscode-'));
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist', 'client', 'extension.js')) || !existsSync(join(ROOT, 'dist', 'server', 'server.js'))) {
    fail('the extension is not built: run `npm run build` first');
  }
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE_PATH;
  if (vscodeExecutablePath && !existsSync(vscodeExecutablePath)) fail(`VSCODE_EXECUTABLE_PATH=${vscodeExecutablePath} does not exist`);
  if (!vscodeExecutablePath && !cachedVsCode() && !(await reachable(UPDATE_SERVICE, 5000))) {
    fail(
      'cannot download VS Code: its update service is unreachable (offline?) and .vscode-test/ holds no cached build.\n' +
        '  Run it where the internet is reachable, or set VSCODE_EXECUTABLE_PATH to an installed VS Code.\n' +
        '  The offline real-editor test is `npm run test:e2e` (code-server + Chromium, see scripts/install-editor.sh).',
    );
  }

  // The suite is TypeScript: bundle it into one CommonJS file the extension host can require.
  const suite = await bundleSuite(join(ROOT, 'out', 'e2e-electron', 'suite', 'index.js'));

  const tmp = mkdtempSync(join(tmpdir(), 'hcpcs-electron-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures', 'e2e-workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        join(tmp, 'user-data'),
      ],
    });
  } catch (err) {
    fail(`the suite failed: ${(err as Error)?.message ?? err}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => fail((err as Error)?.stack ?? String(err)));
