/**
 * A claim's place read from the claim index alone (conformance/check.ts claimPlaceAt, used to check every claim of
 * a file without building the claims) is the place of the built claim, and checking either gives the same issues.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseX12 } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { checkClaimConformance, claimPlaceAt } from '../../../server/src/conformance/check';
import { edit, I, implementationGuides as guides, P } from '../rules/conformance/helpers';

function places(text: string): void {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  const index = file.claims.index;
  assert.ok(index.claimCount > 0);
  for (let k = 0; k < index.claimCount; k++) {
    const claim = index.buildClaimAt(k);
    const place = claimPlaceAt(doc, file, k);
    assert.deepEqual(place, {
      firstSegment: claim.firstSegment,
      lastSegment: claim.lastSegment,
      levels: [claim.billingProvider?.segmentIndex ?? -1, claim.subscriber?.segmentIndex ?? -1, claim.patient?.segmentIndex ?? -1],
      ids: [claim.billingProvider?.id.value ?? null, claim.subscriber?.id.value ?? null, claim.patient?.id.value ?? null],
    });
    assert.deepEqual(checkClaimConformance(guides, doc, file, place), checkClaimConformance(guides, doc, file, claim));
  }
}

test('the fixtures: each claim place from the index equals the built claim, and so do their issues', () => {
  places(P);
  places(I);
});

test('HL segments without HL01, with an empty HL01, with a patient level, and a claim with no subscriber level', () => {
  places(edit(P, 'HL*2*1*22*0~', 'HL**1*22*0~'));
  places(edit(P, 'HL*2*1*22*0~', 'HL~'));
  places(edit(P, 'HL*3*1*22*1~', 'HL*3~'));
  places(edit(P, 'HL*1**20*1~', 'HL*1**20*1*EXTRA~'));
  places(edit(P, 'HL*2*1*22*0~\n', ''));
});
