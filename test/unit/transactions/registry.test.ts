import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transactionModule, transactionModules, rulesFor } from '../../../server/src/transactions/registry';
import { kindOf } from '../../../server/src/model/claim';
import { allRules } from '../../../server/src/rules/registry';
import { claimRules } from '../../../server/src/rules/claim';
import { structureRules } from '../../../server/src/rules/structure';
import { fileRules } from '../../../server/src/rules/envelope';
import { conformanceRules } from '../../../server/src/rules/conformance';
import type { Rule } from '../../../server/src/rules/types';

test('the registry serves the 837P and the 837I, each recognised by its implementation guide', () => {
  assert.deepEqual(transactionModules.map((m) => m.kind), ['837P', '837I']);
  for (const m of transactionModules) {
    assert.equal(kindOf(m.implementationGuide, undefined), m.kind, m.title);
    assert.equal(kindOf(undefined, m.implementationGuide), m.kind, `${m.title} from GS08`);
    assert.equal(m.identification.kind, m.kind);
    assert.equal(m.identification.transactionSetId, '837');
  }
  assert.equal(kindOf('005010X221A1', undefined), 'unknown'); // an 835 is not registered yet
  assert.equal(transactionModule('unknown').kind, '837P');
});

test('every guide, claim and structure rule belongs to both 837 modules; envelope rules to none', () => {
  for (const m of transactionModules) {
    for (const r of [...conformanceRules, ...claimRules, ...structureRules]) assert.ok(m.rules.includes(r), `${r.id} in ${m.kind}`);
    for (const r of fileRules) assert.ok(!m.rules.includes(r), `${r.id} is shared, not ${m.kind}'s`);
  }
  assert.deepEqual(rulesFor('837I', allRules), allRules);
});

test('a rule no module registers runs on every kind', () => {
  const extra: Rule = { id: 'test/extra', defaultSeverity: 'info', description: 'test', checkClaim: () => [] };
  for (const kind of ['837P', '837I', 'unknown'] as const) assert.ok(rulesFor(kind, [extra, ...claimRules]).includes(extra));
});

test('the 837 dictionary and semantics answer through the module', () => {
  const m = transactionModule('837P');
  assert.match(m.dictionary.describeElement('SV1', 4)?.name ?? '', /unit/i);
  assert.equal(m.semantics('SV1', 1, 2, () => '', () => 'HC'), 'procedureCode');
  assert.equal(m.items.name, 'claim');
});
