import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { stringifyTable } from '../../../server/src/codeset/stringify';
import { aspFileKind, buildAspTable, decodeCp1252, effectiveFromTitle, quarterOf } from '../../../server/src/codeset/importAsp';
import { parseCsv } from '../../../server/src/core/csv';
import { aspTableSchema } from '../../../server/src/codeset/schema';
import { aspDir, dataDir, exists, repoRoot } from './paths';

// Written in the layout of the CMS Section 508 CSVs (title rows, the header on row 9, trailing empty columns).
const title = (what: string) => [what + ',,,', ',,,', '"     Effective April 1, 2026 through June 30, 2026",,,', ',,,', 'Note,,,', ',,,', ',,,', ',,,'];
const crosswalk = [
  ...title('April 2026 ASP NDC - HCPCS Crosswalk for Medicare Part B Drugs'),
  '_2026_CODE,Short Description,LABELER NAME,NDC2,Drug Name,HCPCS dosage,PKG SIZE,PKG QTY,BILLUNITS,BILLUNITSPKG,,',
  '90371,Hep b ig im,"Grifols USA, LLC",13533-0636-03,HyperHepB ,1 ML,0.5,1,0.5,1,,',
  'J7050,Normal saline solution infus,B. Braun Medical Inc.,00264-5802-00,Sodium Chloride,250 CC,1000,12,4,48,,',
  'J7331,"Synojoynt, inj., 1 mg","Arthrex, Inc.",888867413689,SynoJoynt,1 MG,2,3,20,60,,',
  ',,,,,,,,,,,',
].join('\r\n');
const limits = [
  ...title('Payment Allowance Limits for Medicare Part B Drugs'),
  'HCPCS Code,Short Description,HCPCS Code Dosage,Payment Limit,Co-insurance Percentage,Vaccine AWP%,Vaccine Limit,Blood AWP%,Blood limit,Clotting Factor,Notes,',
  '90371,Hep b ig im,1 ML,137.828,20.000,,,,,,,',
  'A9606,Radium ra223 dichloride ther,1 microCurie,N/A,20.000,,,,,,"microCurie 100% AWP = $202.82\nmicroCurie 100% WAC = $169.02",',
].join('\r\n');

test('CSV: quoted commas, doubled quotes, line breaks inside quotes; cp1252 decoding', () => {
  assert.deepEqual(parseCsv('a,"b, c","d ""e"""\r\n"f\ng",h\n'), [['a', 'b, c', 'd "e"'], ['f\ng', 'h']]);
  assert.equal(decodeCp1252(new Uint8Array([0x41, 0xa0, 0x92, 0x96])), 'A\u00a0\u2019\u2013');
  assert.deepEqual(effectiveFromTitle(parseCsv(crosswalk)), { from: '2026-04-01', to: '2026-06-30' });
  assert.equal(quarterOf('2026-05-17'), '2026-04');
  assert.equal(aspFileKind(crosswalk), 'crosswalk');
  assert.equal(aspFileKind(limits), 'limits');
  assert.equal(aspFileKind('HCPCS,descriptor\n'), undefined);
});

test('ASP table: quarter from the title rows, short descriptions dropped, a non-NDC identifier reported', () => {
  const { table, warnings } = buildAspTable({ crosswalk: { name: 'cw.csv', text: crosswalk }, limits: { name: 'lim.csv', text: limits } });
  aspTableSchema.parse(table);
  assert.equal(table.release, '2026-04');
  assert.deepEqual(table.effective, { from: '2026-04-01', to: '2026-06-30' });
  assert.deepEqual(table.crosswalk, [
    ['00264-5802-00', 'J7050', 'B. Braun Medical Inc.', 'Sodium Chloride', '250 CC', '1000', '12', '4', '48'],
    ['13533-0636-03', '90371', 'Grifols USA, LLC', 'HyperHepB', '1 ML', '0.5', '1', '0.5', '1'],
  ]);
  assert.deepEqual(table.limits, [
    ['90371', '1 ML', '137.828', '20', ''],
    ['A9606', '1 microCurie', 'N/A', '20', 'microCurie 100% AWP = $202.82 microCurie 100% WAC = $169.02'],
  ]);
  assert.doesNotMatch(JSON.stringify(table), /Hep b ig im|Normal saline solution infus/);
  // version 2: the SHA-256 of the crosswalk's rows as stringifyTable writes them between the brackets
  assert.equal(table.version, 2);
  const text = stringifyTable(table);
  const open = text.indexOf('"crosswalk": [') + '"crosswalk": ['.length;
  const body = text.slice(open, text.indexOf('\n  ]', open) + 3);
  assert.equal(table.crosswalkSha256, createHash('sha256').update(body, 'utf8').digest('hex'));
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^cw\.csv: .*J7331 "888867413689" is not an 11-digit NDC/);
  assert.throws(
    () => buildAspTable({ crosswalk: { name: 'cw.csv', text: crosswalk }, limits: { name: 'lim.csv', text: limits.replace('June 30', 'July 31') } }),
    /cw\.csv is for 2026-04-01\.\.2026-06-30 but lim\.csv/,
  );
});

test('re-importing the official ASP folder (or either file) gives the committed table byte for byte', { skip: !exists(aspDir) && 'no ../shared/data' }, () => {
  const committed = fs.readFileSync(path.join(dataDir, 'asp', '2026-01.json'), 'utf8');
  for (const input of [aspDir, path.join(aspDir, 'asp-payment-limits-2026-jan.csv')]) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'asp-import-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'import.ts'), input, '--out', out], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /ASP 2026-01 \(2026-01-01 to 2026-03-31\): 7124 NDCs, 877 payment limits/);
      assert.ok(fs.readFileSync(path.join(out, 'asp', '2026-01.json'), 'utf8') === committed, `${path.basename(input)}: differs from data/asp/2026-01.json`);
      assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).asp.current, '2026-01');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
});
