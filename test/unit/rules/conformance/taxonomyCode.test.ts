import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { taxonomyCode, TAXONOMY_CODE } from '../../../../server/src/rules/conformance/taxonomyCode';
import { at, edit, I, P, run } from './helpers';

describe(TAXONOMY_CODE, () => {
  test('fires on a PRV03 taxonomy code that is not in the NUCC code set', () => {
    const broken = edit(P, 'PRV*BI*PXC*207RX0202X~', 'PRV*BI*PXC*207RX0299X~');
    const [f, ...rest] = run(taxonomyCode, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '207RX0299X');
    assert.match(f.message, /loop 2000A Billing Provider Hierarchical Level, PRV03 Provider Taxonomy Code: 207RX0299X is not a code of the NUCC Health Care Provider Taxonomy 25\.1/);
  });

  test('does not fire on NUCC codes (207RX0202X medical oncology, 282N00000X general acute care hospital)', () => {
    assert.deepEqual(run(taxonomyCode, P), []);
    assert.deepEqual(run(taxonomyCode, I), []);
  });
});
