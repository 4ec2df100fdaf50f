import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contraindication } from '../../../../server/src/rules/notes/contraindication';
import { at, noteFixture, run } from './helpers';

test('low platelets next to a marrow-toxic agent: one warning at the lab value', () => {
  const text = noteFixture('a9600-low-platelets.note.md');
  const findings = run(contraindication, text);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'notes/contraindication');
  assert.equal(at(text, findings[0]), 'platelets 62,000');
  assert.match(findings[0].message, /^A9600 \(a marrow-toxic agent\): "platelets 62,000" is below 100 ×10⁹\/L — a signal of compromised bone marrow reserve/);
  assert.equal(at(text, findings[0].related![0]), 'A9600');
});

test('signal words fire; negated ones do not', () => {
  assert.equal(run(contraindication, 'Severe marrow suppression after chemotherapy. Plan HCPCS A9604.').length, 1);
  assert.equal(run(contraindication, 'Known pancytopenia. Plan HCPCS A9513, 200 mCi.').length, 1);
  assert.deepEqual(run(contraindication, 'No pancytopenia. Plan HCPCS A9604.'), []);
  assert.deepEqual(run(contraindication, 'Negative for thrombocytopenia; plan HCPCS A9604.'), []);
});

test('lab values: units, dates and normal counts', () => {
  assert.equal(run(contraindication, 'Plt 45K. HCPCS A9606, 110 µCi.').length, 1);
  assert.equal(run(contraindication, 'ANC 1,100 today. HCPCS A9606.').length, 1);
  assert.deepEqual(run(contraindication, 'Platelets on 3/14: 250. HCPCS A9606.'), []);
  assert.deepEqual(run(contraindication, 'Platelets 180 x10^9/L, ANC 3.2. HCPCS A9600 x 4.'), []);
});

test('radium-223: visceral metastases and abiraterone are signals; "no visceral metastases" is not', () => {
  const fires = run(contraindication, 'CRPC with liver metastases on CT. Radium-223, HCPCS A9606.');
  assert.equal(fires.length, 1);
  assert.match(fires[0].message, /visceral metastatic disease/);
  assert.deepEqual(run(contraindication, 'CRPC, no visceral metastases on CT. HCPCS A9606.'), []);
  assert.equal(run(contraindication, 'Continues abiraterone and prednisone. HCPCS A9606.').length, 1);
});

test('must not fire without a guided code in the note', () => {
  assert.deepEqual(run(contraindication, 'Platelets 40,000. Severe marrow suppression. Billed J9035 x 2.'), []);
  assert.deepEqual(run(contraindication, 'Platelets 40,000, pancytopenia. Dx C79.51.'), []);
});
