import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const dataDir = path.join(repoRoot, 'data');
/** The shared official files (absent in a fresh clone: tests that need them skip). HCPCS_SHARED_DATA overrides. */
export const sharedData = process.env.HCPCS_SHARED_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');
export const hcpcsDir = path.join(sharedData, 'hcpcs-level2-2026-jan');
export const hcpcsTxt = path.join(hcpcsDir, 'HCPC2026_JAN_ANWEB_01122026.txt');
export const hcpcsZip = path.join(hcpcsDir, 'january-2026-alpha-numeric-hcpcs-file.zip');
export const hcpcsLayout = path.join(hcpcsDir, 'HCPC2026_recordlayout.txt');
export const hcpcsNoc = path.join(hcpcsDir, 'NOC_codes_JAN2026.xlsx');
export const icd10Txt = path.join(sharedData, 'icd10cm-fy2026', 'icd10cm-codes-2026.txt');
export const icd10Fy2025Txt = path.join(sharedData, 'icd10cm-fy2025', 'icd10cm-codes-2025.txt');
export const aspDir = path.join(sharedData, 'asp-2026-jan');
export const aspCrosswalk = path.join(aspDir, 'asp-ndc-hcpcs-crosswalk-2026-jan.csv');
export const aspLimits = path.join(aspDir, 'asp-payment-limits-2026-jan.csv');
export const exists = (p: string) => fs.existsSync(p);
