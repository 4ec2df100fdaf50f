import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sharedData, exists } from '../codeset/paths';
import { importGuideMaps } from '../../../server/src/node/importGuides';
import { loadImplementationGuides } from '../../../server/src/node/loadGuides';
import { convertMap, convertTaxonomy, stringifyGuide } from '../../../server/src/conformance/importMaps';
import { compileGuides } from '../../../server/src/conformance/guides';

const dataDir = path.resolve(__dirname, '..', '..', '..', 'data');
const maps = path.join(sharedData, 'x12-guides-pyx12');
const nucc = path.join(sharedData, 'nucc-taxonomy-25.1', 'nucc_taxonomy_251.csv');
const SOURCE = { file: 'mini.xml', sha256: '0'.repeat(64) };

const MINI = `<?xml version="1.0"?>
<!-- a hand-written map in the pyx12 layout -->
<transaction xid="837">
  <name>Mini &amp; small</name>
  <loop xid="ST_LOOP" type="explicit">
    <name>Transaction Set Header</name><usage>R</usage><pos>0200</pos><repeat>&gt;1</repeat>
    <segment xid="NM1">
      <name>Billing Provider Name</name><usage>R</usage><pos>0150</pos><max_use>1</max_use>
      <syntax>P0809</syntax>
      <element xid="NM101"><data_ele>98</data_ele><name>Entity Identifier Code</name><usage>R</usage><seq>01</seq>
        <valid_codes><code>85</code></valid_codes></element>
      <composite xid="NM102"><data_ele>C999</data_ele><name>Made up</name><usage>S</usage><seq>02</seq>
        <element xid="NM102-01"><data_ele>1331</data_ele><name>Place</name><usage>R</usage><seq>01</seq><valid_codes external="pos" /></element>
      </composite>
    </segment>
  </loop>
</transaction>`;

test('a pyx12-layout map becomes a guide table: loops, segments, usage, repeats, code lists, composites, syntax notes', () => {
  const t = convertMap(MINI, '005010X222A1', SOURCE);
  assert.equal(t.name, 'Mini & small');
  assert.equal(t.root.repeat, -1);
  assert.equal(t.root.type, 'explicit');
  const seg = t.root.items[0];
  assert.ok('seg' in seg);
  assert.deepEqual(seg.syntax, ['P0809']);
  assert.deepEqual(seg.els[0], { seq: 1, ele: '98', name: 'Entity Identifier Code', usage: 'R', codes: ['85'] });
  assert.deepEqual(seg.els[1].comps?.[0], { seq: 1, ele: '1331', name: 'Place', usage: 'R', ext: 'pos' });
  // deterministic text, one segment per line
  assert.equal(stringifyGuide(t), stringifyGuide(convertMap(MINI, '005010X222A1', SOURCE)));
  assert.equal(stringifyGuide(t).split('\n').filter((l) => l.includes('"seg":"NM1"')).length, 1);
});

test('a malformed map is refused with the file name', () => {
  assert.throws(() => convertMap('<transaction><loop xid="A"></transaction>', 'x', SOURCE), /does not match/);
  assert.throws(() => convertMap(MINI.replace('<usage>R</usage><pos>0150</pos>', '<usage>Q</usage><pos>0150</pos>'), 'x', SOURCE), /mini\.xml .*usage "Q" is not R, S or N/);
});

test('the NUCC CSV: codes with quoted commas and line breaks, sorted', () => {
  const csv = 'Code,Grouping,Classification,Specialization,Definition,Notes,Display Name,Section\r\n207RX0202X,Allopathic & Osteopathic Physicians,Internal Medicine,Medical Oncology,"A, b\r\nc",,Medical Oncology Physician,Individual\r\n193200000X,Group,Multi-Specialty,,x,,Multi-Specialty Group,Individual\r\n';
  const t = convertTaxonomy(csv, '25.1', SOURCE);
  assert.deepEqual(t.codes.map((c) => c[0]), ['193200000X', '207RX0202X']);
  assert.equal(t.codes[1][4], 'Medical Oncology Physician');
});

test('the committed tables load through their schemas; a damaged field is named with its file', () => {
  const loaded = loadImplementationGuides(dataDir);
  assert.deepEqual(loaded.errors, []);
  const g = loaded.guides!;
  assert.deepEqual([...g.guideIds].sort(), ['005010X222A1', '005010X223A2', '005010X231A1']);
  assert.equal(g.guideForKind('837I')?.id, '005010X223A2');
  assert.equal(g.dataElement('1331')?.max, 2);
  assert.ok(g.codeList('states')?.codes.has('NY'));
  assert.equal(g.taxonomy('207RX0202X')?.specialization, 'Medical Oncology');
  assert.ok(g.guide('005010X222A1')!.loops.get('2010AA')?.[0].name.includes('Billing Provider Name'));

  const index = JSON.parse(fs.readFileSync(path.join(dataDir, 'x12', 'index.json'), 'utf8'));
  const files = new Map<string, unknown>();
  for (const name of ['005010X222A1.json', '005010X223A2.json', '005010X231A1.json', 'elements.json', 'codes.json', 'nucc-taxonomy-25.1.json']) files.set(name, JSON.parse(fs.readFileSync(path.join(dataDir, 'x12', name), 'utf8')));
  const elements = structuredClone(files.get('elements.json')) as { elements: unknown[][] };
  elements.elements[0][2] = 'one';
  const bad = compileGuides({ index, files: new Map([...files, ['elements.json', elements]]), guideTable: () => undefined });
  assert.equal(bad.ok, false);
  assert.match((bad as { error: string }).error, /^x12\/elements\.json: elements\.0\.2: /);
});

test('a damaged guide table is named when a file of its transaction first needs it; the other guides work', (t) => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-guides-'));
  t.after(() => fs.rmSync(copy, { recursive: true, force: true }));
  fs.cpSync(path.join(dataDir, 'x12'), path.join(copy, 'x12'), { recursive: true });
  const table = path.join(copy, 'x12', '005010X223A2.json');
  const json = JSON.parse(fs.readFileSync(table, 'utf8'));
  json.root.pos = 'one';
  fs.writeFileSync(table, JSON.stringify(json));

  const told: string[] = [];
  const loaded = loadImplementationGuides(copy, (m) => told.push(m));
  assert.deepEqual(loaded.errors, [], 'nothing wrong at load: the 837I table is not read yet');
  assert.deepEqual(told, []);
  const g = loaded.guides!;
  assert.equal(g.guideForKind('837P')?.id, '005010X222A1');
  assert.equal(g.guide('005010X231A1')?.kind, '999');
  assert.deepEqual(told, [], 'the 837P and 999 tables are sound');

  assert.equal(g.guide('005010X223A2'), undefined);
  assert.equal(g.guideForKind('837I'), undefined);
  assert.equal(told.length, 1, `told once: ${told.join(' | ')}`);
  assert.match(told[0], /^x12\/005010X223A2\.json: root\.pos: /);
  assert.ok(g.guideForKind('837P')!.loops.get('2010AA'), 'the 837P guide still works');
});

test('re-importing the shared pyx12 maps and the NUCC CSV gives the committed bytes', (t) => {
  if (!exists(maps) || !exists(nucc)) return t.skip('../shared/data (pyx12 maps, NUCC taxonomy) not present');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'x12-guides-'));
  try {
    const outcome = importGuideMaps(maps, out, nucc);
    for (const name of outcome.written) {
      assert.equal(fs.readFileSync(path.join(out, name), 'utf8'), fs.readFileSync(path.join(dataDir, 'x12', name), 'utf8'), `${name} differs from data/x12`);
    }
    assert.deepEqual(fs.readdirSync(out).sort(), fs.readdirSync(path.join(dataDir, 'x12')).sort());
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
