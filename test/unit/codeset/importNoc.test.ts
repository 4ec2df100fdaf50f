import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strToU8, zipSync } from 'fflate';
import { decodeXmlText, readXlsx } from '../../../server/src/codeset/xlsx';
import { parseNocSheet } from '../../../server/src/codeset/importNoc';
import { dataDir, exists, hcpcsNoc, repoRoot } from './paths';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A workbook written by hand in the layout Excel writes (shared strings, rich text, inline string, gaps). */
function workbook(sheetXml: string, strings: string[]): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(`<workbook ${NS} xmlns:r="r"><sheets><sheet name="NOC_codes_APR2026" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/sharedStrings.xml': strToU8(`<sst ${NS}>${strings.map((s) => `<si>${s}</si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${NS}><sheetData>${sheetXml}</sheetData></worksheet>`),
  });
}

const s = (r: string, i: number) => `<c r="${r}" t="s"><v>${i}</v></c>`;

test('xlsx reader: shared strings (rich text runs joined), inline strings, entities, numbers, empty cells', () => {
  const strings = ['<t>HCPCS</t>', '<t>LONG DESCRIPTION</t>', '<t>ADD DATE</t>', '<t>TERM DATE</t>', '<t>J7192</t>',
    '<r><t>Factor viii (antihemophilic factor, recombinant) per i.u., not otherwise</t></r>', '<t>specified</t>', '<t>19940101</t>',
    '<t xml:space="preserve">Supplies &amp; accessories, </t>'];
  const sheet = [
    `<row r="1">${s('B1', 1)}</row>`,
    `<row r="3">${s('A3', 0)}${s('B3', 1)}${s('C3', 2)}${s('D3', 3)}</row>`,
    `<row r="4"><c r="A4"/></row>`,
    `<row r="5">${s('A5', 4)}${s('B5', 5)}${s('C5', 7)}</row>`,
    `<row r="6">${s('A6', 4)}${s('B6', 6)}</row>`,
    `<row r="7"><c r="A7" t="inlineStr"><is><t>A4649</t></is></c><c r="B7" t="inlineStr"><is><t>Surgical supply; miscellaneous &lt;x&gt;</t></is></c><c r="C7"><v>19820101</v></c><c r="D7"><v>20251231</v></c></row>`,
    `<row r="8"><c r="A8" t="inlineStr"><is><t>E1399</t></is></c>${s('B8', 8)}<c r="C8"><v>19860101</v></c></row>`,
  ].join('');
  const [sh] = readXlsx(workbook(sheet, strings));
  assert.equal(sh.name, 'NOC_codes_APR2026');
  assert.deepEqual(sh.rows[1], []);
  assert.deepEqual(sh.rows[6], ['A4649', 'Surgical supply; miscellaneous <x>', '19820101', '20251231']);
  const { records, warnings } = parseNocSheet(sh);
  assert.deepEqual(warnings, []);
  assert.deepEqual(records, [
    { code: 'A4649', longDescription: 'Surgical supply; miscellaneous <x>', added: '1982-01-01', terminated: '2025-12-31' },
    { code: 'E1399', longDescription: 'Supplies & accessories,', added: '1986-01-01', terminated: '' },
    // the row that repeats the code with no dates carries the rest of the description
    { code: 'J7192', longDescription: 'Factor viii (antihemophilic factor, recombinant) per i.u., not otherwise specified', added: '1994-01-01', terminated: '' },
  ]);
  assert.equal(decodeXmlText('a &#38; b &#x41; &quot;c&quot;'), 'a & b A "c"');
});

test('xlsx reader: not a workbook is a plain error; a sheet without the header row is a warning', () => {
  assert.throws(() => readXlsx(strToU8('not a zip')), /not an \.xlsx workbook/);
  assert.throws(() => readXlsx(zipSync({ 'a.txt': strToU8('x') })), /no xl\/workbook\.xml/);
  const [sh] = readXlsx(workbook(`<row r="1">${s('A1', 0)}</row>`, ['<t>Something else</t>']));
  assert.match(parseNocSheet(sh).warnings[0], /no header row/);
});

test('the official NOC list of January 2026: 166 codes, continuation rows joined', { skip: !exists(hcpcsNoc) && 'no ../shared/data' }, () => {
  const sheets = readXlsx(new Uint8Array(fs.readFileSync(hcpcsNoc)));
  assert.deepEqual(sheets.map((x) => x.name), ['NOC_codes_JAN2026']);
  const { records, warnings } = parseNocSheet(sheets[0]);
  assert.deepEqual(warnings, []);
  assert.equal(records.length, 166);
  const byCode = new Map(records.map((r) => [r.code, r]));
  assert.equal(byCode.get('J7195')?.longDescription, 'Injection, factor ix (antihemophilic factor, recombinant) per iu, not otherwise specified');
  assert.deepEqual({ ...byCode.get('A9599') }, { code: 'A9599', longDescription: byCode.get('A9599')!.longDescription, added: '2014-01-01', terminated: '2017-12-31' });
  assert.equal(byCode.get('A0999')?.longDescription, 'Unlisted ambulance service');
  // the committed table holds exactly these codes
  const table = JSON.parse(fs.readFileSync(path.join(dataDir, 'hcpcs', '2026-01.json'), 'utf8'));
  assert.deepEqual(table.noc, records.map((r) => r.code));
});

test('a TXT imported without the NOC list beside it says so and keeps the descriptor fallback', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'noc-import-'));
  try {
    const txt = path.join(work, 'HCPC2026_APR_ANWEB_test.txt');
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'hcpcs-mini.txt'), txt);
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'import.ts'), txt, '--out', path.join(work, 'out')], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /no NOC_codes\*\.xlsx found/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(work, 'out', 'hcpcs', '2026-04.json'), 'utf8')).noc, undefined);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
