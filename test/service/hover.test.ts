/**
 * Hover on claim files, on fixtures with a `$0` cursor (test/fixtures/service/hover/*.837); the expected hover is the
 * `.hover.md` file beside each fixture (UPDATE_SNAPSHOTS=1 refreshes them).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { parseX12 } from '../../server/src/parse/x12';
import { claimDocument, cursor, languageService, matchSnapshot, readClaim, serviceFixtures } from './helpers';

const dir = path.join(serviceFixtures, 'hover');
const service = languageService();

function render(h: Hover | null): string {
  if (!h) return '(no hover)\n';
  const r = h.range!;
  return `range ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}\n\n${(h.contents as MarkupContent).value}\n`;
}

describe('claim hover fixtures', () => {
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.837')).sort()) {
    test(name, () => {
      const { text, offset } = cursor(fs.readFileSync(path.join(dir, name), 'utf8'));
      const doc = claimDocument(text, name);
      const h = service.hover(doc, doc.positionAt(offset));
      assert.ok(h, 'expected a hover');
      matchSnapshot(path.join(dir, name.replace(/\.837$/, '.hover.md')), render(h));
    });
  }
});

describe('claim hover facts', () => {
  const hoverAt = (text: string, offset: number) => {
    const doc = claimDocument(text);
    return (service.hover(doc, doc.positionAt(offset))?.contents as MarkupContent | undefined)?.value ?? '';
  };

  test('SV104 is "Service unit count"; SV205 is the 837I unit count', () => {
    const p = readClaim('837p-oncology.837');
    assert.match(hoverAt(p, p.indexOf('*UN*4*') + 4), /\*\*SV104\*\* · Service unit count/);
    const i = readClaim('837i-outpatient.837');
    assert.match(hoverAt(i, i.indexOf('^UN^40') + 4), /\*\*SV205\*\* · Service unit count/);
  });

  test('a procedure code shows its descriptor (from codeHover, whose own tests keep its format) and where it sits', () => {
    const p = readClaim('837p-oncology.837');
    const v = hoverAt(p, p.indexOf('HC:J1100') + 5);
    assert.match(v, /J1100/);
    assert.match(v, /Injection, dexamethasone sodium phosphate, 1 mg/);
    assert.match(v, /\*SV101-2: Procedure code\*$/);
  });

  test('a pointer names the ICD-10-CM code and its description', () => {
    const p = readClaim('837p-oncology.837');
    const v = hoverAt(p, p.indexOf('***1:2:3~') + 5);
    assert.match(v, /Diagnosis pointer 2\*\* → diagnosis 2 \(other\): \*\*C79\.51\*\*/);
    assert.match(v, /Secondary malignant neoplasm of bone/);
  });

  test('an HI code shows the diagnosis and which lines point at it', () => {
    const p = readClaim('837p-oncology.837');
    const v = hoverAt(p, p.indexOf('ABF:G893') + 5);
    assert.match(v, /G89\.3/);
    assert.match(v, /Neoplasm related pain/);
    assert.match(v, /pointed at by lines 1, 2/);
  });

  test('every segment and element of the project fixtures has a hover naming it', () => {
    for (const file of ['837p-oncology.837', '837i-outpatient.837']) {
      const text = readClaim(file);
      const doc = claimDocument(text, file);
      const x12 = parseX12(text);
      const lines: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < x12.segments.count; i++) {
        const seg = x12.segments.segment(i);
        const places = [seg.offset, ...seg.elements.flatMap((e) => (e.length === 0 ? [] : e.repetitions[0].components.length > 1 ? e.repetitions[0].components.filter((c) => c.length > 0).map((c) => c.offset) : [e.offset]))];
        for (const o of places) {
          const h = service.hover(doc, doc.positionAt(o));
          assert.ok(h, `${file}: no hover at ${seg.id} offset ${o}`);
          const first = (h.contents as MarkupContent).value.split('\n')[0];
          const key = first.split(' · ')[0];
          if (seen.has(key)) continue;
          seen.add(key);
          lines.push(first);
        }
      }
      matchSnapshot(path.join(serviceFixtures, 'hover-all', file.replace(/\.837$/, '.elements.md')), lines.join('\n'));
    }
  });
});
