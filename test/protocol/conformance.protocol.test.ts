/**
 * Protocol test for implementation-guide conformance: the built server over stdio opens an 837P and an 837I with
 * guide faults (hand-written fixtures) and reports each at the faulty segment or element, with the x12/ rule id and
 * the loop named; the clean copies get no guide findings. Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, repoRoot, startServer, type TestClient } from './lspClient';

const dir = path.join(repoRoot, 'test', 'fixtures', 'conformance');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
const uriOf = (name: string) => fileUri('test', 'fixtures', 'conformance', name);
const guideFindings = (d: Diagnostic[]) => d.filter((x) => /^x12\/(?!syntax$|segment-count$|control-number-mismatch$|trailer-count$)/.test(String(x.code)));

/** The text a diagnostic covers. */
function covered(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  if (d.range.start.line !== d.range.end.line) return '';
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

describe('implementation-guide conformance over stdio', () => {
  let client: TestClient;
  const files = ['837p-guide-faults.837', '837i-guide-faults.837', '837p-clean.837', '837i-clean.837'];
  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server', 'server.js')), 'run `npm run build` before the protocol tests');
    client = await startServer();
    for (const name of files) client.open(uriOf(name), 'x12', read(name));
  });
  after(async () => {
    await client?.stop();
  });

  test('837P: missing 2010AA address, SBR09 BM, a month 13 service date', async () => {
    const name = '837p-guide-faults.837';
    const text = read(name);
    const found = guideFindings(await client.diagnostics(uriOf(name), (d) => guideFindings(d).length >= 3));
    const byCode = found.map((d) => [d.code, covered(text, d)]);
    assert.deepEqual(byCode, [
      ['x12/required-segment', 'NM1*85*2*SUNVALE ONCOLOGY ASSOCIATES*****XX*1234567893'],
      ['x12/code-value', 'BM'],
      ['x12/data-type', '20261302'],
    ]);
    assert.match(String(found[0].message), /loop 2010AA Billing Provider Name has no N3 Billing Provider Address segment/);
    assert.match(String(found[1].message), /loop 2000B Subscriber Hierarchical Level, SBR09 Claim Filing Indicator Code/);
    assert.match(String(found[2].message), /loop 2400 Service Line Number, DTP03 Service Date: 20261302 is not a real date/);
    for (const d of found) assert.equal(d.severity, 1);
  });

  test('837I: ABK and ABF in one HI, CLM05-2 B, an NPI with a wrong check digit; the code fix is offered', async () => {
    const name = '837i-guide-faults.837';
    const found = guideFindings(await client.diagnostics(uriOf(name), (d) => guideFindings(d).length >= 3));
    assert.deepEqual(found.map((d) => d.code), ['x12/npi-check-digit', 'x12/code-value', 'x12/element-not-used']);
    assert.match(String(found[0].message), /loop 2010AA Billing Provider Name, NM109 Billing Provider Identifier: 1457392018 is not a valid NPI/);
    assert.match(String(found[1].message), /loop 2300 Claim Information, CLM05-2 Facility Code Qualifier: "B" is not a code the guide allows here \(allowed: A\)/);
    assert.match(String(found[2].message), /loop 2300 Claim Information, HI02 .*Not Used in the 837I guide \(005010X223A2\)/);
    const actions = await client.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(name) },
      range: found[1].range,
      context: { diagnostics: [found[1]] },
    });
    assert.ok(actions.some((a) => a.title === 'Set CLM05-2 to A'), actions.map((a) => a.title).join(', '));
  });

  test('the clean copies get no guide findings', async () => {
    for (const name of ['837p-clean.837', '837i-clean.837']) {
      const d = await client.diagnostics(uriOf(name));
      assert.deepEqual(guideFindings(d).map((x) => x.message), [], name);
    }
  });
});
