/**
 * Diagnostics of the broken copies of the project fixtures (test/fixtures/claims/*-broken-*.837), kept as readable
 * snapshots, and the quick fixes that repair them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../server/src/core/settings';
import { applyEdits, claimDocument, languageService, matchSnapshot, readClaim, serviceFixtures } from './helpers';

const service = languageService();
const snapshots = path.join(serviceFixtures, 'validate');
const today = '2026-02-10';

/** The rules this suite is about (other rules may fire on the same files; their own tests cover them). */
const MINE = /^(x12\/|icd10\/unknown-diagnosis$|hcpcs\/(claim-total-mismatch|pointer-out-of-range|too-many-diagnoses|too-many-pointers|zero-units)$)/;

function render(diagnostics: Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} [${d.severity}] ${d.message}`).join('\n');
}

function validate(name: string): { text: string; diagnostics: Diagnostic[] } {
  const text = readClaim(name);
  return { text, diagnostics: service.validate(claimDocument(text, name), undefined, { today }).filter((d) => MINE.test(String(d.code))) };
}

/** Apply the preferred quick fix of every diagnostic that has one (each from a fresh analysis). */
function fixAll(name: string): string {
  let text = readClaim(name);
  for (let round = 0; round < 10; round++) {
    const doc = claimDocument(text, name);
    const diagnostics = service.validate(doc, undefined, { today }).filter((d) => MINE.test(String(d.code)));
    const actions = service.codeActions(doc, diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, diagnostics);
    const preferred = actions.find((a) => a.isPreferred);
    if (!preferred) return text;
    text = applyEdits(doc, preferred.edit!.changes![doc.uri] as TextEdit[]);
  }
  return text;
}

describe('validate on project fixtures', () => {
  test('the clean 837P and 837I have no diagnostics (from any rule)', () => {
    for (const name of ['837p-oncology.837', '837i-outpatient.837']) {
      const all = service.validate(claimDocument(readClaim(name), name), undefined, { today });
      assert.deepEqual(all.map((d) => `${d.code}: ${d.message}`), []);
    }
  });

  test('broken 837P envelope: exact rule ids, and the quick fixes give back the clean file', () => {
    const { diagnostics } = validate('837p-broken-envelope.837');
    matchSnapshot(path.join(snapshots, '837p-broken-envelope.diagnostics.txt'), render(diagnostics));
    assert.deepEqual(diagnostics.map((d) => d.code), ['x12/segment-count', 'x12/control-number-mismatch', 'x12/trailer-count', 'x12/control-number-mismatch']);
    assert.equal(fixAll('837p-broken-envelope.837'), readClaim('837p-oncology.837'));
  });

  test('broken 837I envelope (single line)', () => {
    const { diagnostics } = validate('837i-broken-envelope.837');
    matchSnapshot(path.join(snapshots, '837i-broken-envelope.diagnostics.txt'), render(diagnostics));
    assert.deepEqual(diagnostics.map((d) => d.code), ['x12/segment-count', 'x12/control-number-mismatch', 'x12/trailer-count']);
    assert.equal(fixAll('837i-broken-envelope.837'), readClaim('837i-outpatient.837'));
  });

  test('broken 837P claims: total, pointers, units, diagnoses', () => {
    const { diagnostics } = validate('837p-broken-claims.837');
    matchSnapshot(path.join(snapshots, '837p-broken-claims.diagnostics.txt'), render(diagnostics));
    const codes = diagnostics.map((d) => String(d.code));
    for (const id of ['hcpcs/claim-total-mismatch', 'hcpcs/too-many-pointers', 'hcpcs/pointer-out-of-range', 'icd10/unknown-diagnosis', 'hcpcs/zero-units']) {
      assert.ok(codes.includes(id), `${id} expected`);
    }
    assert.equal(codes.filter((c) => c === 'icd10/unknown-diagnosis').length, 2);
  });

  test('billing data from the official files: NOC list, ICD-10-CM by date, ICD-9 qualifier, release dates, NDC, duplicates, ambulance', () => {
    const name = '837p-billing-data.837';
    const all = service.validate(claimDocument(readClaim(name), name), undefined, { today });
    const ids = [
      'hcpcs/noc-needs-description', 'hcpcs/duplicate-service-line', 'hcpcs/drug-waste-modifier', 'icd10/unknown-diagnosis',
      'icd10/icd9-qualifier', 'hcpcs/outside-release-dates', 'hcpcs/unknown-code', 'hcpcs/ndc-not-for-code', 'hcpcs/ndc-units',
      'hcpcs/medicaid-drug-without-ndc', 'hcpcs/unknown-modifier',
    ];
    const mine = all.filter((d) => ids.includes(String(d.code)));
    matchSnapshot(path.join(snapshots, '837p-billing-data.diagnostics.txt'), render(mine));
    const codes = new Set(mine.map((d) => String(d.code)));
    assert.deepEqual(ids.filter((id) => !codes.has(id)), [], 'every rule of the billing data fires on its claim');
    // RH on the ambulance line is a valid origin/destination pair: only XH is flagged
    assert.deepEqual(mine.filter((d) => d.code === 'hcpcs/unknown-modifier').map((d) => String(d.message).match(/\bX[A-Z]\b|\bRH\b/)?.[0]), ['XH']);
  });

  test('a rule switched off in the settings does not run', () => {
    const text = readClaim('837p-broken-envelope.837');
    const off = service.validate(claimDocument(text), { ...defaultSettings, rules: { 'x12/segment-count': 'off' } }, { today });
    assert.ok(!off.some((d) => d.code === 'x12/segment-count'));
    assert.ok(off.some((d) => d.code === 'x12/trailer-count'));
  });
});
