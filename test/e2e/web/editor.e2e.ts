/**
 * The packaged extension in a real VS Code (1.96 web workbench served by code-server, driven in Chromium):
 * hover, diagnostics, Problems panel, completion, quick fix, and a clinical note.
 *
 *   bash scripts/install-editor.sh          # once: chromium + code-server into .cache/editor
 *   npm run build && npm run package        # the .vsix under test (or HCPCS_VSIX=path/to/file.vsix)
 *   npm run test:e2e
 *
 * Skips (does not fail) when the editor is not installed. Screenshots go to test-results/; with
 * UPDATE_SCREENSHOTS=1 the ones the README shows are copied to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  SCREENSHOTS_DIR,
  activeEditor,
  clickOn,
  findVsix,
  hoverText,
  missingEditor,
  openCommandPalette,
  openFile,
  runCommand,
  screenshot,
  startEditor,
  textBox,
  visibleText,
  type Editor,
} from './harness';

const STRONTIUM = 'Strontium sr-89 chloride, therapeutic, per millicurie';
const CLAIM = 'claims/sample.837';
const NOTE = 'notes/visit.note.md';
/** A9998 has the HCPCS shape but is in no CMS release (A9999 is real: "Miscellaneous dme supply ..."). */
const MADE_UP_CODE = 'A9998';

const skip = missingEditor();
if (skip) console.warn(`real-editor test skipped: ${skip}`);

const shots: Record<string, string> = {};
function keep(name: string, file: string): void {
  shots[name] = file;
}

describe('HCPCS extension in a real VS Code workbench', { timeout: 10 * 60_000 }, () => {
  let editor: Editor;

  before(async () => {
    if (skip) return;
    const vsix = findVsix();
    console.log(`# testing ${vsix}`);
    editor = await startEditor(vsix);
  });

  after(async () => {
    await editor?.stop();
    if (process.env.UPDATE_SCREENSHOTS === '1' && Object.keys(shots).length) {
      mkdirSync(SCREENSHOTS_DIR, { recursive: true });
      for (const [name, file] of Object.entries(shots)) copyFileSync(file, join(SCREENSHOTS_DIR, `${name}.png`));
      console.log(`# copied ${Object.keys(shots).join(', ')} to docs/screenshots`);
    }
  });

  test('hover over A9600 in the claim file shows the official CMS descriptor', { skip }, async () => {
    const { page } = editor;
    await openFile(page, CLAIM);
    // The fixture has problems, so squiggles mean the extension is active and its server has answered.
    await activeEditor(page)
      .locator('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint')
      .first()
      .waitFor({ timeout: 90_000 });
    const text = await hoverText(page, 'A9600', new RegExp(STRONTIUM.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 90_000);
    assert.match(text, /Strontium sr-89 chloride, therapeutic, per millicurie/);
    keep('hover-claim', await screenshot(page, 'hover-claim'));
    await page.mouse.move(5, 5);
    // Inlay hints: the short descriptor is drawn right after the code on its line.
    const deadline = Date.now() + 30_000;
    let lines = await visibleText(page);
    while (!/SV1\*HC:A9600:JZ\s*Sr89 strontium\*/.test(lines) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      lines = await visibleText(page);
    }
    assert.match(lines, /SV1\*HC:A9600:JZ\s*Sr89 strontium\*/, 'inlay hint with the short descriptor after the code');
  });

  test('diagnostics: squiggles in the editor and rule ids in the Problems panel', { skip }, async () => {
    const { page } = editor;
    const squiggles = activeEditor(page).locator(
      '.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint',
    );
    await squiggles.first().waitFor({ timeout: 60_000 });
    assert.ok((await squiggles.count()) > 0);

    await page.keyboard.press('Control+Shift+M');
    try {
      await problemsPanel();
    } finally {
      // Hide the panel again, or it covers the lines the next tests work on.
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    }
  });

  async function problemsPanel(): Promise<void> {
    const { page } = editor;
    const rows = page.locator('.markers-panel .monaco-list-row');
    await page.waitForFunction(
      (code) =>
        [...(globalThis as any).document.querySelectorAll('.markers-panel .monaco-list-row')].some((r: any) =>
          (r.textContent ?? '').includes(code),
        ),
      'hcpcs/unknown-code',
      { timeout: 60_000 },
    );
    const texts = await rows.allTextContents();
    // Each row shows "message  source(code)"; with a documentation link on the code, the parentheses are drawn
    // by CSS, so the text reads "hcpcshcpcs/unknown-code": match the rule-id families rather than the punctuation.
    const ruleIds = [...new Set(texts.join('\n').match(/(?:hcpcs|icd10|notes|x12|claim)\/[a-z0-9-]+/g) ?? [])].sort();
    console.log(`# Problems panel rule ids: ${ruleIds.join(', ')}`);
    assert.ok(ruleIds.includes('hcpcs/unknown-code'), `rule ids shown: ${ruleIds.join(', ')}; rows: ${JSON.stringify(texts)}`);
    const unknownRow = texts.find((t) => t.includes('hcpcs/unknown-code')) ?? '';
    assert.match(unknownRow, new RegExp(MADE_UP_CODE), `the unknown-code problem names ${MADE_UP_CODE}: ${unknownRow}`);
    keep('problems', await screenshot(page, 'problems'));
  }

  test('the hover is compact: units visible without scrolling at 1600x1000', { skip }, async () => {
    const { page } = editor;
    await hoverText(page, 'A9600', /Units:/, 60_000);
    const fits = await page.evaluate(() => {
      const doc = (globalThis as any).document;
      const hover = [...doc.querySelectorAll('.monaco-hover:not(.hidden)')].find((h: any) => /Units:/.test(h.textContent ?? '')) as any;
      if (!hover) return { ok: false, why: 'no hover' };
      const units = [...hover.querySelectorAll('strong, b')].find((e: any) => /^Units:/.test(e.textContent ?? '')) as any;
      const box = hover.getBoundingClientRect();
      const u = units?.getBoundingClientRect();
      const scroller = hover.querySelector('.monaco-scrollable-element') ?? hover;
      return { ok: !!u && u.bottom <= box.bottom && u.top >= box.top, why: `units ${u?.top}-${u?.bottom}, hover ${box.top}-${box.bottom}, scrollTop ${scroller.scrollTop}` };
    });
    assert.ok(fits.ok, fits.why);
    keep('hover-claim', await screenshot(page, 'hover-claim'));
    await page.mouse.move(5, 5);
  });

  test('an unknown code (A9998) offers no code spelled alike as a fix: a look-up, disable and about', { skip }, async () => {
    const { page } = editor;
    await clickOn(page, MADE_UP_CODE);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.context-view .action-widget');
    await menu.locator('.monaco-list-row.action').first().waitFor({ timeout: 20_000 });
    const titles = (await menu.locator('.monaco-list-row.action').allTextContents()).map((t) => t.trim());
    console.log(`# fixes on ${MADE_UP_CODE}: ${titles.join(' | ')}`);
    await screenshot(page, 'fixes-unknown-code');
    await page.keyboard.press('Escape');
    assert.ok(titles.some((t) => t.startsWith('Look up a code')), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Disable hcpcs/unknown-code in this file')), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('About hcpcs/unknown-code')), titles.join(' | '));
    assert.deepEqual(
      titles.map((t) => t.replace(/ \(.*$| in this file$/, '')),
      ['Look up a code', 'Disable hcpcs/unknown-code', 'About hcpcs/unknown-code'],
      'nothing replaces the code',
    );
  });

  test('look-up is one read-only view titled by the code, prefilled from the cursor, closed without a save prompt', { skip }, async () => {
    const { page } = editor;
    try {
      const tabsBefore = await page.locator('.tabs-container .tab').count();
      await clickOn(page, 'A9600');
      await openLookup(page);
      const input = page.locator('.quick-input-widget .quick-input-box input').first();
      assert.equal(await input.inputValue(), 'A9600', 'prefilled with the code under the cursor');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'A9600' }).first().waitFor({ timeout: 15_000 });
      await input.press('Enter');
      const tab = page.locator('.tabs-container .tab', { hasText: 'A9600 · HCPCS look-up' });
      await tab.waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('.tabs-container .tab').count(), tabsBefore + 1, 'one new tab, no untitled source beside it');
      assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'nothing dirty');
      // the view's text, in the webview's frame
      let body = '';
      for (const until = Date.now() + 20_000; !/Strontium/.test(body) && Date.now() < until; ) {
        body = '';
        for (const frame of page.frames()) body += (await frame.locator('body.hcpcs-reference').textContent({ timeout: 500 }).catch(() => '')) ?? '';
        if (!/Strontium/.test(body)) await page.waitForTimeout(250);
      }
      assert.match(body, /Strontium sr-89 chloride, therapeutic, per millicurie/);
      keep('lookup', await screenshot(page, 'lookup'));
      // an ICD-10-CM code with its dot, and a query with no match, in the same single tab
      await openLookup(page);
      await input.fill('Q9Z9Z');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'No match' }).first().waitFor({ timeout: 15_000 });
      await input.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'Q9Z9Z · HCPCS look-up' }).waitFor({ timeout: 20_000 });
      assert.equal(await page.locator('.tabs-container .tab').count(), tabsBefore + 1, 'the same tab is reused');
      await runCommand(page, 'View: Close Editor');
      await page.locator('.tabs-container .tab', { hasText: 'HCPCS look-up' }).waitFor({ state: 'detached', timeout: 10_000 });
      assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no save prompt');
    } finally {
      // the view opened beside the claim: back to the claim file for the tests after this one, also when a step
      // above failed with the view (or the palette) still in front
      await page.keyboard.press('Escape').catch(() => undefined);
      const lookupTab = page.locator('.tabs-container .tab', { hasText: 'HCPCS look-up' });
      if (await lookupTab.count()) await lookupTab.first().locator('.codicon-close').click({ timeout: 5_000 }).catch(() => undefined);
      await openFile(page, CLAIM);
    }
  });

  test('status bar: errors and warnings apart; a click lists this file\'s problems', { skip }, async () => {
    const { page } = editor;
    // each test starts from the claim file, so one that failed with another view in front does not fail this one too
    await openFile(page, CLAIM);
    await clickOn(page, 'A9600');
    // the extension's item (id hcpcs.problems), not VS Code's own problems item, which shows the same icons
    const item = page.locator('.statusbar-item[id$="hcpcs.problems"]', { has: page.locator('.codicon-error') }).filter({ has: page.locator('.codicon-warning') }).first();
    await item.waitFor({ timeout: 30_000 });
    const text = (await item.textContent())?.trim() ?? '';
    assert.match(text, /^\d+\s+\d+/, `status bar item: "${text}"`);
    await item.click();
    // visible rows only: the command palette's earlier list stays in the widget, hidden
    const rows = page.locator('.quick-input-widget .monaco-list-row:visible');
    await page.locator('.quick-input-widget .monaco-list-row:visible', { hasText: 'hcpcs/' }).first().waitFor({ timeout: 15_000 });
    const listed = await rows.allTextContents();
    console.log(`# status bar problems: ${listed.length} rows`);
    assert.ok(listed.some((t) => /hcpcs\/unknown-code/.test(t)), listed.join(' | '));
    assert.ok(listed.some((t) => /Open the Problems panel/.test(t)));
    keep('status-problems', await screenshot(page, 'status-problems'));
    await page.keyboard.press('Escape');
  });

  test('quick fix on a flagged code changes the claim text', { skip }, async () => {
    const { page, workspace } = editor;
    await openFile(page, CLAIM);
    const before = readFileSync(join(workspace, CLAIM), 'utf8');
    // Codes in the fixture that a rule flags; the first one offering a fix is used.
    const candidates = [MADE_UP_CODE, 'J9010', 'A9600'];
    let applied: { code: string; title: string } | undefined;
    for (const code of candidates) {
      if (!(await visibleText(page)).includes(code)) continue;
      await clickOn(page, code);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.context-view .action-widget');
      try {
        await menu.locator('.monaco-list-row.action').first().waitFor({ timeout: 10_000 });
      } catch {
        await page.keyboard.press('Escape');
        continue;
      }
      const actions = menu.locator('.monaco-list-row.action:not(.disabled)');
      const titles = (await actions.allTextContents()).map((t) => t.trim());
      // an edit, not the look-up, "Disable this rule" or "About this rule" (commands that leave the claim as it is)
      const pick = titles.findIndex((t) => !/disable|learn more|ignore|suppress|turn off|^look up|^about /i.test(t));
      if (pick < 0) {
        await page.keyboard.press('Escape');
        continue;
      }
      await screenshot(page, 'quick-fix'); // test-results only: the suggested replacement depends on the rule's ranking
      // The widget puts a pointer block over the page: choose with the keyboard (the first action has focus).
      for (let i = 0; i < pick; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
      applied = { code, title: titles[pick] };
      break;
    }
    assert.ok(applied, `no quick fix offered on any of ${candidates.join(', ')}`);
    console.log(`# applied quick fix "${applied.title}" on ${applied.code}`);
    // The editor model changed (read back from the rendered lines) ...
    await page.waitForFunction(
      (tab) => !!(globalThis as any).document.querySelector(`.tabs-container .tab.active.dirty[aria-label^="${tab}"]`),
      'sample.837',
      { timeout: 15_000 },
    );
    const shown = await visibleText(page);
    assert.notEqual(shown.replace(/\n/g, ''), before.replace(/\n/g, ''));
    // ... and saving writes exactly the model's text to disk.
    await page.keyboard.press('Control+s');
    await page
      .locator('.tabs-container .tab.active.dirty')
      .waitFor({ state: 'detached', timeout: 15_000 });
    const after = readFileSync(join(workspace, CLAIM), 'utf8');
    assert.notEqual(after, before, 'the quick fix changed the document');
    const changed = diffLines(before, after);
    console.log(`# quick fix changed: ${JSON.stringify(changed)}`);
    assert.ok(changed.length > 0);
  });

  test('completion after HC: in a new SV1 line offers A9600 and A9604', { skip }, async () => {
    const { page } = editor;
    // A new service line after the last DTP of the claim, typed whole, then the caret goes back after "A96".
    const lastDtp = await textBox(page, 'DTP*472*D8*20260115~', 2);
    await page.mouse.click(lastDtp.x + lastDtp.width + 40, lastDtp.y + lastDtp.height / 2);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('LX*4~');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    const rest = '*100*UN*1***1~';
    await page.keyboard.type(`SV1*HC:A96${rest}`);
    await page.keyboard.press('Escape');
    for (let i = 0; i < rest.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+Space');
    const labels = await suggestions(page, ['A9600', 'A9604'], 60_000);
    assert.ok(labels.some((l) => l.includes('A9600')), labels.join(' | '));
    assert.ok(labels.some((l) => l.includes('A9604')), labels.join(' | '));
    keep('completion', await screenshot(page, 'completion'));
    await page.keyboard.press('Escape');
  });

  test(
    'completion while typing a new SV1 line that has no segment terminator yet',
    { skip },
    async () => {
      const { page } = editor;
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('LX*5~');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.type('SV1*HC:A96');
      const widget = page.locator('.suggest-widget.visible .monaco-list-row').first();
      await widget.waitFor({ timeout: 5_000 }).catch(() => page.keyboard.press('Control+Space'));
      try {
        await suggestions(page, ['A9600', 'A9604'], 10_000);
      } finally {
        await screenshot(page, 'completion-unterminated');
        await page.keyboard.press('Escape');
      }
    },
  );

  test('hover over a code in a clinical note', { skip }, async () => {
    const { page } = editor;
    await openFile(page, NOTE);
    const text = await hoverText(page, 'A9600', /Strontium sr-89 chloride/i, 60_000);
    assert.match(text, /Strontium sr-89 chloride, therapeutic, per millicurie/);
    keep('hover-note', await screenshot(page, 'hover-note'));
  });
});

/** "HCPCS: Look up code" from the command palette; returns when its own search box (titled "HCPCS look-up") is up. */
async function openLookup(page: Editor['page']): Promise<void> {
  const input = await openCommandPalette(page);
  await input.fill('>HCPCS: Look up code');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'HCPCS: Look up code' }).first().waitFor({ timeout: 15_000 });
  await input.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'HCPCS look-up' }).waitFor({ timeout: 15_000 });
}

/** Waits until the open suggest widget lists every one of `codes`; returns its row texts. */
async function suggestions(page: Editor['page'], codes: string[], timeoutMs: number): Promise<string[]> {
  await page.waitForFunction(
    (want) => {
      const w = (globalThis as any).document.querySelector('.suggest-widget.visible');
      const t = w?.textContent ?? '';
      return want.every((c: string) => t.includes(c));
    },
    codes,
    { timeout: timeoutMs },
  );
  return page.locator('.suggest-widget.visible .monaco-list-row').allTextContents();
}

function diffLines(a: string, b: string): { before: string; after: string }[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: { before: string; after: string }[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i]) out.push({ before: x[i] ?? '', after: y[i] ?? '' });
  }
  return out;
}
