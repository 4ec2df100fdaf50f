import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureCodeSet } from '../../fixtures/codeset';
import { bundledGuides, loadGuides } from '../../../server/src/guides/loader';
import { renderGuideHover, renderGuideDocument, lookupLink } from '../../../server/src/guides/render';

const codeSet = fixtureCodeSet();
const guides = bundledGuides();

test('lookup links carry the code as the command argument', () => {
  const link = lookupLink('A9604');
  assert.equal(link, '[A9604](command:hcpcs.lookupCode?%5B%22A9604%22%5D)');
  const args = JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1, -1)));
  assert.deepEqual(args, ['A9604']);
});

test('the A9600 hover shows the guide compactly with similar codes as links', () => {
  const md = renderGuideHover(guides.get('A9600')!, codeSet);
  assert.match(md, /Strontium-89/);
  assert.match(md, /bone metastases \(C79\.51\)/);
  assert.match(md, /\[A9604\]\(command:hcpcs\.lookupCode\?%5B%22A9604%22%5D "Samarium sm-153 lexidronam/);
  assert.match(md, /\[A9698\]\(command:hcpcs\.lookupCode\?%5B%22A9698%22%5D "Non-radioactive contrast/);
  assert.match(md, /open the full guide\]\(command:hcpcs\.lookupCode\?%5B%22A9600%22%5D\)/);
  assert.doesNotMatch(md, /A9600[^\n]{0,40}samarium/i);
  assert.ok(md.split('\n').length < 20, 'short enough for a hover');
});

test('the full guide starts with the official descriptor, then every section', () => {
  const md = renderGuideDocument('a9604', codeSet, guides);
  const lines = md.split('\n');
  assert.equal(lines[0], '# A9604 · Samarium-153 lexidronam (therapeutic)');
  assert.match(md, /Official CMS descriptor[^\n]*\n> Samarium sm-153 lexidronam, therapeutic, per treatment dose, up to 150 millicuries/);
  const order = ['## Purpose', '## Clinical indications', '## Contraindications', '## Billing', '## Common modifiers', '## Documentation', '## Common denial reasons', '## Commercial payers', '## Similar codes'];
  let last = -1;
  for (const heading of order) {
    const at = md.indexOf(heading);
    assert.ok(at > last, `${heading} present and in order`);
    last = at;
  }
  assert.ok(md.indexOf('Official CMS descriptor') < md.indexOf('## Purpose'));
  assert.match(md, /C79\.51 \(Secondary malignant neoplasm of bone\)/);
});

test('a code without a guide still gets its descriptor; a Level I modifier says why none is shown', () => {
  const j = renderGuideDocument('J9035', codeSet, guides);
  assert.match(j, /Official CMS descriptor/);
  assert.match(j, /No billing guide for this code yet/);
  const m59 = renderGuideDocument('59', codeSet, guides);
  assert.match(m59, /Level I \(CPT\) modifier/);
  assert.match(m59, /AMA-licensed/);
  assert.match(m59, /\[XE\]\(command:hcpcs\.lookupCode/);
});

test('workspace guide text is escaped and its source shown', () => {
  const text = JSON.stringify({ code: 'A9600', payerPolicies: [{ payer: 'Acme *Gold*', policy: 'PA [portal](http://x)' }] });
  const { guides: ws } = loadGuides([{ fileName: '.hcpcs/guides/acme.json', text }]);
  const md = renderGuideHover(ws.get('A9600')!, codeSet);
  assert.match(md, /Acme \\\*Gold\\\*: PA \\\[portal\\\]\(http:\/\/x\)/);
  assert.match(md, /guide from bundled \+ \.hcpcs\/guides\/acme\.json/);
});
