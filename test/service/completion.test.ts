/**
 * Completion in claim files on `$0` fixtures (test/fixtures/service/completion/*.837); the first items are kept in the
 * `.completion.txt` file beside each fixture (UPDATE_SNAPSHOTS=1 refreshes them).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompletionList, TextEdit } from 'vscode-languageserver-types';
import { claimDocument, cursor, languageService, matchSnapshot, serviceFixtures } from './helpers';

const dir = path.join(serviceFixtures, 'completion');
const service = languageService();

function render(list: CompletionList): string {
  const lines = list.items.slice(0, 8).map((i) => {
    const edit = i.textEdit as TextEdit | undefined;
    return `${i.label}\t→ ${edit?.newText ?? i.insertText ?? i.label}\t${i.labelDetails?.description ?? i.detail ?? ''}`;
  });
  return `${list.items.length} items${list.isIncomplete ? ' (incomplete)' : ''}\n${lines.join('\n')}\n`;
}

function completeFixture(name: string): CompletionList {
  const { text, offset } = cursor(fs.readFileSync(path.join(dir, name), 'utf8'));
  const doc = claimDocument(text, name);
  return service.complete(doc, doc.positionAt(offset));
}

describe('claim completion fixtures', () => {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.837')).sort()) {
    test(name, () => {
      const list = completeFixture(name);
      assert.ok(list.items.length > 0, 'expected completion items');
      matchSnapshot(path.join(dir, name.replace(/\.837$/, '.completion.txt')), render(list));
    });
  }
});

describe('claim completion facts', () => {
  test('ICD-10-CM in HI: by code prefix, with a dot, and by words; inserted without the dot', () => {
    const prefix = completeFixture('hi-icd10-prefix.837');
    assert.ok(prefix.items.some((i) => i.label === 'C79.51' && (i.textEdit as TextEdit).newText === 'C7951'));
    const dotted = completeFixture('hi-icd10-dotted.837');
    assert.deepEqual(dotted.items.map((i) => i.label).sort(), ['C79.51', 'C79.52']);
    const words = completeFixture('hi-icd10-words.837');
    assert.equal(words.items[0].label, 'C61');
    assert.equal((words.items[0].textEdit as TextEdit).newText, 'C61');
  });

  test('qualifiers where a qualifier is expected', () => {
    assert.ok(completeFixture('hi-qualifier.837').items.some((i) => i.label === 'ABF'));
    assert.ok(completeFixture('sbr09-filing.837').items.some((i) => i.label === 'MB'));
    assert.ok(completeFixture('dtp01-qualifier.837').items.some((i) => i.label === '472'));
    assert.deepEqual(completeFixture('clm05-frequency.837').items.map((i) => i.label), ['1', '7', '8']);
    assert.ok(completeFixture('sv103-unit-basis.837').items.some((i) => i.label === 'UN'));
  });

  test('codes by words in SV101-2 and modifiers in SV101-3', () => {
    assert.equal(completeFixture('sv101-code-words.837').items[0].label, 'A9604');
    assert.ok(completeFixture('sv101-modifier.837').items.some((i) => i.label === 'JW'));
  });
});
