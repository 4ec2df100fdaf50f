import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  buildHcpcsTable,
  decodeLatin1,
  isoDate,
  parseHcpcsText,
  parseProcessingNotes,
  parseRecordLayout,
  releaseFromHcpcsFileName,
} from '../../../server/src/codeset/importHcpcs';
import { hcpcsTableSchema } from '../../../server/src/codeset/schema';
import { decodeHcpcsRow } from '../../../server/src/codeset/tableFormat';
import { hcpcsRowsSha256, listBody, stringifyTable } from '../../../server/src/codeset/stringify';
import { cutHcpcsMini } from '../../../scripts/make-hcpcs-mini';
import { dataDir, exists, hcpcsLayout, hcpcsTxt, hcpcsZip, repoRoot } from './paths';

const mini = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'hcpcs-mini.txt'), 'latin1');

test('mini file: procedures, continuation joined with one space, modifier in cols 4-5', () => {
  const r = parseHcpcsText(mini);
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(r.procedures.map((p) => p.code), ['A9600', 'A9604', 'C9150', 'G9871', 'J9035']);
  assert.deepEqual(r.modifiers.map((m) => m.code), ['XU']);
  const a9604 = r.procedures[1];
  assert.equal(a9604.longDescription, 'Samarium sm-153 lexidronam, therapeutic, per treatment dose, up to 150 millicuries');
  assert.equal(a9604.shortDescription, 'Sm 153 lexidronam');
  assert.equal(r.modifiers[0].kind, 'modifier');
  assert.equal(
    r.modifiers[0].longDescription,
    'Unusual non-overlapping service, the use of a service that is distinct because it does not overlap usual components of the main service',
  );
});

test('mini file: detail fields, ISO dates, terminated code with cross reference', () => {
  const { procedures } = parseHcpcsText(mini);
  const a9600 = procedures[0];
  assert.deepEqual(
    { pricing: a9600.pricing, mpi: a9600.multiplePricing, cov: a9600.coverage, betos: a9600.betos, tos: a9600.typeOfService },
    { pricing: ['57'], mpi: 'A', cov: 'C', betos: 'I1E', tos: ['6'] },
  );
  assert.equal(a9600.added, '1998-01-01');
  assert.equal(a9600.terminated, '');
  const c9150 = procedures[2];
  assert.equal(c9150.shortDescription, 'Xe129 xenon, diagnostic');
  assert.equal(c9150.added, '2023-07-01');
  assert.equal(c9150.terminated, '2024-09-30');
  assert.deepEqual(c9150.crossReference, ['A9610']);
  assert.deepEqual(c9150.typeOfService, ['1']);
  assert.equal(c9150.processingNote, '');
  assert.equal(c9150.statute, '1833(t)');
  const j9035 = procedures.find((p) => p.code === 'J9035')!;
  assert.deepEqual([j9035.pricing, j9035.betos, j9035.typeOfService], [['51'], 'O1E', ['1', 'P']]);
  assert.equal(parseHcpcsText(mini).modifiers[0].shortDescription, 'Unusual separate service');
});

test('mini file: a line longer than 320 is tolerated, blank lines are skipped', () => {
  const { procedures, warnings } = parseHcpcsText(mini);
  // G9871's first line is the release's one 546-character line (a 320-byte record and 226 spaces)
  assert.ok(mini.split('\r\n').some((l) => l.startsWith('G9871') && l.length === 546));
  const g9871 = procedures.find((p) => p.code === 'G9871');
  assert.equal(g9871?.longDescription, 'Behavioral counseling for diabetes prevention, online, 60 minutes');
  assert.equal(g9871?.actionCode, 'A');
  assert.ok(mini.endsWith(' '.repeat(296) + '\r\n'), 'the release ends with a line of 296 spaces');
  assert.deepEqual(warnings, []);
});

test('mini file is cut unchanged from the release by code (when ../shared is present)', { skip: !exists(hcpcsTxt) && 'no ../shared/data' }, () => {
  assert.equal(cutHcpcsMini(fs.readFileSync(hcpcsTxt, 'latin1')), mini);
});

test('continuation without its first line is reported with the line number, not thrown', () => {
  const line = '   XU002008does not overlap'.padEnd(320);
  const r = parseHcpcsText(line);
  assert.equal(r.modifiers.length, 0);
  assert.match(r.warnings[0], /^line 1: continuation/);
});

test('encode/decode round trip keeps every field', () => {
  const { table } = buildHcpcsTable({ release: '2026-01', sourceFile: 'x/HCPC2026_JAN_ANWEB_01122026.txt', dataText: mini });
  assert.equal(table.source, 'HCPC2026_JAN_ANWEB_01122026.txt');
  hcpcsTableSchema.parse(table);
  const parsed = parseHcpcsText(mini);
  const back = table.procedures.map((r) => decodeHcpcsRow(r, 'procedure'));
  assert.deepEqual(back, parsed.procedures);
});

test('version 2: the earliest termination and the SHA-256 of the rows as stringifyTable writes them, which the reader finds', () => {
  const { table } = buildHcpcsTable({ release: '2026-01', sourceFile: 'HCPC2026_JAN_ANWEB_01122026.txt', dataText: mini });
  assert.equal(table.version, 2);
  const terminated = table.procedures.map((r) => r[11]).filter(Boolean).sort();
  assert.equal(table.earliestTermination, terminated[0]);
  assert.equal(table.rowsSha256, hcpcsRowsSha256(table.earliestTermination, listBody(table.procedures), listBody(table.modifiers)));
  const text = stringifyTable(table);
  const bodyOf = (key: string) => {
    const open = text.indexOf(`"${key}": [`) + key.length + 4;
    return text.slice(open + 1, text.indexOf('\n  ]', open) + 3);
  };
  assert.equal(bodyOf('procedures'), listBody(table.procedures));
  assert.equal(bodyOf('modifiers'), listBody(table.modifiers));
});

test('isoDate, latin-1 decoding and release from the file name', () => {
  assert.equal(isoDate('20260101'), '2026-01-01');
  assert.equal(isoDate('        '), '');
  assert.equal(decodeLatin1(new Uint8Array([0x41, 0xe9])), 'A\u00e9');
  assert.equal(releaseFromHcpcsFileName('HCPC2026_JAN_ANWEB_01122026.txt'), '2026-01');
  assert.equal(releaseFromHcpcsFileName('/x/HCPC2026_APR_ANWEB.txt'), '2026-04');
  assert.equal(releaseFromHcpcsFileName('HCPC2026_JUL_ANWEB_06172026.txt'), '2026-07');
  assert.equal(releaseFromHcpcsFileName('HCPC2026_OCT_ANWEB_09232026_v2.txt'), '2026-10');
  assert.equal(releaseFromHcpcsFileName('january-2026-alpha-numeric-hcpcs-file.zip'), '2026-01');
  assert.equal(releaseFromHcpcsFileName('hcpcs.txt'), undefined);
});

test('processing notes: NNNN--text with continuation lines, frame and tabs removed', () => {
  const text = [
    '                                        PROCESSING NOTES',
    '          0002--THESE CODES (82585, 82595) PERTAIN TO PERFORMING THE ANALYSIS FOR THE      *',
    '                ANALYTE AS OPPOSED TO ADMINISTRATION OF THE ANALYTE.                       *',
    '                                                                                           *',
    '\t  0135--MEDICARE BENEFIT POLICY MANUAL, PUB 100.2, CHAPTER 15, SECTION 110.3\t   *',
    '\t\t(100.02,15,110.3).\t\t\t\t\t\t           *',
    '\t\t\t\t\t\t\t\t\t\t\t   *\t',
  ].join('\r\n');
  assert.deepEqual(parseProcessingNotes(text), {
    '0002': 'THESE CODES (82585, 82595) PERTAIN TO PERFORMING THE ANALYSIS FOR THE ANALYTE AS OPPOSED TO ADMINISTRATION OF THE ANALYTE.',
    '0135': 'MEDICARE BENEFIT POLICY MANUAL, PUB 100.2, CHAPTER 15, SECTION 110.3 (100.02,15,110.3).',
  });
});

test('record layout: CODES blocks with continuation lines, group headings and an appendix table', () => {
  const text = [
    '  9.   HCPCS Pricing Indicator Code',
    '                                 2    120    121    CHAR',
    '                                                    CODES         :',
    '                                                       00 = Service not separately priced by part B',
    '                                                            (e.G., services not covered)',
    '                                                       Clinical Lab Fee Schedule',
    '                                                       -------------------------',
    '\t\t\t\t\t\t       40 = Lymphedema Compression Treatment Items (eff 1/1/2024)',
    '                                                       57 = Other carrier priced',
    '',
    '                                                    OCCURS MIN: 1 OCCURS MAX: 4',
    '  23.  HCPCS Berenson-Eggers Type Of Service Code',
    '                                                    CODE TABLE     : BETOS_TB',
    '  TABLE OF CODES APPENDIX                                HCPCS_CTRTR_26_REC',
    ' BETOS_TB                                                   BETOS Table',
    '   I1E = Standard imaging - nuclear medicine',
    '   M3  = Emergency room visit',
  ].join('\r\n');
  const t = parseRecordLayout(text);
  assert.deepEqual(t.pricingIndicator?.codes, {
    '00': 'Service not separately priced by part B (e.G., services not covered)',
    '40': 'Lymphedema Compression Treatment Items (eff 1/1/2024)',
    '57': 'Other carrier priced',
  });
  assert.deepEqual(t.betos?.codes, { I1E: 'Standard imaging - nuclear medicine', M3: 'Emergency room visit' });
  assert.equal(t.betos?.source, 'BETOS_TB');
});

test('real record layout: the code tables the describers need', (t) => {
  if (!exists(hcpcsLayout)) return t.skip('../shared/data (CMS record layout) not present');
  const tables = parseRecordLayout(decodeLatin1(fs.readFileSync(hcpcsLayout)));
  assert.equal(tables.pricingIndicator?.codes['57'], 'Other carrier priced');
  assert.equal(tables.pricingIndicator?.codes['51'], 'Drugs');
  assert.equal(tables.coverage?.codes['D'], 'Special coverage instructions apply');
  assert.equal(tables.actionCode?.codes['D'], 'Discontinue procedure or modifier code');
  assert.equal(tables.betos?.codes['I1E'], 'Standard imaging - nuclear medicine');
  assert.equal(tables.typeOfService?.codes['6'], 'Therapeutic radiology');
  assert.equal(tables.typeOfService?.codes['0'], 'Whole blood only eff 01/96, whole blood or packed red cells before 01/96');
  assert.equal(tables.multiplePricingIndicator?.codes['A'], 'Not applicable as HCPCS priced under one methodology');
  assert.equal(Object.keys(tables.coverage?.codes ?? {}).length, 5);
  assert.equal(Object.keys(tables.actionCode?.codes ?? {}).length, 10);
});

function importInto(outDir: string, file: string): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', 'import.ts'), file, '--out', outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
}

test('re-importing the official TXT and the official zip gives the committed table byte for byte', (t) => {
  if (!exists(hcpcsTxt) || !exists(hcpcsZip)) return t.skip('../shared/data (CMS HCPCS release) not present');
  const committed = fs.readFileSync(path.join(dataDir, 'hcpcs', '2026-01.json'), 'utf8');
  for (const file of [hcpcsTxt, hcpcsZip]) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'hcpcs-import-'));
    try {
      importInto(out, file);
      assert.ok(fs.readFileSync(path.join(out, 'hcpcs', '2026-01.json'), 'utf8') === committed, `${path.basename(file)} differs from data/hcpcs/2026-01.json`);
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
      assert.equal(manifest.hcpcs.current, '2026-01');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }
});
