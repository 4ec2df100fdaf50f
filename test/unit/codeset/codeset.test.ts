import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixtureCodeSet } from '../../fixtures/codeset';
import { formatIcd10, loadCodeSetFromJson } from '../../../server/src/codeset/codeset';
import { parseCptCsv } from '../../../server/src/codeset/cpt';
import { loadCodeSet } from '../../../server/src/node/loadCodeSet';
import { repoRoot } from './paths';
import { CodeSetFacts } from '../../../server/src/codeset/codeFacts';

const fixtureRaw = () => JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'codeset.data.json'), 'utf8'));

test('fixture code set: lookups are case-insensitive, ICD-10 with or without the dot', () => {
  const cs = fixtureCodeSet();
  assert.equal(cs.procedure(' a9604 ')?.code, 'A9604');
  assert.equal(cs.modifier('jz')?.code, 'JZ');
  assert.equal(cs.icd10('C79.51')?.code, 'C7951');
  assert.equal(cs.icd10('c7a.010')?.description, 'Malignant carcinoid tumor of the duodenum');
  assert.equal(cs.procedure('C9150')?.terminated, '2024-09-30');
  assert.deepEqual(cs.procedure('C9150')?.crossReference, ['A9610']);
});

test('formatIcd10', () => {
  assert.equal(formatIcd10('C7951'), 'C79.51');
  assert.equal(formatIcd10('C61'), 'C61');
  assert.equal(formatIcd10('c7a010'), 'C7A.010');
  assert.equal(formatIcd10('C79.51'), 'C79.51');
});

test('search ranking: exact code > code prefix > active before terminated > word at start', () => {
  const cs = fixtureCodeSet();
  assert.deepEqual(cs.searchProcedures('samarium', 5).map((h) => h.record.code), ['A9604']);
  assert.deepEqual(cs.searchProcedures('STRONTIUM', 5).map((h) => h.record.code), ['A9600']);
  assert.equal(cs.searchProcedures('A9604', 5)[0].record.code, 'A9604');
  const a96 = cs.searchProcedures('a96', 20).map((h) => h.record.code);
  assert.deepEqual(a96.slice(0, 3), ['A9600', 'A9601', 'A9602']);
  // C9150 (terminated) ranks after the active C93xx/C9399 codes for the prefix "C9"
  const c9 = cs.searchProcedures('C9', 20).map((h) => h.record.code);
  assert.ok(c9.indexOf('C9399') < c9.indexOf('C9150'), c9.join(' '));
  // every query word must be a prefix of a descriptor word
  assert.deepEqual(cs.searchProcedures('sm-153 lexid', 5).map((h) => h.record.code), ['A9604']);
  assert.deepEqual(cs.searchProcedures('samarium strontium', 5), []);
  // a word at the start of the descriptor ranks first
  const inj = cs.searchProcedures('inj bevacizumab', 5);
  assert.equal(inj[0].record.code, 'J9035');
  assert.equal(cs.searchProcedures('radio', 10)[0].record.code, 'A9699');
  assert.equal(cs.searchProcedures('', 10).length, 0);
  assert.equal(cs.searchProcedures('A9', 2).length, 2);
});

test('searchIcd10 accepts codes with or without the dot, and words', () => {
  const cs = fixtureCodeSet();
  assert.equal(cs.searchIcd10('C79.51', 5)[0].record.code, 'C7951');
  assert.equal(cs.searchIcd10('C7951', 5)[0].record.code, 'C7951');
  assert.deepEqual(cs.searchIcd10('c79.5', 5).map((h) => h.record.code), ['C7951', 'C7952']);
  assert.equal(cs.searchIcd10('prostate', 5)[0].record.code, 'C61');
});

test('zod failure names the file and the field path', () => {
  const raw = fixtureRaw();
  raw.hcpcs.procedures[3][0] = 'not a code';
  raw.icd10.release = 2026;
  const r = loadCodeSetFromJson(raw, { hcpcs: 'data/hcpcs/2026-01.json', icd10: 'data/icd10cm/FY2026.json' });
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.error, /^data\/hcpcs\/2026-01\.json: procedures\.3\.0: code must be/m);
  assert.match(r.error, /^data\/icd10cm\/FY2026\.json: release: /m);
});

test('manifest pointing at another release is reported', () => {
  const raw = fixtureRaw();
  const manifest = { format: 'codeset-manifest', version: 1, hcpcs: { current: '2026-04', releases: ['2026-01', '2026-04'] }, icd10cm: { current: 'FY2026', releases: ['FY2026'] } };
  const r = loadCodeSetFromJson({ ...raw, manifest }, { hcpcs: 'h.json', icd10: 'i.json', manifest: 'manifest.json' });
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error, /manifest\.json: hcpcs\.current: says 2026-04 but h\.json holds release 2026-01/);
});

test('ICD-10-CM table in columns (version 2, what the importer writes): same code set as rows; a bad value names file and field', () => {
  const raw = fixtureRaw();
  const rows = raw.icd10.codes as [string, string][];
  const { columns: _columns, codes: _codes, ...header } = raw.icd10;
  const columns = { ...header, version: 2, codes: rows.map((r) => r[0]), descriptions: rows.map((r) => r[1]) };
  const names = { hcpcs: 'h.json', icd10: 'icd10cm/FY2026.json' };
  const fromRows = loadCodeSetFromJson(raw, names);
  const fromColumns = loadCodeSetFromJson({ ...raw, icd10: columns }, names);
  assert.ok(fromRows.ok && fromColumns.ok);
  for (const [code] of rows) assert.deepEqual(fromColumns.codeSet.icd10(code), fromRows.codeSet.icd10(code));
  assert.equal(fromColumns.codeSet.icd10('C79.51'), fromColumns.codeSet.icd10('c7951'), 'one record object per code');
  assert.equal(fromColumns.codeSet.icd10('C79.5'), undefined);
  assert.deepEqual(
    fromColumns.codeSet.searchIcd10('neoplasm bone', 5).map((h) => h.record.code),
    fromRows.codeSet.searchIcd10('neoplasm bone', 5).map((h) => h.record.code),
  );

  const badCode = loadCodeSetFromJson({ ...raw, icd10: { ...columns, codes: columns.codes.map((c: string, i: number) => (i === 2 ? 'c79.51' : c)) } }, names);
  assert.ok(!badCode.ok);
  assert.match(badCode.error, /^icd10cm\/FY2026\.json: codes\.2: an ICD-10-CM code without the dot/m);
  const short = loadCodeSetFromJson({ ...raw, icd10: { ...columns, descriptions: columns.descriptions.slice(1) } }, names);
  assert.ok(!short.ok);
  assert.match(short.error, /^icd10cm\/FY2026\.json: descriptions: expected one description per code \(36\), found 35/m);
  const empty = loadCodeSetFromJson({ ...raw, icd10: { ...columns, descriptions: columns.descriptions.map((d: string, i: number) => (i === 4 ? '' : d)) } }, names);
  assert.ok(!empty.ok);
  assert.match(empty.error, /^icd10cm\/FY2026\.json: descriptions\.4: description must be a non-empty string/m);
  const notLists = loadCodeSetFromJson({ ...raw, icd10: { ...columns, codes: null, descriptions: 'C61 prostate' } }, names);
  assert.ok(!notLists.ok);
  assert.match(notLists.error, /^icd10cm\/FY2026\.json: codes: expected an array$/m);
  assert.match(notLists.error, /^icd10cm\/FY2026\.json: descriptions: expected an array$/m);
  const rowsNotAList = loadCodeSetFromJson({ ...raw, hcpcs: { ...raw.hcpcs, procedures: { A9600: [] } } }, names);
  assert.ok(!rowsNotAList.ok);
  assert.match(rowsNotAList.error, /^h\.json: procedures: expected an array of records$/m);
});

test('loadCodeSet never throws: missing folder, broken JSON, bad field', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeset-'));
  try {
    let r = loadCodeSet(path.join(dir, 'nope'));
    assert.equal(r.codeSet, undefined);
    assert.deepEqual(r.errors, ['manifest.json: file not found']);

    const raw = fixtureRaw();
    fs.mkdirSync(path.join(dir, 'hcpcs'));
    fs.mkdirSync(path.join(dir, 'icd10cm'));
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ format: 'codeset-manifest', version: 1, hcpcs: { current: '2026-01', releases: ['2026-01'] }, icd10cm: { current: 'FY2026', releases: ['FY2026'] } }),
    );
    fs.writeFileSync(path.join(dir, 'hcpcs', '2026-01.json'), JSON.stringify(raw.hcpcs));
    fs.writeFileSync(path.join(dir, 'icd10cm', 'FY2026.json'), '{ not json');
    r = loadCodeSet(dir);
    assert.equal(r.codeSet, undefined);
    assert.match(r.errors[0], /^icd10cm\/FY2026\.json: /);

    raw.icd10.codes[2] = ['C7951'];
    fs.writeFileSync(path.join(dir, 'icd10cm', 'FY2026.json'), JSON.stringify(raw.icd10));
    r = loadCodeSet(dir);
    assert.match(r.errors.join('\n'), /^icd10cm\/FY2026\.json: codes\.2: expected \[code, description\]/m);

    raw.icd10.codes[2] = ['C7951', 'Secondary malignant neoplasm of bone'];
    fs.writeFileSync(path.join(dir, 'icd10cm', 'FY2026.json'), JSON.stringify(raw.icd10));
    fs.writeFileSync(path.join(dir, 'cpt.csv'), 'code,descriptor\n99213,Office visit (licensed text)\n');
    r = loadCodeSet(dir, { cptCsvPath: path.join(dir, 'cpt.csv') });
    assert.deepEqual(r.errors, []);
    assert.equal(r.codeSet?.cpt('99213')?.descriptor, 'Office visit (licensed text)');
    assert.equal(r.codeSet?.procedure('A9604')?.code, 'A9604');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('tables read on first use (FY2025, ASP): a bad field is told once, naming file and field; the rest keeps working', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codeset-'));
  try {
    const raw = fixtureRaw() as ReturnType<typeof fixtureRaw> & { icd10Other: { codes: unknown[][] }[]; asp: { crosswalk: unknown[][] } };
    for (const sub of ['hcpcs', 'icd10cm', 'asp']) fs.mkdirSync(path.join(dir, sub));
    const manifest = {
      format: 'codeset-manifest',
      version: 1,
      hcpcs: { current: '2026-01', releases: ['2026-01'] },
      icd10cm: { current: 'FY2026', releases: ['FY2025', 'FY2026'] },
      asp: { current: '2026-01', releases: ['2026-01'] },
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    fs.writeFileSync(path.join(dir, 'hcpcs', '2026-01.json'), JSON.stringify(raw.hcpcs));
    fs.writeFileSync(path.join(dir, 'icd10cm', 'FY2026.json'), JSON.stringify(raw.icd10));
    raw.icd10Other[0].codes[1] = ['g35', 'Multiple sclerosis'];
    fs.writeFileSync(path.join(dir, 'icd10cm', 'FY2025.json'), JSON.stringify(raw.icd10Other[0]));
    raw.asp.crosswalk[0][0] = '1234';
    fs.writeFileSync(path.join(dir, 'asp', '2026-01.json'), JSON.stringify(raw.asp));
    const told: string[] = [];
    const r = loadCodeSet(dir, { onProblem: (m) => told.push(m) });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(told, [], 'nothing read yet');
    const cs = r.codeSet!;
    assert.equal(cs.icd10In('FY2025', 'G35'), undefined);
    assert.equal(cs.icd10In('FY2025', 'C7951'), undefined);
    assert.equal(cs.asp(), undefined);
    assert.equal(cs.asp(), undefined);
    assert.equal(told.length, 2, told.join('\n'));
    assert.match(told[0], /^icd10cm\/FY2025\.json: codes\.1\.0: an ICD-10-CM code/);
    assert.match(told[1], /^asp\/2026-01\.json: crosswalk\.0\.0: ndc must be an 11-digit NDC/);
    assert.equal(cs.icd10In('FY2026', 'C7951')?.description, 'Secondary malignant neoplasm of bone');
    assert.equal(cs.procedure('A9604')?.code, 'A9604');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('parseCptCsv pointed at a patient list: bad rows by count and line number only, capped, no value from the file (issue 15)', () => {
  const rows = ['name,dob,mrn'];
  for (let i = 1; i <= 50_002; i++) rows.push(`JANE DOE${i},1970-01-01,MRN${i}`);
  const r = parseCptCsv(rows.join('\n'), 'patients.csv');
  assert.equal(r.records.length, 0);
  assert.deepEqual(r.errors, [
    'patients.csv: 50,003 rows have no CPT code in the first column (5 characters like 99213 or 0001F, or a 2-digit modifier) (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 ... and 49,993 more)',
  ]);
  for (const e of r.errors) assert.doesNotMatch(e, /JANE|DOE|MRN|1970|name/);
});

test('parseCptCsv: header optional, quoted fields, errors with line numbers', () => {
  const text = [
    '\ufeffCode,Descriptor',
    '99213,"Office visit, established patient"',
    '0001F,"Heart failure assessed ""quoted"""',
    '59,Distinct procedural service',
    'ABC,not a code',
    '99214',
    '99213,duplicate',
    '"99215","Multi',
    'line"',
    '',
  ].join('\r\n');
  const r = parseCptCsv(text, 'cpt.csv');
  assert.deepEqual(r.records, [
    { code: '99213', descriptor: 'Office visit, established patient' },
    { code: '0001F', descriptor: 'Heart failure assessed "quoted"' },
    { code: '59', descriptor: 'Distinct procedural service' },
    { code: '99215', descriptor: 'Multi line' },
  ]);
  assert.deepEqual(r.errors, [
    'cpt.csv: 1 row has no CPT code in the first column (5 characters like 99213 or 0001F, or a 2-digit modifier) (line 5)',
    'cpt.csv: 1 row is not "code,descriptor" (line 6)',
    'cpt.csv: 1 row repeats the code of an earlier row (the first one is kept) (line 7)',
  ]);
  assert.deepEqual(parseCptCsv('99213,Visit\n', 'x.csv').records, [{ code: '99213', descriptor: 'Visit' }]);
  assert.deepEqual(parseCptCsv('99213,"open', 'x.csv').errors, ['x.csv: 1 quoted field is not closed (line 1)']);
  const cs = fixtureCodeSet({ cpt: r.records });
  assert.equal(cs.cpt('99213')?.descriptor, 'Office visit, established patient');
  assert.equal(fixtureCodeSet().cpt('99213'), undefined);
});

test('ICD-10-CM look-up in a table out of code order: sorted once, same answers; of two equal codes the later wins', () => {
  const raw = fixtureRaw();
  const rows = [...(raw.icd10.codes as [string, string][])].reverse();
  rows.push([rows[0][0], 'a later description of the same code']);
  const r = loadCodeSetFromJson({ ...raw, icd10: { ...raw.icd10, codes: rows } }, { hcpcs: 'h.json', icd10: 'i.json' });
  assert.ok(r.ok);
  for (const [code] of rows.slice(1, -1)) assert.equal(r.codeSet.icd10(code)?.code, code);
  assert.equal(r.codeSet.icd10(rows[0][0])?.description, 'a later description of the same code');
  assert.equal(r.codeSet.icd10('A00'), undefined);
  assert.equal(r.codeSet.icd10('ZZZZ'), undefined);
  assert.equal(r.codeSet.icd10(''), undefined);
});

test('CodeSetFacts.icd10KnownIn answers as codeSet.icd10In, for the current year and another, also when asked again', () => {
  const cs = fixtureCodeSet();
  const facts = new CodeSetFacts(cs);
  const other = cs.icd10Years().find((y) => y.release !== cs.icd10Release)!.release;
  // G35 is in FY2025 only, E11A in FY2026 only (the fixture code set is cut from the real years)
  const values = ['G35', 'E11A', 'C61', 'c61', 'C7951', 'C79.51', 'C7959', '', 'NOT-A-CODE-AT-ALL'];
  for (let round = 0; round < 2; round++) {
    for (const release of [cs.icd10Release, other, 'FY1999']) {
      for (const v of values) assert.equal(facts.icd10KnownIn(release, v), !!cs.icd10In(release, v), `${release} ${v} (round ${round})`);
    }
  }
  assert.equal(facts.icd10KnownIn(other, 'G35'), true);
  assert.equal(facts.icd10KnownIn(cs.icd10Release, 'G35'), false);
});
