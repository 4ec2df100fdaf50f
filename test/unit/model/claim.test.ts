import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseX12, reparseX12, applyEdit } from '../../../server/src/parse/x12';
import { buildClaimModel, updateClaimModel, claimsInRange, materializeClaimFile, type Spanned } from '../../../server/src/model/claim';
import { fixture } from '../parse/helpers';

const P = fixture('837p-radiopharm.x12');
const I = fixture('837i-outpatient-pipe.x12');

function at(text: string, v: Spanned<unknown> | { offset: number; length: number } | null | undefined): string {
  assert.ok(v, 'value expected');
  return text.slice(v.offset, v.offset + v.length);
}

test('837P envelopes and hierarchy', () => {
  const m = buildClaimModel(parseX12(P));
  assert.deepEqual(m.issues, []);
  const ic = m.interchanges[0];
  assert.equal(ic.controlNumber?.value, '000000101');
  assert.equal(ic.trailerControlNumber?.value, '000000101');
  assert.equal(ic.declaredGroupCount?.value, 1);
  const g = ic.groups[0];
  assert.equal(g.controlNumber?.value, '101');
  assert.equal(g.trailerControlNumber?.value, '101');
  assert.equal(g.version?.value, '005010X222A1');
  const t = g.transactions[0];
  assert.equal(t.kind, '837P');
  assert.equal(t.controlNumber?.value, '0001');
  assert.equal(t.declaredSegmentCount?.value, 63);
  assert.equal(t.actualSegmentCount, 63);
  assert.deepEqual(t.hierarchy.map((h) => h.level), ['billingProvider', 'subscriber', 'subscriber', 'patient', 'subscriber']);
  assert.equal(t.claims.length, 3);
  assert.equal(ic.span.offset, 0);
  assert.ok(at(P, ic.span).startsWith('ISA*00*'));
  assert.ok(at(P, ic.span).endsWith('IEA*1*000000101'));
  assert.ok(at(P, t.span).startsWith('ST*837*0001') && at(P, t.span).endsWith('SE*63*0001'));
});

test('837P claim fields', () => {
  const m = buildClaimModel(parseX12(P));
  const [c1, c2, c3] = m.claims;
  assert.equal(c1.patientControlNumber?.value, 'PCN1001');
  assert.equal(c1.totalCharge?.value, 2450);
  assert.equal(at(P, c1.totalCharge), '2450');
  assert.equal(c1.placeOfService?.value, '11');
  assert.equal(c1.facility?.frequency?.value, '1');
  assert.equal(c1.priorAuthorization?.value, 'PA778899');
  assert.equal(c1.claimFilingIndicator?.value, 'MB');
  assert.equal(c1.subscriber?.name?.value, 'PARKER, ALAN');
  assert.equal(c1.billingProvider?.identifier?.value, '1093817465');
  assert.equal(c1.patient, null);
  assert.deepEqual(c1.diagnoses.map((d) => [d.position, d.qualifier.value, d.code.value, d.role]), [
    [1, 'ABK', 'C7951', 'principal'],
    [2, 'ABF', 'C61', 'other'],
    [3, 'ABF', 'G893', 'other'],
  ]);
  assert.equal(at(P, c1.diagnoses[0].code), 'C7951');
  assert.deepEqual(c1.notes.map((n) => n.text?.value), ['BONE METASTASES FROM PROSTATE CA']);
  assert.deepEqual(c1.dates.map((d) => [d.qualifier.value, d.from]), [['431', '2025-02-01']]);
  assert.equal(c1.serviceDate, null);

  assert.equal(c1.serviceLines.length, 3);
  const [l1, l2, l3] = c1.serviceLines;
  assert.equal(l1.kind, 'professional');
  assert.equal(l1.lineNumber?.value, 1);
  assert.equal(l1.procedure?.qualifier.value, 'HC');
  assert.equal(at(P, l1.procedureCode), 'A9600');
  assert.deepEqual(l1.modifiers.map((x) => [x.value, x.position]), [['JW', 1]]);
  assert.equal(l1.procedure?.description?.value, 'Strontium sr-89 discarded');
  assert.equal(l1.charge?.value, 750);
  assert.equal(l1.unitBasis?.value, 'UN');
  assert.equal(l1.units?.value, 2);
  assert.equal(at(P, l1.units), '2');
  assert.deepEqual(l1.diagnosisPointers.map((p) => [p.index, p.value, p.diagnosis?.code.value]), [
    [1, 1, 'C7951'],
    [2, 2, 'C61'],
  ]);
  assert.equal(l1.dateOfService?.from, '2025-03-05');
  assert.equal(l1.dateOfService?.source, 'line');
  assert.equal(l1.priorAuthorization?.value, 'PA778899A');
  assert.deepEqual(l1.notes.map((n) => n.text?.value), ['2 MCI DISCARDED']);
  assert.equal(l1.drug?.qualifier?.value, 'N4');
  assert.equal(l1.drug?.ndc?.value, '12345678901');
  assert.equal(l1.drug?.quantity?.value, 2);
  assert.equal(l1.drug?.unit?.value, 'UN');
  assert.equal(l2.units?.value, 4);
  assert.equal(l2.diagnosisPointers.length, 3);
  assert.equal(l3.procedureCode?.value, '78803');
  assert.equal(l3.modifiers[0].value, '26');
  assert.equal(l3.drug, null);

  // claim 2: patient under a Medicaid subscriber, claim-level RD8 service date inherited by the line
  assert.equal(c2.patient?.name?.value, 'RIVERA, MATEO');
  assert.equal(c2.subscriber?.name?.value, 'RIVERA, SOFIA');
  assert.equal(c2.claimFilingIndicator?.value, 'MC');
  assert.equal(c2.priorAuthorization, null);
  const l = c2.serviceLines[0];
  assert.deepEqual(l.modifiers.map((x) => x.value), ['JZ', 'KX']);
  assert.equal(l.dateOfService?.source, 'claim');
  assert.equal(l.dateOfService?.from, '2025-03-01');
  assert.equal(l.dateOfService?.to, '2025-03-02');
  assert.equal(l.priorAuthorization, null, 'REF*G1 after the 2420 NM1 is not the line prior authorization');

  // claim 3: NOC code with description, decimal charge, pointer to the 2nd diagnosis
  assert.equal(c3.totalCharge?.value, 125.5);
  assert.equal(c3.claimFilingIndicator?.value, 'CI');
  assert.equal(c3.serviceLines[0].procedure?.description?.value, 'Radiopharmaceutical NOC');
  assert.equal(c3.serviceLines[0].diagnosisPointers[0].diagnosis?.code.value, 'C61');
});

test('837I claim fields (| element, ^ component)', () => {
  const m = buildClaimModel(parseX12(I));
  const t = m.interchanges[0].groups[0].transactions[0];
  assert.equal(t.kind, '837I');
  assert.equal(t.actualSegmentCount, t.declaredSegmentCount?.value);
  const c = m.claims.get(0);
  assert.equal(c.transactionKind, '837I');
  assert.equal(c.totalCharge?.value, 48250);
  assert.equal(c.facility?.code?.value, '13');
  assert.equal(c.facility?.qualifier?.value, 'A');
  assert.equal(c.placeOfService, null);
  assert.equal(c.claimFilingIndicator?.value, 'MA');
  assert.equal(c.priorAuthorization?.value, 'AUTH-LU177-01');
  assert.equal(c.serviceDate?.qualifier.value, '434');
  assert.deepEqual(c.diagnoses.map((d) => [d.position, d.qualifier.value, d.code.value, d.role]), [
    [1, 'ABK', 'C7B00', 'principal'],
    [2, 'APR', 'C7B00', 'reasonForVisit'],
    [3, 'ABF', 'C787', 'other'],
    [4, 'ABF', 'E1165', 'other'],
  ]);
  assert.deepEqual(c.healthCareCodes.map((h) => h.qualifier.value), ['ABK', 'APR', 'ABF', 'ABF', 'BG']);
  const [l1, l2] = c.serviceLines;
  assert.equal(l1.kind, 'institutional');
  assert.equal(l1.revenueCode?.value, '0343');
  assert.equal(at(I, l1.procedureCode), 'A9513');
  assert.deepEqual(l1.modifiers.map((x) => x.value), ['JZ']);
  assert.equal(l1.charge?.value, 48000);
  assert.equal(l1.units?.value, 200);
  assert.deepEqual(l1.diagnosisPointers, []);
  assert.equal(l1.dateOfService?.source, 'line');
  assert.equal(l1.drug?.ndc?.value, '69488000301');
  assert.equal(l1.drug?.unit?.value, 'ME');
  assert.equal(l2.dateOfService?.source, 'claim');
  assert.equal(l2.dateOfService?.from, '2025-03-03');
});

test('kind falls back to GS08 when ST03 is absent', () => {
  const m = buildClaimModel(parseX12(P.replace('ST*837*0001*005010X222A1~', 'ST*837*0001~')));
  assert.equal(m.claims.get(0).transactionKind, '837P');
  const u = buildClaimModel(parseX12(P.replace('ST*837*0001*005010X222A1~', 'ST*837*0001~').replace('*X*005010X222A1~', '*X*004010X098A1~')));
  assert.equal(u.claims.get(0).transactionKind, 'unknown');
});

test('missing trailers and segments outside envelopes are reported, not thrown', () => {
  const text = P.replace(/SE\*63\*0001~\nGE\*1\*101~\n/, '');
  const m = buildClaimModel(parseX12(text));
  assert.deepEqual(m.issues.map((i) => i.code), ['missing-trailer', 'missing-trailer']);
  assert.equal(m.claims.length, 3);
  const bare = buildClaimModel(parseX12(P.slice(0, 106) + '\nCLM*X*1~LX*1~SV1*HC:A9600*1*UN*1~'));
  assert.equal(bare.claims.length, 1);
  assert.ok(bare.issues.some((i) => i.code === 'outside-envelope'));
});

test('claimsInRange', () => {
  const m = buildClaimModel(parseX12(P));
  const [c1, c2, c3] = m.claims;
  assert.deepEqual(claimsInRange(m, c1.firstSegment, c1.firstSegment), [c1]);
  assert.deepEqual(claimsInRange(m, c1.lastSegment, c2.firstSegment), [c1, c2]);
  assert.deepEqual(claimsInRange(m, 0, 5), []);
  assert.deepEqual(claimsInRange(m, 0, 10_000), [c1, c2, c3]);
});

function incrementalEqualsFull(text: string, edit: { offset: number; removed: number; inserted: string }): void {
  const oldDoc = parseX12(text);
  const old = buildClaimModel(oldDoc);
  const { document, splice } = reparseX12(oldDoc, edit);
  const updated = updateClaimModel(old, document, oldDoc, splice);
  const full = buildClaimModel(parseX12(applyEdit(text, edit)));
  assert.deepEqual(materializeClaimFile(updated), materializeClaimFile(full), JSON.stringify(edit));
}

test('updateClaimModel after an edit inside one claim equals a full rebuild', () => {
  const oldDoc = parseX12(P);
  const old = buildClaimModel(oldDoc);
  const edit = { offset: P.indexOf('A9600'), removed: 5, inserted: 'A9604' };
  const { document, splice } = reparseX12(oldDoc, edit);
  const updated = updateClaimModel(old, document, oldDoc, splice);
  assert.equal(updated.claims.get(0).serviceLines[0].procedureCode?.value, 'A9604');
  for (const e of [
    edit,
    { offset: P.indexOf('LX*2~'), removed: 0, inserted: 'NTE*ADD*MORE~\n' },
    { offset: P.indexOf('*2***1:2~'), removed: 2, inserted: '*12' },
    { offset: P.indexOf('HI*ABK:C7B00'), removed: 0, inserted: 'HI*ABF:C61~' },
    { offset: P.indexOf('CLM*PCN1002'), removed: 0, inserted: 'HL*9*1*22*0~' },
  ])
    incrementalEqualsFull(P, e);
});

test('updateClaimModel equals a full rebuild for random edits', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1 }),
      fc.nat(),
      fc.nat({ max: 12 }),
      fc.array(fc.constantFrom('*', ':', '~', 'A', '9', 'LX*3~', 'DTP*472*D8*20250101~', 'HI*ABF:C61~', '\n'), { maxLength: 4 }).map((a) => a.join('')),
      (seed, at, removed, inserted) => {
        const text = seed ? I : P;
        const offset = at % (text.length + 1);
        incrementalEqualsFull(text, { offset, removed: Math.min(removed, text.length - offset), inserted });
      },
    ),
    { numRuns: 300 },
  );
});

test('updateClaimModel over a sequence of edits equals a full rebuild after every edit', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1 }),
      fc.array(
        fc.record({
          at: fc.nat(),
          removed: fc.nat({ max: 6 }),
          inserted: fc.array(fc.constantFrom('*', ':', 'A', '9', 'NTE*ADD*X~', 'DTP*472*D8*20250101~', 'REF*G1*Z~', '\n'), { maxLength: 3 }).map((a) => a.join('')),
        }),
        { minLength: 2, maxLength: 8 },
      ),
      (seed, edits) => {
        let text = seed ? I : P;
        let doc = parseX12(text);
        let model = buildClaimModel(doc);
        for (const e of edits) {
          // edits inside claims most of the time: that is the incremental path
          const claims = model.claims;
          const c = claims.length > 0 ? claims.get(e.at % claims.length) : null;
          const offset = c ? c.span.offset + (e.at % (c.span.length + 1)) : e.at % (text.length + 1);
          const edit = { offset, removed: Math.min(e.removed, text.length - offset), inserted: e.inserted };
          const { document, splice } = reparseX12(doc, edit);
          model = updateClaimModel(model, document, doc, splice);
          doc = document;
          text = document.text;
          assert.deepEqual(materializeClaimFile(model), materializeClaimFile(buildClaimModel(parseX12(text))), JSON.stringify(edit));
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('updateClaimModel shifts the index after the edited claim; the old model still reads the old text', () => {
  const oldDoc = parseX12(P);
  const old = buildClaimModel(oldDoc);
  const [c1, c2, c3] = old.claims;
  const edit = { offset: P.indexOf('LX*2~'), removed: 0, inserted: 'NTE*ADD*MORE~\n' };
  const { document, splice } = reparseX12(oldDoc, edit);
  const m = updateClaimModel(old, document, oldDoc, splice);
  const t = document.text;
  const [n1, n2, n3] = m.claims;
  assert.equal(n1.lastSegment, c1.lastSegment + 1);
  assert.equal(n2.firstSegment, c2.firstSegment + 1);
  assert.equal(n3.span.offset, c3.span.offset + edit.inserted.length);
  assert.equal(m.interchanges[0].groups[0].transactions[0].claims.get(2).patientControlNumber?.value, c3.patientControlNumber?.value);
  assert.equal(at(t, n2.patientControlNumber), 'PCN1002');
  assert.equal(at(t, n3.serviceLines[0].procedureCode), n3.serviceLines[0].procedureCode?.value);
  assert.equal(document.segments.id(n3.serviceLines[0].serviceSegmentIndex!), 'SV1');
  assert.equal(at(t, n2.patient?.name), 'RIVERA, MATEO'.replace(', ', '*'));
  // the old model is untouched
  assert.deepEqual(old.claims.get(0), c1);
  assert.equal(at(P, old.claims.get(2).patientControlNumber), c3.patientControlNumber?.value);
  // plain arrays (structuredClone works), equal to a full rebuild
  assert.deepEqual(structuredClone(materializeClaimFile(m)), materializeClaimFile(buildClaimModel(parseX12(t))));
});

test('a segment terminator typed inside the ISA, then an edit after it but before ISA16: a full re-parse (fast-check counterexample)', () => {
  // the delimiters are read up to the terminator after ISA16, which then lies past the first terminator
  let text = I;
  let doc = parseX12(text);
  let model = buildClaimModel(doc);
  const edits = [
    { offset: I.indexOf('CLM|'), removed: 0, inserted: '*' },
    { offset: 4, removed: 0, inserted: 'NTE*ADD*X~' },
    { offset: 23, removed: 5, inserted: '' },
  ];
  for (const edit of edits) {
    const { document, splice } = reparseX12(doc, edit);
    model = updateClaimModel(model, document, doc, splice);
    doc = document;
    text = document.text;
    assert.deepEqual(materializeClaimFile(model), materializeClaimFile(buildClaimModel(parseX12(text))), JSON.stringify(edit));
  }
});
