import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledGuides } from '../../../server/src/guides/loader';
import { unmetDiagnosisGroups } from '../../../server/src/guides/diagnoses';

const guides = bundledGuides();

test('A9600 needs bone metastases; A9606 needs prostate cancer and bone metastases', () => {
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9600'), ['C79.51']), []);
  // C79.52 is "Secondary malignant neoplasm of bone marrow" (ICD-10-CM FY2026): marrow alone is not bone metastasis
  for (const code of ['A9600', 'A9604', 'A9606']) {
    assert.deepEqual(unmetDiagnosisGroups(guides.get(code), ['C61', 'c7952']).map((g) => g.anyOf), [['C7951']], code);
  }
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9600'), ['C61']).map((g) => g.label), ['bone metastases (C79.51)']);
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9606'), ['C61', 'C7951']), []);
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9606'), ['C7951']).map((g) => g.anyOf), [['C61']]);
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9513'), ['C7A.010']), []);
  assert.equal(unmetDiagnosisGroups(guides.get('A9513'), ['C7B.1']).length, 1, 'Merkel cell is not a GEP-NET');
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9513'), ['C7B.02']), []);
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9513'), ['C7B.8']), []);
});

test('codes without a guide or without requirements need nothing', () => {
  assert.deepEqual(unmetDiagnosisGroups(undefined, []), []);
  assert.deepEqual(unmetDiagnosisGroups(guides.get('A9699'), []), []);
});
