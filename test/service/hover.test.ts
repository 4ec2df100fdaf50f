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
import { build837, claim } from '../unit/rules/claim/harness';
import { createLanguageService } from '../../server/src/service';
import { fixtureCodeSet } from '../fixtures/codeset';
import { bundledGuides } from '../../server/src/guides/loader';

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

  test('an ambulance origin/destination modifier says origin and destination in words; nonsense pairs say why', () => {
    const amb = (mods: string) => build837(claim('P1', 'ABK:I10', [`SV1*HC:A0428:${mods}*500*UN*1***1`, 'DTP*472*D8*20260110']));
    const rh = amb('RH');
    const v = hoverAt(rh, rh.indexOf('A0428:RH') + 7);
    assert.match(v, /^\*\*RH\*\* · ambulance origin and destination modifier \(on A0428\)/);
    assert.match(v, /\*\*Origin R\*\*: residence\. \*\*Destination H\*\*: hospital\./);
    assert.match(v, /chapter 15, section 30/);
    // the same letters as a listed modifier (GD): on an ambulance line both readings are shown
    const gd = amb('GD');
    const g = hoverAt(gd, gd.indexOf('A0428:GD') + 7);
    assert.match(g, /\*\*Origin G\*\*: hospital-based ESRD \(dialysis\) facility\. \*\*Destination D\*\*/);
    assert.match(g, /Off ambulance lines, GD is the HCPCS modifier "Units of service exceeds/);
    // X is a destination only: XH is no pair; XE stays the listed modifier it is
    const xh = amb('XH');
    assert.match(hoverAt(xh, xh.indexOf('A0428:XH') + 7), /\*\*Not a valid pair\*\*: X \(intermediate stop[^)]*\) is a destination only/);
    const xe = amb('XE');
    assert.match(hoverAt(xe, xe.indexOf('A0428:XE') + 7), /^\*\*XE\*\* · HCPCS Level II modifier/);
    // off an ambulance code the letters are just a modifier (or an unknown one)
    const off = build837(claim('P1', 'ABK:I10', ['SV1*HC:J9035:RH*500*UN*1***1', 'DTP*472*D8*20260110']));
    assert.doesNotMatch(hoverAt(off, off.indexOf('J9035:RH') + 7), /origin and destination/);
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

  test("an HI code of a claim dated in a year whose table cannot be read says it was not looked up, not that it is no code", () => {
    const unreadable = createLanguageService({ codeSet: fixtureCodeSet({ otherIcd10: [{ release: 'FY2025', load: () => undefined }] }), guides: bundledGuides() });
    const text = build837(claim('P1', 'ABK:C61', ['SV1*HC:J9035*500*UN*10***1', 'DTP*472*D8*20250305']));
    const doc = claimDocument(text);
    const v = (unreadable.hover(doc, doc.positionAt(text.indexOf('ABK:C61') + 5))?.contents as MarkupContent).value;
    assert.match(v, /\*\*Not looked up:\*\* the FY2025 table, the year of the claim's date of service, could not be read/);
    assert.doesNotMatch(v, /Not an ICD-10-CM code/);
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

describe('the hover puts the decision first (issue 14 item 3)', () => {
  const hoverAt = (text: string, offset: number) => {
    const doc = claimDocument(text);
    return (service.hover(doc, doc.positionAt(offset))?.contents as MarkupContent | undefined)?.value ?? '';
  };
  const claimWith = (sv1: string) => build837(claim('HOLD-B', 'ABK:C7951', [sv1, 'DTP*472*D8*20260110']));

  test('descriptor, status on the date of service, units, required diagnosis, waste modifiers, prior approval; then pricing and the rest', () => {
    const text = claimWith('SV1*HC:A9600:JZ*100*UN*4***1');
    const v = hoverAt(text, text.indexOf('A9600') + 1);
    const order = [
      'Strontium sr-89 chloride, therapeutic, per millicurie',
      '**Active** on the date of service 2026-01-10',
      '**Units:**',
      '**Needs diagnosis:**',
      '**Drug waste:**',
      '**Pre-approval:**',
      '**Billing guide:',
      '| Pricing indicator |',
    ];
    let last = -1;
    for (const part of order) {
      const at = v.indexOf(part);
      assert.ok(at > last, `${part} present and after the one before`);
      last = at;
    }
    // compact: the decision facts end within the first ten lines of the hover
    assert.ok(v.slice(0, v.indexOf('**Pre-approval:**')).split('\n').length <= 10, v.slice(0, 600));
  });

  test('a terminated code links its replacement; similar codes are links', () => {
    const text = claimWith('SV1*HC:C9300*100*UN*1***1');
    const v = hoverAt(text, text.indexOf('C9300') + 1);
    assert.match(v, /Use instead: \[J9220\]\(command:hcpcs\.lookupCode\?%5B%22J9220%22%5D/);
    const a = claimWith('SV1*HC:A9600:JZ*100*UN*4***1');
    assert.match(hoverAt(a, a.indexOf('A9600') + 1), /\*\*Similar:\*\* \[A9604\]\(command:hcpcs\.lookupCode/);
  });

  test('JW with JZ: the conflict shows on both modifiers, under the descriptor', () => {
    const text = claimWith('SV1*HC:A9600:JW:JZ*100*UN*4***1');
    const jw = hoverAt(text, text.indexOf(':JW') + 2);
    const jz = hoverAt(text, text.indexOf(':JZ') + 2);
    assert.match(jw, /^\*\*JW\*\* · HCPCS Level II modifier\n\nDrug amount discarded[^\n]*\n\n\*\*Conflicts with JZ on this line:\*\*/);
    assert.match(jz, /^\*\*JZ\*\* · HCPCS Level II modifier\n\nZero drug amount discarded[^\n]*\n\n\*\*Conflicts with JW on this line:\*\*/);
    const alone = claimWith('SV1*HC:A9600:JZ*100*UN*4***1');
    assert.doesNotMatch(hoverAt(alone, alone.indexOf(':JZ') + 2), /Conflicts with/);
  });
});
