/**
 * A generated 10 MB 837P batch (bench/generate.ts, profile "realistic", 18,000+ claims) in the real workbench:
 * prints the time from opening it to its problems in the status bar, and from a one-character edit to the updated
 * problem count (printed, not asserted: shared machines are noisy; issue 12 asks for both under 2 s), and checks
 * that problems, inlay hints, folding and the outline show and that the edit changes the count.
 *
 *   npm run build && npm run package && npm run test:e2e
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generate837P } from '../../../bench/generate';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { bundledGuides } from '../../../server/src/guides/loader';
import { activeEditor, findVsix, missingEditor, openFile, ROOT, runCommand, screenshot, startEditor, visibleText, type Editor } from './harness';

const skip = missingEditor();
const BIG = 'claims/batch-10mb.837';

/** The numbers in the workbench's own problems item of the status bar (errors + warnings + infos). */
async function problemCount(page: Editor['page']): Promise<number | undefined> {
  const label = await page
    .locator('#status\\.problems')
    .first()
    .getAttribute('aria-label', { timeout: 1_000 })
    .catch(() => null);
  if (label === null) return undefined;
  if (/no problems/i.test(label)) return 0;
  const numbers = label.match(/\d[\d,]*/g) ?? [];
  return numbers.reduce((n, x) => n + Number(x.replace(/,/g, '')), 0);
}

/**
 * The extension's status bar item for this file (errors, warnings, infos). VS Code keeps at most 1,000 problems a
 * file, the most severe first, plus one "not showing N more": on a batch with more findings its own problems count
 * stays at 1001 whatever changes, while the errors/warnings split of this item moves when an edit adds errors.
 */
async function extensionCount(page: Editor['page']): Promise<string | undefined> {
  // by its id (hcpcs.problems): VS Code's own problems item shows the same icons, with the counts of the 1,000 it keeps
  const item = page.locator('.statusbar-item[id$="hcpcs.problems"]', { has: page.locator('.codicon-error') }).filter({ has: page.locator('.codicon-warning') }).first();
  const text = await item.textContent({ timeout: 1_000 }).catch(() => null);
  return text === null ? undefined : text.trim();
}

async function waitForCount(page: Editor['page'], ok: (n: number) => boolean, timeoutMs: number): Promise<{ count: number; ms: number }> {
  const started = Date.now();
  for (;;) {
    const n = await problemCount(page);
    if (n !== undefined && ok(n)) return { count: n, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) throw new Error(`problem count ${n} after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
}

/** The time of an output channel log line ("2026-12-02 20:41:07.123 [info] ..."), in ms since the epoch. */
function logTime(line: string | undefined): number | undefined {
  const m = line ? /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line) : null;
  return m ? new Date(`${m[1]}T${m[2]}`).getTime() : undefined;
}

/** Lines of the "HCPCS Language Server" output channel (the user data folder sits beside the extensions folder). */
function serverLog(editor: Editor): string[] {
  const logs = path.join(editor.extensionPath, '..', '..', 'user-data', 'logs');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/HCPCS Language Server/.test(e.name)) out.push(...fs.readFileSync(p, 'utf8').split('\n'));
    }
  };
  walk(logs);
  return out;
}

describe('a 10 MB claim file in a real VS Code workbench', { timeout: 10 * 60_000 }, () => {
  let editor: Editor;
  let text = '';

  before(async () => {
    if (skip) return;
    const { codeSet } = loadCodeSet(path.join(ROOT, 'data'));
    text = generate837P(codeSet!, { targetBytes: 10_000_000, seed: 10, profile: 'realistic', guides: bundledGuides() });
    editor = await startEditor(findVsix(), { extraFiles: { [BIG]: text } });
  });
  after(() => editor?.stop());

  test('problems after opening, and after a one-character edit; inlay hints, folding and the outline', { skip }, async () => {
    const { page } = editor;
    const before = (await problemCount(page)) ?? 0;
    const opened = Date.now();
    await openFile(page, BIG);
    const textShownMs = Date.now() - opened;
    const first = await waitForCount(page, (n) => n > before, 180_000);
    const firstMs = Date.now() - opened;
    console.log(`# 10 MB file (${(text.length / 1e6).toFixed(1)} MB): open -> first problems ${firstMs} ms (${first.count} problems)`);
    // the first problems may be a partial answer (the claims checked so far); the extension's count shows once all are
    let complete = await extensionCount(page);
    while (complete === undefined && Date.now() - opened < 180_000) {
      await page.waitForTimeout(50);
      complete = await extensionCount(page);
    }
    console.log(`# 10 MB file: open -> all problems counted ${Date.now() - opened} ms (status bar "${complete}")`);
    // the server asked VS Code to pull again (workspace/diagnostic/refresh): its own count grows to the complete
    // answer's, at most the 1,000 a file it lists (the bench file has 2,247 problems)
    const listed = await waitForCount(page, (n) => n >= 1000, 60_000).catch(() => ({ count: -1, ms: 0 }));
    console.log(`# 10 MB file: open -> VS Code lists all it keeps ${Date.now() - opened} ms (${listed.count} problems)`);

    // on the first screen: inlay hints (the descriptor drawn after a code, "SV1*HC:A9600:JZ Sr89 strontium*": the
    // file has no space there) and folding controls (transaction, HL loops, claims; VS Code keeps 5,000 ranges)
    const hintShown = /SV[12]\*HC:[A-Z0-9:]+\s+[^*~\s][^*~]*\*/;
    const foldControls = activeEditor(page).locator('.margin .codicon-folding-expanded, .margin .codicon-folding-collapsed');
    const by = Date.now() + 30_000;
    let shown = await visibleText(page);
    while ((!hintShown.test(shown) || (await foldControls.count()) === 0) && Date.now() < by) {
      await page.waitForTimeout(250);
      shown = await visibleText(page);
    }
    const hints = shown.split('\n').filter((l) => hintShown.test(l)).length;
    const folds = await foldControls.count();
    await screenshot(page, 'big-file-top');

    // a segment the 837 does not know typed before a service line in the middle ("ZZZ~SV1*..."): it adds findings
    // (unknown segment, segment count) and takes none away, so the count must change
    const line = text.slice(0, text.indexOf('SV1*HC:', text.length >> 1)).split('\n').length;
    await page.keyboard.press('Control+g');
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.waitForTimeout(1_000);
    const countBefore = await extensionCount(page);
    const edited = Date.now();
    await page.keyboard.type('ZZZ~');
    let countAfter = countBefore;
    while (countAfter === countBefore && Date.now() - edited < 60_000) {
      await page.waitForTimeout(50);
      countAfter = await extensionCount(page);
    }
    const editMs = Date.now() - edited;
    const after = { count: (await problemCount(page)) ?? first.count };
    console.log(`# 10 MB file: edit -> updated problem count ${editMs} ms (status bar "${countBefore}" -> "${countAfter}"; VS Code's own count ${first.count} -> ${after.count}, capped at 1,000 a file)`);
    console.log(`# 10 MB file: lines with inlay hints on screen ${hints}, folding controls on screen ${folds}`);
    await screenshot(page, 'big-file');

    // the outline (VS Code asks for the document's symbols): a batch this big lists its claims (capped, with a last
    // entry saying how many more); the first rows are the interchange, group and transaction with their claims
    const outlineAsked = Date.now();
    await runCommand(page, 'Explorer: Focus on Outline View');
    const outlineRows = page.locator('.outline-pane .outline-tree .monaco-list-row');
    while ((await outlineRows.count()) === 0 && Date.now() - outlineAsked < 60_000) await page.waitForTimeout(100);
    const outlineMs = Date.now() - outlineAsked;
    const outlineText = (await outlineRows.allTextContents()).map((t) => t.trim()).filter(Boolean);
    console.log(`# 10 MB file: outline rows on screen ${outlineText.length} after ${outlineMs} ms (first: ${outlineText.slice(0, 3).map((t) => `"${t.slice(0, 60)}"`).join(', ')})`);
    // the server's own account (sizes and times only), from the extension's output channel log
    const log = serverLog(editor);
    for (const l of log.filter((x) => /checked a \d/.test(x)).slice(-4)) console.log(`# server: ${l.replace(/^.*?checked/, 'checked')}`);
    // where the time to the first problems went: the editor handing the file to the extension, then to the server
    const reached = logTime(log.find((x) => /lines (reached the extension|was open when the extension started)/.test(x)));
    for (const l of log.filter((x) => /lines (reached|was open)|code set HCPCS/.test(x))) console.log(`# client: ${l}`);
    const firstCheck = log.find((x) => /checked a \d+(\.\d)? MB document \d+ ms after it arrived/.test(x));
    const arrived = firstCheck ? logTime(firstCheck)! - Number(/document (\d+) ms after/.exec(firstCheck)![1]) : undefined;
    if (reached !== undefined) console.log(`# 10 MB file: open -> text on screen ${textShownMs} ms, -> the extension has it ${reached - opened} ms${arrived !== undefined ? `, -> the server has it ${arrived - opened} ms` : ''}, -> first problems ${firstMs} ms`);
    assert.ok(first.count > 0, 'the 10 MB file shows its problems');
    assert.ok(listed.count >= 1000, `after the complete answer VS Code lists 1,000 problems (it showed ${first.count} first)`);
    assert.ok(countBefore !== undefined, "the extension's problem count shows for the 10 MB file");
    assert.notEqual(countAfter, countBefore, 'the edit changed the problem count');
    assert.ok(folds > 0, 'folding controls in the margin');
    assert.ok(hints > 0, 'inlay hints after the codes on screen');
    assert.ok(outlineText.some((t) => /^(Interchange|Group|837P|Claim)\b/.test(t)), `the outline shows the batch (rows: ${outlineText.slice(0, 8).join(' | ')})`);
  });
});
