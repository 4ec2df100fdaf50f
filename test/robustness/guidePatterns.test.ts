/**
 * Issue 15, item 2: guide patterns can never freeze the server.
 *  - Every bundled pattern stays linear on adversarial text: its own words followed by long runs of spaces,
 *    dashes, letters and digits, and its words repeated with those separators (the bundled lot-number pattern
 *    took 6.7 s on `A9513 lot-lot-...` at 100 KB).
 *  - A workspace pattern runs on the linear-time engine: `(a+)+$`, which hung the server for over a minute on
 *    a 32-character note, answers at once; what that engine cannot run is refused where the guide loads.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundledPatternSources, guidePattern } from '../../server/src/guides/patterns';
import { loadGuides } from '../../server/src/guides/loader';
import { createLanguageService } from '../../server/src/service';
import { growthPerCharacter, newService, realCodeSet, repeated } from './helpers';

const FILLERS = [' ', '-', 'a', '1', ':'];

/** The pattern's own words (letters after a backslash are escapes, not words). */
function wordsOf(source: string): string[] {
  const words = source.replace(/\\[a-zA-Z]/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words)].slice(0, 4);
}

/**
 * Long runs after each word, or the word repeated with each separator: one block per word and separator, each
 * a 30th of the size. At the small size a block (300 characters) is already longer than the widest bounded
 * window of a bundled pattern ({0,120}), so only growth that is not bounded shows at 10x.
 */
function adversarial(source: string, family: 'runs' | 'repeats'): (size: number) => string {
  const words = wordsOf(source).concat(['lot', '5']);
  return (size) => {
    const pieces: string[] = [];
    const share = Math.floor(size / (words.length * FILLERS.length));
    for (const w of words) {
      for (const f of FILLERS) pieces.push(family === 'runs' ? w + f.repeat(Math.ceil(share / f.length)) : repeated(w + f)(share));
    }
    return pieces.join('.\n');
  };
}

function allMatches(source: string): (text: string) => void {
  const pattern = guidePattern(source);
  assert.ok(pattern, `bundled pattern compiles: ${source}`);
  return (text) => {
    for (let m = pattern.next(text, 0); m; m = pattern.next(text, m.end));
  };
}

test('every bundled guide pattern is linear on adversarial text (time per character at 10x the size)', () => {
  const sources = [...bundledPatternSources()];
  assert.ok(sources.length > 40, 'the bundled patterns were found');
  const slow: string[] = [];
  for (const source of sources) {
    for (const family of ['runs', 'repeats'] as const) {
      const ratio = growthPerCharacter(adversarial(source, family), allMatches(source), 9_000);
      if (ratio >= 3.5) slow.push(`${ratio.toFixed(1)}x ${family}: ${source}`);
    }
  }
  assert.deepEqual(slow, []);
});

test('the A9513 note of the attack (`A9513 lot-lot-...`) is checked in linear time', () => {
  const service = newService();
  let n = 0;
  const ratio = growthPerCharacter(
    (size) => `A9513 ${repeated('lot-')(size)}`,
    (text) => {
      const doc = TextDocument.create(`file:///notes/attack${++n}.note.md`, 'markdown', 1, text);
      service.validate(doc, undefined, { today: '2026-03-01', isNote: true });
      service.forget(doc.uri);
    },
    10_000,
  );
  assert.ok(ratio < 3.5, `validation time per character grew ${ratio.toFixed(1)}x at 10x the size`);
});

function workspaceGuide(pattern: string) {
  return {
    fileName: '.hcpcs/guides/team.json',
    text: JSON.stringify(
      {
        code: 'A9600',
        documentation: [{ id: 'team-check', label: 'a team check', missing: 'no team check', why: 'the team asks', add: 'add it', patterns: [pattern] }],
      },
      null,
      2,
    ),
  };
}

test('a catastrophic workspace pattern, (a+)+$, runs on the linear engine: the note is checked, linearly', () => {
  const loaded = loadGuides([workspaceGuide('(a+)+$')]);
  assert.deepEqual(loaded.diagnostics, []);
  const service = createLanguageService({ codeSet: realCodeSet(), guides: loaded.guides });
  let n = 0;
  const check = (text: string) => {
    const doc = TextDocument.create(`file:///notes/redos${++n}.note.md`, 'markdown', 1, text);
    const found = service.validate(doc, undefined, { today: '2026-03-01', isNote: true });
    service.forget(doc.uri);
    return found;
  };
  // 32 characters hung the server for over a minute with the backtracking engine
  const findings = check(`A9600 ${'a'.repeat(25)}!`);
  assert.ok(findings.some((d) => JSON.stringify(d.message).includes('no team check')), 'the requirement is still checked');
  const ratio = growthPerCharacter((size) => `A9600 ${'a'.repeat(size)}!`, check, 2_000);
  assert.ok(ratio < 3.5, `time per character grew ${ratio.toFixed(1)}x at 10x the size`);
});

test('a workspace pattern the linear engine cannot run (look-around, back-reference) is refused at its field', () => {
  for (const pattern of ['lot(?=\\d)', '(?<!no )lot', '(a)\\1']) {
    const file = workspaceGuide(pattern);
    const loaded = loadGuides([file]);
    const d = loaded.diagnostics.find((x) => x.fileName === file.fileName);
    assert.ok(d, `refused: ${pattern}`);
    assert.equal(d.pathText, 'documentation[0].patterns[0]');
    assert.match(d.message, /linear-time engine/);
    assert.match(d.message, /not loaded/);
    assert.equal(file.text.slice(d.span!.offset, d.span!.offset + d.span!.length), JSON.stringify(pattern));
    // the bundled guide stays in use, without the team's requirement
    assert.ok(!loaded.guides.get('A9600')!.documentation!.some((r) => r.id === 'team-check'));
  }
  // a bundled pattern copied into a workspace guide is the same reviewed pattern: accepted
  const lot = [...bundledPatternSources()].find((s) => s.includes('lot|batch'))!;
  assert.deepEqual(loadGuides([workspaceGuide(lot)]).diagnostics, []);
});
