import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadGuides, bundledGuides } from '../../../server/src/guides/loader';
import { bundledGuideFiles } from '../../../server/src/guides/bundled';
import { parseJsonWithPositions, spanAtPath } from '../../../server/src/guides/jsonPositions';

const guidesDir = join(__dirname, '..', '..', '..', 'data', 'guides');

test('every bundled guide passes the schema', () => {
  const { diagnostics, guides } = loadGuides([]);
  assert.deepEqual(diagnostics, []);
  for (const code of ['A9600', 'A9604', 'A9606', 'A9513', 'A9699', 'JW', 'JZ', 'KX', '59', 'XE', 'XS', 'XP', 'XU']) {
    assert.ok(guides.get(code), `guide for ${code}`);
    assert.equal(guides.get(code)?.source, 'bundled');
  }
  assert.equal(guides.get('a9600')?.code, 'A9600', 'case-insensitive lookup');
});

test('every file in data/guides is bundled, and its name matches its code', () => {
  const onDisk = readdirSync(guidesDir).filter((f) => f.endsWith('.json')).sort();
  const bundled = bundledGuideFiles.map((f) => f.fileName.replace('data/guides/', '')).sort();
  assert.deepEqual(bundled, onDisk);
  for (const file of bundledGuideFiles) {
    const code = (file.data as { code: string }).code;
    const expected = /^[A-Z]\d{4}$/.test(code) ? `${code}.json` : `modifier-${code}.json`;
    assert.equal(file.fileName, `data/guides/${expected}`);
  }
});

test('a workspace guide extends the bundled one: scalars override, lists merge by id', () => {
  const text = JSON.stringify({
    code: 'A9604',
    priorAuthorization: false,
    payerPolicies: [{ payer: 'Acme Health', policy: 'Pre-approval through the portal, 10 business days.' }],
    documentation: [
      { id: 'lot-number', label: 'lot', missing: 'no lot', why: 'w', add: 'a', patterns: ['\\bLOT-\\d+'] },
      { id: 'consent', label: 'consent', missing: 'no signed consent', why: 'w', add: 'a', patterns: ['consent'] },
    ],
  });
  const { guides, diagnostics } = loadGuides([{ fileName: '.hcpcs/guides/acme.json', text }]);
  assert.deepEqual(diagnostics, []);
  const g = guides.get('A9604')!;
  assert.equal(g.title, 'Samarium-153 lexidronam (therapeutic)');
  assert.equal(g.priorAuthorization, false);
  assert.equal(g.source, 'bundled + .hcpcs/guides/acme.json');
  assert.equal(g.payerPolicies?.[0].payer, 'Acme Health');
  const ids = g.documentation!.map((d) => d.id);
  assert.equal(ids.filter((id) => id === 'lot-number').length, 1);
  assert.ok(ids.includes('consent'));
  assert.deepEqual(g.documentation!.find((d) => d.id === 'lot-number')!.patterns, ['\\bLOT-\\d+']);
  // The bundled index is not changed by a workspace load.
  assert.equal(bundledGuides().get('A9604')?.priorAuthorization, true);
});

test('"mode": "replace" replaces; a new code needs a title; a file may hold a list', () => {
  const text = JSON.stringify([
    { code: 'A9600', mode: 'replace', title: 'Our strontium guide' },
    { code: 'J9035', title: 'Bevacizumab' },
    { code: 'J1885' },
  ]);
  const { guides, diagnostics } = loadGuides([{ fileName: 'g.json', text }]);
  assert.equal(guides.get('A9600')?.documentation, undefined);
  assert.equal(guides.get('A9600')?.title, 'Our strontium guide');
  assert.equal(guides.get('J9035')?.source, 'g.json');
  assert.equal(guides.get('J1885'), undefined);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].pathText, '[2].title');
  assert.match(diagnostics[0].message, /J1885.*title/);
});

test('a broken workspace file gets diagnostics at the bad field and the rest keeps working', () => {
  const text = [
    '{',
    '  // our payer policy',
    '  "code": "A9600",',
    '  "titel": "typo",',
    '  "priorAuthorization": "yes",',
    '  "documentation": [',
    '    { "id": "lot", "label": "l", "missing": "m", "why": "w", "add": "a", "patterns": ["(unclosed"] }',
    '  ]',
    '}',
  ].join('\n');
  const good = JSON.stringify({ code: 'A9606', priorAuthorization: false });
  const { guides, diagnostics } = loadGuides([
    { fileName: 'bad.json', text },
    { fileName: 'good.json', text: good },
  ]);
  const at = (d: { span?: { offset: number; length: number } }) => text.slice(d.span!.offset, d.span!.offset + d.span!.length);
  const byPath = new Map(diagnostics.map((d) => [d.pathText, d]));
  assert.equal(at(byPath.get('titel')!), '"titel"');
  assert.match(byPath.get('titel')!.message, /unknown field "titel"/);
  assert.equal(at(byPath.get('priorAuthorization')!), '"yes"');
  assert.equal(at(byPath.get('documentation[0].patterns[0]')!), '"(unclosed"');
  assert.match(byPath.get('documentation[0].patterns[0]')!.message, /not a valid regular expression/);
  assert.ok(diagnostics.every((d) => d.fileName === 'bad.json' && d.severity === 'error'));
  assert.ok(diagnostics.every((d) => !d.message.includes(`${d.pathText}: `)), 'the path is a separate field, not repeated in the message');
  // The bundled A9600 stays; the good file still applies.
  assert.equal(guides.get('A9600')?.source, 'bundled');
  assert.equal(guides.get('A9606')?.priorAuthorization, false);
});

test('a missing required field points at the guide, not the whole file', () => {
  const text = '{\n  "code": "A9600",\n  "documentation": [{ "id": "x", "label": "l", "why": "w", "add": "a", "patterns": ["x"] }]\n}';
  const { diagnostics } = loadGuides([{ fileName: 'm.json', text }]);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].pathText, 'documentation[0].missing');
  assert.match(diagnostics[0].message, /missing required field "missing"/);
  assert.equal(text[diagnostics[0].span!.offset], '{');
  assert.ok(diagnostics[0].span!.offset > 20, 'the requirement object, not the file');
});

test('invalid JSON is reported at the offset of the error', () => {
  const text = '{ "code": "A9600", "title": "x" "purpose": "y" }';
  const { diagnostics, guides } = loadGuides([{ fileName: 'j.json', text }]);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /not valid JSON/);
  assert.equal(diagnostics[0].span!.offset, text.indexOf('"purpose"'));
  assert.ok(guides.get('A9600'));
});

test('bundled guides that fail the schema are reported without a span', () => {
  const { diagnostics, guides } = loadGuides([], { bundled: [{ fileName: 'data/guides/X.json', data: { code: 'A9600', title: 3 } }] });
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].span, undefined);
  assert.equal(guides.all().length, 0);
});

test('JSON position finder: values, keys, escapes, comments', () => {
  const text = '{"a": [1, {"b\\"c": "x\\u0041"}], /* c */ "d": true}';
  const r = parseJsonWithPositions(text);
  assert.deepEqual(r.value, { a: [1, { 'b"c': 'xA' }], d: true });
  const span = spanAtPath(r.root!, ['a', 1, 'b"c']);
  assert.equal(text.slice(span.offset, span.offset + span.length), '"x\\u0041"');
  const key = spanAtPath(r.root!, ['d'], { key: true });
  assert.equal(text.slice(key.offset, key.offset + key.length), '"d"');
  assert.equal(parseJsonWithPositions('[1,').error?.message, 'unexpected end of file');
  assert.equal(parseJsonWithPositions('{"a":1} x').error?.offset, 8);
});
