/**
 * Completion in claim files on `$0` fixtures (test/fixtures/service/completion/*.837); the first items are kept in the
 * `.completion.txt` file beside each fixture (UPDATE_SNAPSHOTS=1 refreshes them).
 */
import { build837, claim } from '../unit/rules/claim/harness';
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

  test("ICD-10-CM completion uses the fiscal year of the claim's date of service and says which", () => {
    // G35 (multiple sclerosis) is FY2025 only: FY2026 split it into G35A..G35D (CDC files in ../shared/data)
    const complete = (date: string) => {
      const { text, offset } = cursor(build837(claim('P1', 'ABK:I10*ABF:G35$0', ['SV1*HC:J9035*100*UN*1***1', `DTP*472*D8*${date}`])));
      const doc = claimDocument(text);
      return service.complete(doc, doc.positionAt(offset)).items;
    };
    const fy2025 = complete('20250615');
    assert.ok(fy2025.some((i) => i.label === 'G35'), 'G35 offered on a FY2025 date');
    assert.ok(!fy2025.some((i) => i.label === 'G35.A'), 'G35A not offered before FY2026');
    assert.match(fy2025.find((i) => i.label === 'G35')!.detail!, /\(ICD-10-CM FY2025, the year of this claim's date of service\)$/);
    const fy2026 = complete('20260110');
    assert.ok(fy2026.some((i) => i.label === 'G35.A'), 'G35A offered on a FY2026 date');
    assert.ok(!fy2026.some((i) => i.label === 'G35'), 'G35 (deleted at FY2026) not offered');
    assert.match(fy2026.find((i) => i.label === 'G35.A')!.detail!, /\(ICD-10-CM FY2026\)$/);
    // the boundary: 2025-09-30 is FY2025, 2025-10-01 FY2026
    assert.ok(complete('20250930').some((i) => i.label === 'G35'));
    assert.ok(!complete('20251001').some((i) => i.label === 'G35'));
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

describe('completion polish (issue 14 item 6)', () => {
  const completeAt = (lines: string[][], name: string) => {
    const t = build837(claim('P1', 'ABK:C7951', ...lines));
    const offset = t.indexOf('§');
    const text = t.slice(0, offset) + t.slice(offset + 1);
    const doc = claimDocument(text, name);
    return [...service.complete(doc, doc.positionAt(offset)).items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
  };

  test('after JZ on a drug: the modifiers that still fit come first; JZ again and JW (contradicts JZ) come last', () => {
    const items = completeAt([['SV1*HC:A9600:JZ:§*100*UN*4***1', 'DTP*472*D8*20260110']], 'after-jz.837');
    const labels = items.map((i) => i.label);
    assert.equal(labels[0], 'KX', labels.slice(0, 6).join(' '));
    assert.ok(labels.indexOf('GA') < labels.indexOf('A1') || !labels.includes('A1'), 'liability modifiers before the alphabetical rest');
    const tail = labels.slice(-4);
    assert.ok(labels.indexOf('JW') > labels.indexOf('LT') && labels.indexOf('JZ') > labels.indexOf('LT'), `JW/JZ last: ${tail.join(' ')}`);
    const jw = items.find((i) => i.label === 'JW')!;
    assert.match(String((jw.documentation as { value: string }).value), /^Contradicts JZ on this line/);
  });

  test('JZ/JW first on a single-dose drug; on saline and insulin after the drug modifiers, saying when they apply', () => {
    const ranked = (code: string) => completeAt([[`SV1*HC:${code}:§*100*UN*1***1`, 'DTP*472*D8*20260110']], `waste-${code}.837`);
    const bevacizumab = ranked('J9035').map((i) => i.label);
    assert.deepEqual(bevacizumab.slice(0, 2).sort(), ['JW', 'JZ'], bevacizumab.slice(0, 6).join(' '));
    for (const code of ['J7050', 'J1815']) {
      const items = ranked(code);
      const labels = items.map((i) => i.label);
      assert.ok(labels.indexOf('JZ') > labels.indexOf('JB'), `${code}: JZ after JA/JB/TB: ${labels.slice(0, 8).join(' ')}`);
      assert.ok(labels.indexOf('JZ') < labels.indexOf('GA'), `${code}: JZ still before the any-line modifiers`);
      const jz = items.find((i) => i.label === 'JZ')!;
      assert.match(String((jz.documentation as { value: string }).value), /only from a single-dose container or single-use package; .*(crosswalk)/);
    }
  });

  test('a terminated code says when it ended and what replaces it', () => {
    const items = completeAt([['SV1*HC:C930§*100*UN*1***1', 'DTP*472*D8*20260110']], 'terminated.837');
    const c9300 = items.find((i) => i.label === 'C9300')!;
    assert.deepEqual(c9300.tags, [1]);
    assert.match(String(c9300.labelDetails?.description), / · ended 2025-06-30, use J9220$/);
  });

  test('a new line with no DTP yet takes the claim\'s date of service from the line before it', () => {
    // line 1 is dated before C9300 ended: on the new line (no DTP) it is still valid, so not struck through
    const items = completeAt([['SV1*HC:A9600:JZ*100*UN*4***1', 'DTP*472*D8*20250301'], ['SV1*HC:C930§']], 'new-line.837');
    const c9300 = items.find((i) => i.label === 'C9300')!;
    assert.equal(c9300.tags, undefined, 'valid on the claim\'s date 2025-03-01');
    assert.equal(c9300.labelDetails?.description?.includes('ended'), false);
  });
});
