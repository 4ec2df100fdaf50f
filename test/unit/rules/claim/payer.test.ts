import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseX12 } from '../../../../server/src/parse/x12';
import { buildClaimModel } from '../../../../server/src/model/claim';
import { defaultSettings } from '../../../../server/src/core/settings';
import { payerOf } from '../../../../server/src/rules/claim/payer';
import { dateOfService } from '../../../../server/src/rules/claim/dates';
import { build837, claim } from './harness';

function firstClaim(text: string) {
  return buildClaimModel(parseX12(text)).claims.get(0);
}

test('SBR09 decides the payer: MA/MB Medicare, MC Medicaid, CI/BL/HM/12-17 commercial; otherwise the setting', () => {
  const cases: [string, string][] = [['MA', 'medicare'], ['MB', 'medicare'], ['MC', 'medicaid'], ['CI', 'commercial'], ['BL', 'commercial'], ['HM', 'commercial'], ['12', 'commercial'], ['16', 'commercial']];
  for (const [sbr09, payer] of cases) {
    assert.equal(payerOf(firstClaim(build837({ sbr09, segments: claim('P1', 'ABK:C7951', ['SV1*HC:A9600*1*UN*1***1']) })), { settings: defaultSettings }), payer, sbr09);
  }
  for (const sbr09 of ['', 'VA', 'ZZ']) {
    const c = firstClaim(build837({ sbr09, segments: claim('P1', 'ABK:C7951', ['SV1*HC:A9600*1*UN*1***1']) }));
    assert.equal(payerOf(c, { settings: { ...defaultSettings, payer: 'medicaid' } }), 'medicaid', sbr09);
  }
});

test('date of service: the line DTP, else the claim DTP, else the fallback', () => {
  const text = build837(['CLM*P1*2***11:B:1*Y*A*Y*Y', 'DTP*472*D8*20250105', 'HI*ABK:C7951', 'LX*1', 'SV1*HC:A9600*1*UN*1***1', 'DTP*472*D8*20250107', 'LX*2', 'SV1*HC:A9600*1*UN*1***1']);
  const c = firstClaim(text);
  assert.equal(dateOfService(c.serviceLines[0], c, { today: '2026-01-15' }), '2025-01-07');
  assert.equal(dateOfService(c.serviceLines[1], c, { today: '2026-01-15' }), '2025-01-05');
  const bare = firstClaim(build837(claim('P1', 'ABK:C7951', ['SV1*HC:A9600*1*UN*1***1'])));
  assert.equal(dateOfService(bare.serviceLines[0], bare, { today: '2026-01-15' }), '2026-01-15');
});
