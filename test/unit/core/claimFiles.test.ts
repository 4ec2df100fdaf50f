import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_FILE_EXTENSIONS, hasClaimFileExtension, isClaimText } from '../../../server/src/core/claimFiles';
import { hasIcd10Shape, hasLevelIIShape, hasLevelIShape } from '../../../server/src/core/codeShapes';

test('the editor language contribution lists the claim-file extensions the server and CLI use', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const x12 = pkg.contributes.languages.find((l: { id: string }) => l.id === 'x12');
  assert.deepEqual([...x12.extensions].sort(), [...CLAIM_FILE_EXTENSIONS].sort());
  assert.ok(hasClaimFileExtension('claims/BATCH.837'));
  assert.ok(hasClaimFileExtension('C:\\claims\\a.EDI'));
  assert.ok(!hasClaimFileExtension('notes/a.837.md'));
  assert.ok(!hasClaimFileExtension('claims.837/readme'));
});

test('claim sniff: ISA after an optional BOM and white space', () => {
  assert.ok(isClaimText('ISA*00*'));
  assert.ok(isClaimText('\uFEFF\n  ISA*00*'));
  assert.ok(!isClaimText('Patient note: ISA'));
  assert.ok(!isClaimText(''));
});

test('code shapes', () => {
  assert.ok(hasLevelIIShape('A9600') && !hasLevelIIShape('W9600') && !hasLevelIIShape('A960'));
  assert.ok(hasLevelIShape('99213') && hasLevelIShape('0075T') && !hasLevelIShape('A9600'));
  assert.ok(hasIcd10Shape('C7951') && hasIcd10Shape('I10') && !hasIcd10Shape('99213'));
});
