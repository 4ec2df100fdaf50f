/**
 * Service-level tests for clinical notes: hover and completion through the language service facade, on text
 * with a `$0` cursor marker, with the small fixture code set and the bundled guides.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { parseSettings } from '../../server/src/core/settings';
import { fixtureCodeSet } from '../fixtures/codeset';

const service = createLanguageService({ codeSet: fixtureCodeSet(), guides: bundledGuides() });
let version = 0;

function at(textWithCursor: string, languageId = 'markdown', uri = 'file:///ws/notes/visit.md') {
  const offset = textWithCursor.indexOf('$0');
  assert.ok(offset >= 0, 'fixture needs a $0 cursor marker');
  const text = textWithCursor.replace('$0', '');
  const document = TextDocument.create(uri, languageId, ++version, text);
  return { document, position: document.positionAt(offset) };
}

function hoverMarkdown(textWithCursor: string): string {
  const { document, position } = at(textWithCursor);
  const hover = service.hover(document, position);
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

describe('hover in notes', () => {
  test('A9600 shows the official strontium descriptor before the guide, and says why it was read as HCPCS', () => {
    const md = hoverMarkdown('Administered A96$000-JZ, 4 mCi IV.');
    const descriptor = md.indexOf('Strontium sr-89 chloride, therapeutic, per millicurie');
    assert.ok(descriptor > 0, md);
    assert.match(md, /read as HCPCS: modifier suffix/);
    const guide = md.indexOf('Billing guide');
    assert.ok(guide > descriptor, 'the official descriptor comes before the guide');
    // Samarium may appear only as a similar code (A9604), never as what A9600 is.
    assert.doesNotMatch(md.slice(0, md.indexOf('**Similar:**')), /samarium/i, 'A9600 is strontium-89, never samarium');
    assert.match(md.slice(md.indexOf('**Similar:**')), /A9604[^·]*samarium/i);
  });

  test('A9604 is samarium-153, A9699 the therapeutic radiopharmaceutical NOC, A9698 contrast', () => {
    assert.match(hoverMarkdown('HCPCS A960$04 billed'), /Samarium sm-153 lexidronam, therapeutic, per treatment dose, up to 150 millicuries/);
    assert.match(hoverMarkdown('HCPCS A969$09 billed'), /Radiopharmaceutical, therapeutic, not otherwise classified/);
    assert.match(hoverMarkdown('HCPCS A969$08 billed'), /Non-radioactive contrast imaging material, not otherwise classified, per study/);
  });

  test('a modifier after a code hovers as the modifier', () => {
    const md = hoverMarkdown('Administered A9600-J$0W');
    assert.match(md, /Drug amount discarded\/not administered to any patient/);
  });

  test('a dotted ICD-10-CM code hovers as a diagnosis', () => {
    const md = hoverMarkdown('Bone metastases (dx C79.$051)');
    assert.match(md, /C79\.51/);
    assert.match(md, /ICD-10-CM/);
    assert.match(md, /bone/i);
  });

  test('a CPT-shaped code with billing words says its descriptor is not bundled', () => {
    const md = hoverMarkdown('CPT code 7907$05 billed');
    assert.match(md, /descriptor not bundled, AMA licence/);
  });

  test('plain numbers and words give no hover', () => {
    const { document, position } = at('The patient wal$0ked 12345 steps.');
    assert.equal(service.hover(document, position), null);
  });
});

describe('completion in notes', () => {
  test('"samarium" offers A9604 first, with the short descriptor and the long one as detail', () => {
    const { document, position } = at('Plan: samarium$0');
    const list = service.complete(document, position);
    const first = list.items[0];
    assert.equal(first.label, 'A9604');
    assert.match(String(first.detail), /^Samarium sm-153 lexidronam/);
    assert.ok(first.labelDetails?.description, 'short descriptor shown beside the label');
  });

  test('"strontium" offers A9600', () => {
    const { document, position } = at('strontium$0');
    assert.equal(service.complete(document, position).items[0]?.label, 'A9600');
  });

  test('after "A9600-" the modifiers come, drug waste modifiers first', () => {
    const { document, position } = at('Administered A9600-$0');
    const labels = service.complete(document, position).items.sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map((i) => i.label);
    assert.ok(labels.includes('JW') && labels.includes('JZ'));
    assert.ok(labels.indexOf('JZ') < labels.indexOf('GA') || !labels.includes('GA'));
    assert.ok(labels.slice(0, 4).includes('JW'), `first modifiers: ${labels.slice(0, 4).join(', ')}`);
  });

  test('terminated codes come last and are marked deprecated', () => {
    const codeSet = fixtureCodeSet();
    const terminated = codeSet.allProcedures().find((r) => r.terminated);
    assert.ok(terminated, 'fixture code set has a terminated code');
    const prefix = terminated.code.slice(0, 3);
    const { document, position } = at(`${prefix}$0`);
    const items = service.complete(document, position).items;
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    const index = sorted.findIndex((i) => i.label === terminated.code);
    assert.ok(index >= 0);
    assert.deepEqual(sorted[index].tags, [1]);
    assert.ok(sorted.slice(index).every((i) => i.tags?.includes(1)), 'no active code after a terminated one');
  });
});

describe('completion in notes searches the phrase being typed (issue 14 item 5)', () => {
  const sorted = (items: { sortText?: string }[]) => [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));

  test('"strontium chloride" finds A9600 and accepting replaces both words (not "strontium A9600")', () => {
    const { document, position } = at('Gave strontium chloride$0 today');
    const items = sorted(service.complete(document, position).items) as { label: string; textEdit?: { range: { start: { character: number } }; newText: string } }[];
    assert.equal(items[0]?.label, 'A9600');
    const edit = items[0].textEdit!;
    assert.equal(edit.range.start.character, 'Gave '.length, 'the edit starts at the phrase');
    const after = TextDocument.applyEdits(document, [edit as never]);
    assert.equal(after, 'Gave A9600 today');
  });

  test('words before the phrase that match nothing stay: "bill samarium" replaces only "samarium"', () => {
    const { document, position } = at('Plan: bill samarium$0');
    const first = sorted(service.complete(document, position).items)[0] as { label: string; textEdit: never };
    assert.equal(first.label, 'A9604');
    assert.equal(TextDocument.applyEdits(document, [first.textEdit]), 'Plan: bill A9604');
  });

  test('two words of a descriptor find the code in the top 10 for nearly every active code of the fixture set', () => {
    let n = 0;
    let found = 0;
    for (const r of fixtureCodeSet().allProcedures()) {
      if (r.terminated) continue;
      const words = r.longDescription.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2).slice(0, 2);
      if (words.length < 2) continue;
      n++;
      const { document, position } = at(`Plan: ${words.join(' ')}$0`);
      if (sorted(service.complete(document, position).items).slice(0, 10).some((i) => (i as { label: string }).label === r.code)) found++;
    }
    assert.ok(n >= 20 && found / n >= 0.95, `${found} of ${n}`);
  });
});

describe('the guide\'s documentation checklist in the note hover (issue 14 item 5)', () => {
  const hoverValue = (text: string, token: string) => {
    const doc = TextDocument.create('file:///ws/notes/visit.md', 'markdown', 1, text);
    return (service.hover(doc, doc.positionAt(text.indexOf(token) + 1))?.contents as MarkupContent | undefined)?.value ?? '';
  };
  const text = 'Strontium-89 chloride 4 mCi given, HCPCS A9600-JZ x 4. Dx C79.51. The full vial was used.';

  test('on the code: what the note shows (with its words) and what it lacks, right after the status', () => {
    const v = hoverValue(text, 'A9600');
    assert.match(v, /\*\*Active\*\*[^\n]*\n\n\*\*Documentation checklist\*\* \(the note lacks 3 of 5\):\n/);
    assert.match(v, /- ✓ activity administered \(mCi or MBq\): \*"4 mCi"\*/);
    assert.match(v, /- ✓ bone metastases, and the imaging that shows them: \*"C79\.51"\*/);
    assert.match(v, /- ✗ \*\*lot number of the dose administered\*\*: add the lot number/);
  });

  test('on the modifier: JZ shows the statement that nothing was discarded', () => {
    assert.match(hoverValue(text, 'JZ'), /\*\*Documentation checklist\*\* \(the note shows everything the guide lists\):\n- ✓ that nothing was discarded: \*"full vial was used"\*/);
    assert.match(hoverValue(text.replace(' The full vial was used.', ''), 'JZ'), /- ✗ \*\*that nothing was discarded\*\*/);
  });

  test('a claim file gets no checklist', () => {
    const claimText = readFileSync(join(__dirname, '..', 'fixtures', 'claims', '837p-oncology.837'), 'utf8');
    const doc = TextDocument.create('file:///ws/c.837', 'x12', 1, claimText);
    const v = (service.hover(doc, doc.positionAt(claimText.indexOf('A9600') + 1))?.contents as MarkupContent | undefined)?.value ?? '';
    assert.ok(v.includes('Strontium') && !v.includes('Documentation checklist'));
  });
});

describe('notes diagnostics', () => {
  const fixtures = path.join(__dirname, '..', 'fixtures', 'notes');
  const settings = parseSettings({}).settings;

  test('a note file (by the notes.include globs) gets the documentation checks; an ordinary README stays quiet', () => {
    const text = fs.readFileSync(path.join(fixtures, 'a9604-incomplete.note.md'), 'utf8');
    const note = TextDocument.create('file:///ws/notes/a9604.note.md', 'markdown', 1, text);
    const readme = TextDocument.create('file:///ws/README.md', 'markdown', 1, text);
    const noteDiagnostics = service.validate(note, settings, { isNote: true, today: '2026-01-15' });
    assert.deepEqual(
      noteDiagnostics.map((d) => d.code),
      ['notes/missing-documentation', 'notes/missing-documentation'],
    );
    assert.deepEqual(service.validate(readme, settings, { isNote: false, today: '2026-01-15' }), []);
  });
});
