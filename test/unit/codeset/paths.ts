import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const dataDir = path.join(repoRoot, 'data');
/** The shared official files (absent in a fresh clone: tests that need them skip). */
export const sharedData = path.resolve(repoRoot, '..', 'shared', 'data');
export const hcpcsDir = path.join(sharedData, 'hcpcs-level2-2026-jan');
export const hcpcsTxt = path.join(hcpcsDir, 'HCPC2026_JAN_ANWEB_01122026.txt');
export const hcpcsZip = path.join(hcpcsDir, 'january-2026-alpha-numeric-hcpcs-file.zip');
export const hcpcsLayout = path.join(hcpcsDir, 'HCPC2026_recordlayout.txt');
export const icd10Txt = path.join(sharedData, 'icd10cm-fy2026', 'icd10cm-codes-2026.txt');
export const exists = (p: string) => fs.existsSync(p);
