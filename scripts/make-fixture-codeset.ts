/**
 * Writes test/fixtures/codeset.data.json: a hand-picked subset of the real generated tables (current releases in
 * data/manifest.json), in the same file formats, so tests load a small code set in milliseconds.
 *   npx tsx scripts/make-fixture-codeset.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  aspTablePath,
  aspTableSchema,
  hcpcsTablePath,
  icd10TablePath,
  hcpcsTableSchema,
  icd10Columns,
  icd10TableSchema,
  manifestSchema,
  type Icd10TableFile,
} from '../server/src/codeset/schema';

export const FIXTURE_PROCEDURES = [
  // radiopharmaceuticals and contrast
  'A9513', 'A9600', 'A9601', 'A9602', 'A9603', 'A9604', 'A9606', 'A9607', 'A9610', 'A9698', 'A9699',
  // drugs
  'J0897', 'J1100', 'J1745', 'J2505', 'J3301', 'J3490', 'J7050', 'J9035', 'J9220', 'C9399',
  // JW/JZ containers: insulin (no NDC in the ASP crosswalk), a descriptor that says "per single use vial"
  'J1815', 'J9015',
  // vaccines administration, supplies, DME, ambulance
  'G0008', 'G0009', 'A4216', 'E0100', 'E1399', 'A0428',
  // Q-codes
  'Q0138', 'Q2043', 'Q4081', 'Q5101', 'Q5148',
  // terminated codes with cross references (one to a CPT code: G2012 -> 98016)
  'C9150', 'C9173', 'C9300', 'C9794', 'G0562', 'G2012',
  // the oldest termination the release keeps (2014-06-30): its horizon, before which deleted codes have dropped out
  'C9441',
  // Medicare coverage codes I, M, S (hcpcs/noncovered-medicare) and a "per study dose" radiopharmaceutical
  'A0130', 'A4250', 'A4261', 'A9500',
];
export const FIXTURE_MODIFIERS = ['JW', 'JZ', 'KX', 'XE', 'XS', 'XP', 'XU', 'GA', 'GY', 'GZ', 'RT', 'LT', 'JG', 'GD'];
export const FIXTURE_ICD10 = [
  'C7951', 'C7952', 'C61', 'C7A010', 'D696', 'E119', 'M5416', 'M5417', 'M5450', 'I10', 'Z7984', 'E1165', 'E1122',
  'N1830', 'C799', 'C7931', 'Z5111', 'D630', 'R52', 'G893', 'C50911', 'C3490', 'C189', 'J449', 'I509', 'Z0000',
  'E785', 'K219', 'Z23', 'I2510',
  // FY2026 changes: E11A new in FY2026; G35 (FY2025) became G35A..G35D
  'E11A', 'G35A', 'G35D', 'C7B1', 'C7B02', 'C7B8',
];
/** From the FY2025 table: the codes above that exist there, and G35, deleted at the FY2026 change. */
export const FIXTURE_ICD10_FY2025_EXTRA = ['G35'];
/** ASP crosswalk rows kept per fixture code (the first few NDCs in NDC order) and the codes whose limits are kept. */
const ASP_ROWS_PER_CODE = 3;

function main(): void {
  const root = path.resolve(__dirname, '..');
  const data = path.join(root, 'data');
  const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(data, 'manifest.json'), 'utf8')));
  const hcpcs = hcpcsTableSchema.parse(JSON.parse(fs.readFileSync(path.join(data, hcpcsTablePath(manifest.hcpcs.current)), 'utf8')));
  // the fixture keeps ICD-10-CM in version 1 rows (the layout a user's older import has), so both layouts stay tested
  const asRows = (t: Icd10TableFile) => {
    const { codes, descriptions } = icd10Columns(t);
    return { format: t.format, version: 1 as const, release: t.release, source: t.source, columns: ['code', 'description'], effective: t.effective, codes: codes.map((c, i) => [c, descriptions[i]]) };
  };
  const icd10 = asRows(icd10TableSchema.parse(JSON.parse(fs.readFileSync(path.join(data, icd10TablePath(manifest.icd10cm.current)), 'utf8'))));
  const pick = (rows: string[][], codes: string[], what: string) => {
    const want = new Set(codes);
    const out = rows.filter((r) => want.has(r[0]));
    const missing = codes.filter((c) => !out.some((r) => r[0] === c));
    if (missing.length) throw new Error(`not in the ${what} table: ${missing.join(', ')}`);
    return out;
  };
  const procedures = pick(hcpcs.procedures, FIXTURE_PROCEDURES, 'procedure');
  const modifiers = pick(hcpcs.modifiers, FIXTURE_MODIFIERS, 'modifier');
  const noteIdx = hcpcs.columns.indexOf('processingNote');
  const usedNotes = new Set([...procedures, ...modifiers].map((r) => r[noteIdx]).filter(Boolean));
  const notes = Object.fromEntries(Object.entries(hcpcs.notes).filter(([k]) => usedNotes.has(k)));
  const procSet = new Set(FIXTURE_PROCEDURES);
  const others = manifest.icd10cm.releases.filter((r) => r !== manifest.icd10cm.current);
  const icd10Other = others.map((r) => {
    const t = asRows(icd10TableSchema.parse(JSON.parse(fs.readFileSync(path.join(data, icd10TablePath(r)), 'utf8'))));
    const want = new Set([...FIXTURE_ICD10, ...FIXTURE_ICD10_FY2025_EXTRA]);
    return { ...t, codes: t.codes.filter((c) => want.has(c[0])) };
  });
  let asp: unknown;
  if (manifest.asp) {
    const t = aspTableSchema.parse(JSON.parse(fs.readFileSync(path.join(data, aspTablePath(manifest.asp.current)), 'utf8')));
    const perCode = new Map<string, number>();
    const crosswalk = t.crosswalk.filter((r) => {
      if (!procSet.has(r[1])) return false;
      const n = perCode.get(r[1]) ?? 0;
      perCode.set(r[1], n + 1);
      return n < ASP_ROWS_PER_CODE;
    });
    asp = { ...t, crosswalk, limits: t.limits.filter((r) => procSet.has(r[0])) };
  }
  const fixture = {
    hcpcs: { ...hcpcs, procedures, modifiers, notes, ...(hcpcs.noc ? { noc: hcpcs.noc.filter((c) => procSet.has(c)) } : {}) },
    icd10: { ...icd10, codes: pick(icd10.codes, FIXTURE_ICD10, 'ICD-10-CM') },
    icd10Other,
    asp,
  };
  const out = path.join(root, 'test', 'fixtures', 'codeset.data.json');
  fs.writeFileSync(out, JSON.stringify(fixture, null, 1) + '\n');
  console.log(`${path.relative(root, out)}: ${procedures.length} procedures, ${modifiers.length} modifiers, ${fixture.icd10.codes.length} ICD-10-CM codes`);
}

if (require.main === module) main();
