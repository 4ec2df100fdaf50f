/**
 * Drives the packaged extension in a real VS Code workbench, offline: code-server (VS Code 1.96's web
 * workbench with a real Node extension host) from .cache/editor, and Debian's Chromium through playwright-core.
 * Install both with `bash scripts/install-editor.sh`.
 *
 * Everything this module starts runs in its own process group and is killed by group id in `stop()`, and
 * again on process exit if a test crashed before reaching `stop()`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserServer, type Locator, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..', '..');
export const EDITOR_DIR = join(ROOT, '.cache', 'editor', 'code-server');
export const CODE_SERVER_ENTRY = join(EDITOR_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.HCPCS_CHROMIUM ?? '/usr/bin/chromium';
export const FIXTURE_WORKSPACE = join(ROOT, 'test', 'fixtures', 'e2e-workspace');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots');

/** Why the real-editor test cannot run here, or undefined when it can. */
export function missingEditor(): string | undefined {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    return 'code-server is not installed in .cache/editor: run `bash scripts/install-editor.sh` first';
  }
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}: run \`bash scripts/install-editor.sh\` first`;
  return undefined;
}

/** HCPCS_VSIX, or the newest *.vsix at the repository root. */
export function findVsix(): string {
  const fromEnv = process.env.HCPCS_VSIX;
  if (fromEnv) {
    const p = resolve(fromEnv);
    if (!existsSync(p)) throw new Error(`HCPCS_VSIX=${fromEnv} does not exist`);
    return p;
  }
  const found = readdirSync(ROOT)
    .filter((n) => n.endsWith('.vsix'))
    .map((n) => join(ROOT, n))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (found.length === 0) {
    throw new Error('no .vsix at the repository root: run `npm run build && npm run package` first (or set HCPCS_VSIX)');
  }
  return found[0];
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

const groups = new Set<number>();
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}
process.on('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopGroup(pid: number): Promise<void> {
  killGroup(pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
  groups.delete(pid);
}

export interface Editor {
  page: Page;
  browser: Browser;
  workspace: string;
  url: string;
  /** The installed (unpacked) extension folder inside the temporary extensions dir. */
  extensionPath: string;
  port: number;
  /** code-server's output, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

/** Installs the VSIX into a fresh extensions folder, starts code-server and Chromium, opens the workbench. */
export async function startEditor(vsix: string, options: { extraFiles?: Record<string, string> } = {}): Promise<Editor> {
  const tmp = mkdtempSync(join(tmpdir(), 'hcpcs-e2e-'));
  const extensionsDir = join(tmp, 'extensions');
  const userDataDir = join(tmp, 'user-data');
  const workspace = join(tmp, 'workspace');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'files.autoSave': 'off',
        'editor.hover.delay': 150,
        'editor.minimap.enabled': false,
        'window.zoomLevel': 0,
      },
      null,
      2,
    ),
  );
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  // files the test generates (e.g. a 10 MB batch), relative to the workspace
  for (const [rel, text] of Object.entries(options.extraFiles ?? {})) {
    mkdirSync(join(workspace, rel, '..'), { recursive: true });
    writeFileSync(join(workspace, rel), text);
  }

  const install = spawnSync(
    process.execPath,
    [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const installed = existsSync(extensionsDir)
    ? readdirSync(extensionsDir).filter((n) => !n.startsWith('.') && n !== 'extensions.json')
    : [];
  if (install.status !== 0 || installed.length !== 1) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`code-server --install-extension ${vsix} failed:\n${install.stdout}\n${install.stderr}`);
  }
  const extensionPath = join(extensionsDir, installed[0]);

  const port = await freePort();
  let output = '';
  const server: ChildProcess = spawn(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      workspace,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } },
  );
  if (server.pid) groups.add(server.pid);
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));

  let browserServer: BrowserServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    // Each step on its own: a failure in one must not leave the others running.
    await browser?.close().catch(() => undefined);
    const chromiumPid = browserServer?.process().pid;
    await browserServer?.close().catch(() => undefined);
    if (chromiumPid) await stopGroup(chromiumPid);
    if (server.pid) await stopGroup(server.pid);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, () => output, server);
    // launchServer (rather than launch) exposes the browser's process, so it can be killed by group id.
    browserServer = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const pid = browserServer.process().pid;
    if (pid) groups.add(pid);
    browser = await chromium.connect(browserServer.wsEndpoint());
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } }); // issue 14: units visible in the hover at 1600x1000
    // tsx (esbuild keepNames) wraps functions in __name(...); functions sent to the page need it defined there.
    await page.addInitScript('globalThis.__name = (f) => f;');
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the workspace once the workbench has restored its views.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return { page, browser, workspace, url, extensionPath, port, log: () => output, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- code-server output ---\n${output.slice(-4000)}`);
  }
}

async function waitForHttp(url: string, timeoutMs: number, log: () => string, proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with ${proc.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${log().slice(-2000)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Workbench helpers

/** Opens a workspace file by clicking through the explorer tree (folders first). */
export async function openFile(page: Page, relPath: string): Promise<void> {
  const parts = relPath.split('/');
  const tree = page.locator('.explorer-folders-view');
  for (let i = 0; i < parts.length; i++) {
    const row = tree.locator(`.monaco-list-row[aria-label="${parts[i]}"], .monaco-list-row:has(.label-name:text-is("${parts[i]}"))`).first();
    await row.waitFor({ timeout: 30_000 });
    const isLast = i === parts.length - 1;
    if (!isLast) {
      if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
      await page.waitForFunction(
        (name) =>
          [...(globalThis as any).document.querySelectorAll('.explorer-folders-view .monaco-list-row')].some(
            (r: any) => r.querySelector('.label-name')?.textContent === name && r.getAttribute('aria-expanded') === 'true',
          ),
        parts[i],
        { timeout: 30_000 },
      );
    } else {
      await row.click();
    }
  }
  const name = parts[parts.length - 1];
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 30_000 });
  await activeEditor(page).locator('.view-lines .view-line').first().waitFor({ timeout: 30_000 });
}

export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** The bounding box of the first occurrence of `text` in the rendered lines of the active editor. */
export async function textBox(
  page: Page,
  text: string,
  occurrence = 0,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const handle = await activeEditor(page).elementHandle();
  const box = await page.evaluate(
    ({ root, text, occurrence }) => {
      // Runs in the page (the project's tsconfig has no DOM types, hence the `any`s).
      const doc = (globalThis as any).document;
      const lines: any[] = [...(root as any).querySelectorAll('.view-lines .view-line')].sort(
        (a: any, b: any) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
      );
      let seen = 0;
      for (const line of lines) {
        const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
        const nodes: any[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
        const full = nodes.map((n) => n.data).join('').replace(/\u00a0/g, ' ');
        let at = full.indexOf(text);
        while (at >= 0 && seen < occurrence) {
          seen++;
          at = full.indexOf(text, at + 1);
        }
        if (at < 0) continue;
        const locate = (offset: number): [any, number] => {
          for (const n of nodes) {
            if (offset <= n.data.length) return [n, offset];
            offset -= n.data.length;
          }
          const last = nodes[nodes.length - 1];
          return [last, last.data.length];
        };
        const range = doc.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + text.length));
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return undefined;
    },
    { root: handle, text, occurrence },
  );
  if (!box) throw new Error(`"${text}" is not visible in the active editor`);
  return box;
}

/** Moves the mouse onto `text` and returns the text of the hover once it has some matching `expect`. */
export async function hoverText(page: Page, text: string, expect: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  let last = '';
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    const b = await textBox(page, text);
    const y = b.y + b.height / 2;
    // Two moves a few pixels apart inside the token: Monaco starts its hover on mouse movement.
    await page.mouse.move(b.x + 2, y);
    await page.mouse.move(b.x + Math.min(b.width - 2, 6 + (attempt % 3)), y);
    try {
      await page.waitForFunction(
        (src) => {
          const re = new RegExp(src, 'i');
          const doc = (globalThis as any).document;
          return [...doc.querySelectorAll('.monaco-hover:not(.hidden)')].some((h: any) => re.test(h.textContent ?? ''));
        },
        expect.source,
        { timeout: Math.min(3_000, Math.max(500, deadline - Date.now())) },
      );
      return (await hover.textContent()) ?? '';
    } catch {
      last = (await hover.textContent().catch(() => '')) ?? '';
      // Move away so the next attempt starts a fresh hover (the server may not have been ready).
      await page.mouse.move(5, 5);
    }
  }
  throw new Error(`no hover matching ${expect} on "${text}" within ${timeoutMs} ms; last hover text: ${JSON.stringify(last)}`);
}

/** Places the caret on `text` (a click in the middle of its first occurrence). */
export async function clickOn(page: Page, text: string, occurrence = 0): Promise<void> {
  const b = await textBox(page, text, occurrence);
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

/** The text of the rendered lines of the active editor, top to bottom (the whole file when it fits). */
export async function visibleText(page: Page): Promise<string> {
  const handle = await activeEditor(page).elementHandle();
  return page.evaluate((root) => {
    const lines: any[] = [...(root as any).querySelectorAll('.view-lines .view-line')].sort(
      (a: any, b: any) => a.getBoundingClientRect().top - b.getBoundingClientRect().top,
    );
    return lines.map((l: any) => (l.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  }, handle);
}

/**
 * Opens the command palette (F1) and returns its input. When the focus sits in a webview's frame (the look-up view)
 * the frame may keep the key: then the focus goes back to the workbench (the explorer's title) and F1 again.
 */
export async function openCommandPalette(page: Page): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input').first();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('F1');
    if (await input.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return input;
    await page.locator('.part.sidebar .title-label').first().click({ timeout: 5_000 }).catch(() => undefined);
  }
  await input.waitFor({ timeout: 15_000 });
  return input;
}

/** Runs a command through the command palette (F1), by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  // A webview that finishes loading (the look-up view) may take the focus just after the palette opened, which
  // closes the palette before the title is typed: then the palette is opened again (up to three times).
  for (let attempt = 0; ; attempt++) {
    const input = await openCommandPalette(page);
    try {
      await input.fill(`>${title}`, { timeout: 5_000 });
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
      await row.waitFor({ timeout: 15_000 });
      await input.press('Enter', { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 2) throw error;
      await page.keyboard.press('Escape');
      await page.locator('.part.sidebar .title-label').first().click({ timeout: 5_000 }).catch(() => undefined);
    }
  }
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.png`);
  // Let widgets finish fading in (Monaco animates hovers and suggestion lists), so the picture is not washed out.
  await page.evaluate(async () => {
    const doc = (globalThis as any).document;
    const widgets: any[] = [...doc.querySelectorAll('.monaco-hover, .suggest-widget, .action-widget')];
    const running = widgets.flatMap((w) => w.getAnimations({ subtree: true }).map((a: any) => a.finished));
    await Promise.race([Promise.allSettled(running), new Promise((r) => setTimeout(r, 2000))]);
  });
  await page.screenshot({ path: file });
  return file;
}

/**
 * Runs an extension-test module (the @vscode/test-electron suite, bundled) in a second workbench window, as
 * VS Code does for `--extensionTestsPath`: its extension host loads `extensionPath` as the development
 * extension and calls the module's `run()`. Resolves with the suite's console output once it prints
 * "N passed, N failed".
 */
export async function runExtensionTests(
  editor: Editor,
  extensionPath: string,
  testsModule: string,
  timeoutMs = 180_000,
): Promise<{ passed: number; failed: number; output: string }> {
  const authority = `127.0.0.1:${editor.port}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://${authority}${testsModule}`],
  ]);
  const page = await editor.browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.addInitScript('globalThis.__name = (f) => f;');
  const lines: string[] = [];
  const summary = new Promise<{ passed: number; failed: number }>((resolve) => {
    page.on('console', (msg) => {
      // The extension host's console is forwarded to the page, prefixed with a "%c INFO" style marker.
      const text = msg.text().replace(/^%c\s+\w+\s+color:\s*\S+\s?/, '');
      lines.push(text);
      const m = /^(\d+) passed, (\d+) failed$/m.exec(text);
      if (m) resolve({ passed: Number(m[1]), failed: Number(m[2]) });
    });
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the extension tests printed no summary within ${timeoutMs} ms:\n${lines.join('\n')}`)),
      timeoutMs,
    );
  });
  try {
    await page.goto(
      `http://${authority}/?folder=${encodeURIComponent(editor.workspace)}&payload=${encodeURIComponent(payload)}`,
    );
    const result = await Promise.race([summary, timeout]);
    return { ...result, output: lines.filter((l) => /^\s*(ok|FAIL)\b|^\s{4}|passed, \d+ failed/.test(l)).join('\n') };
  } finally {
    clearTimeout(timer);
    await page.close().catch(() => undefined);
  }
}
