/**
 * The @vscode/test-electron suite (test/e2e/electron/suite), run offline: code-server's Node extension host
 * loads the packaged extension as the development extension and runs the suite's `run()`, exactly as desktop
 * VS Code does for `--extensionTestsPath`. So the vscode-API scenarios are checked in CI, where no desktop
 * VS Code can be downloaded. Skips when the editor is not installed (see scripts/install-editor.sh).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bundleSuite } from '../electron/bundle';
import { findVsix, missingEditor, runExtensionTests, startEditor, type Editor } from './harness';

const skip = missingEditor();

describe('vscode-API suite in a real extension host', { timeout: 10 * 60_000 }, () => {
  let editor: Editor;
  let outDir: string;

  before(async () => {
    if (skip) return;
    outDir = mkdtempSync(join(tmpdir(), 'hcpcs-api-suite-'));
    editor = await startEditor(findVsix());
  });

  after(async () => {
    await editor?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('hover, completion, diagnostics with rule ids and a quick fix through the vscode API', { skip }, async () => {
    const suite = await bundleSuite(join(outDir, 'suite.js'));
    const result = await runExtensionTests(editor, editor.extensionPath, suite);
    console.log(result.output);
    assert.equal(result.failed, 0, result.output);
    assert.ok(result.passed >= 6, result.output);
  });
});
