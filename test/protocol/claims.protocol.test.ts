/**
 * Protocol test for claim files: the built server over stdio opens the project's 837P and 837I and answers outline,
 * element hover, pointer hover, envelope diagnostics on a broken copy and formatting; and every third-party sample
 * in ../shared/data/samples/x12 (skipped when absent) parses and outlines with the claims and lines its README lists.
 * Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SymbolKind, type DocumentSymbol, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, positionAt, repoRoot, startServer, type TestClient } from './lspClient';

/** The envelope rules (the x12/ guide-conformance rules have their own protocol test). */
const ENVELOPE_RULES = new Set(['x12/syntax', 'x12/segment-count', 'x12/control-number-mismatch', 'x12/trailer-count']);

const claimsDir = path.join(repoRoot, 'test', 'fixtures', 'claims');
const read = (name: string) => fs.readFileSync(path.join(claimsDir, name), 'utf8');
const uriOf = (name: string) => fileUri('test', 'fixtures', 'claims', name);

const P = '837p-oncology.837';
const I = '837i-outpatient.837';
const BROKEN = '837p-broken-envelope.837';
const BROKEN_I = '837i-broken-envelope.837';

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

function flat(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flat(s.children ?? [])]);
}

/** Claims and their lines from the outline (interchange > group > transaction > claim > line; the claim's guide loops left out). */
function claimsOf(symbols: DocumentSymbol[]): { name: string; lines: string[] }[] {
  return flat(symbols)
    .filter((s) => s.name.startsWith('Claim '))
    .map((c) => ({ name: c.name, lines: (c.children ?? []).filter((l) => l.kind === SymbolKind.Method).map((l) => l.name) }));
}

describe('claim files over stdio', () => {
  let client: TestClient;
  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server', 'server.js')), 'run `npm run build` before the protocol tests');
    client = await startServer();
    for (const name of [P, I, BROKEN, BROKEN_I]) client.open(uriOf(name), 'x12', read(name));
  });
  after(async () => {
    await client?.stop();
  });

  const symbols = (uri: string) => client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const hover = (name: string, offset: number) =>
    client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(name) }, position: positionAt(read(name), offset) });

  test('837P outline: every claim and line', async () => {
    const claims = claimsOf(await symbols(uriOf(P)));
    assert.deepEqual(claims, [
      { name: 'Claim SVO-24001', lines: ['1 A9600-JZ', '2 J1100-JZ', '3 78803-26'] },
      { name: 'Claim SVO-24002', lines: ['1 J9035', '2 J1100'] },
      { name: 'Claim SVO-24003', lines: ['1 G0008', '2 90686'] },
    ]);
    const [interchange] = await symbols(uriOf(P));
    assert.equal(interchange.name, 'Interchange 000004711');
    assert.equal(interchange.children![0].children![0].name, '837P 0001');
    // the guide's loops, named by loop id and name (issue 11)
    const names = flat([interchange]).map((s) => s.name);
    for (const loop of ['2000A Billing Provider Hierarchical Level', '2010AA Billing Provider Name', '2000B Subscriber Hierarchical Level', '2010BA Subscriber Name', '2310B Rendering Provider Name']) {
      assert.ok(names.includes(loop), `outline has no ${loop}`);
    }
  });

  test('837I outline (single-line file): every claim and line', async () => {
    const claims = claimsOf(await symbols(uriOf(I)));
    assert.deepEqual(claims, [
      { name: 'Claim NB-OP-77120', lines: ['1 J9035-JZ', '2 J1100-JZ', '3 96413'] },
      { name: 'Claim NB-OP-77121', lines: ['1 A9600-JZ', '2 78803'] },
    ]);
  });

  test('element hover: SV104 "Service unit count", SV205 in the 837I', async () => {
    const p = read(P);
    assert.match(hoverText(await hover(P, p.indexOf('*UN*4***') + 4)), /\*\*SV104\*\* · Service unit count/);
    const i = read(I);
    assert.match(hoverText(await hover(I, i.indexOf('^UN^40~') + 4)), /\*\*SV205\*\* · Service unit count/);
    assert.match(hoverText(await hover(P, p.indexOf('*******MB') + 8)), /`MB`: Medicare Part B/);
  });

  test('pointer hover shows the ICD-10-CM code and description', async () => {
    const p = read(P);
    const text = hoverText(await hover(P, p.indexOf('***1:2:3~') + 5));
    assert.match(text, /Diagnosis pointer 2\*\* → diagnosis 2 \(other\): \*\*C79\.51\*\*/);
    assert.match(text, /Secondary malignant neoplasm of bone/);
  });

  test('HI code hover shows the diagnosis', async () => {
    const p = read(P);
    assert.match(hoverText(await hover(P, p.indexOf('ABK:C61') + 5)), /C61[\s\S]*Malignant neoplasm of prostate/);
  });

  test('envelope diagnostics on the broken 837P copy, with exact rule ids', async () => {
    const text = read(BROKEN);
    const diagnostics = await client.diagnostics(uriOf(BROKEN), (d) => d.some((x) => ENVELOPE_RULES.has(String(x.code))));
    const envelope = diagnostics.filter((d) => ENVELOPE_RULES.has(String(d.code))).map((d) => [d.code, text.split('\n')[d.range.start.line].slice(0, 3)]);
    assert.deepEqual(envelope, [
      ['x12/segment-count', 'SE*'],
      ['x12/control-number-mismatch', 'SE*'],
      ['x12/trailer-count', 'GE*'],
      ['x12/control-number-mismatch', 'IEA'],
    ]);
    const segmentCount = diagnostics.find((d) => d.code === 'x12/segment-count')!;
    const actions = await client.connection.sendRequest<{ title: string; edit: { changes: Record<string, TextEdit[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(BROKEN) },
      range: segmentCount.range,
      context: { diagnostics: [segmentCount] },
    });
    assert.equal(actions[0].title, 'Set SE01 to 75');
    assert.equal(actions[0].edit.changes[uriOf(BROKEN)][0].newText, '75');
  });

  test('envelope diagnostics on the broken 837I copy', async () => {
    const diagnostics = await client.diagnostics(uriOf(BROKEN_I), (d) => d.some((x) => ENVELOPE_RULES.has(String(x.code))));
    assert.deepEqual(
      diagnostics.filter((d) => ENVELOPE_RULES.has(String(d.code))).map((d) => d.code),
      ['x12/segment-count', 'x12/control-number-mismatch', 'x12/trailer-count'],
    );
  });

  test('the clean fixtures get no envelope or structure diagnostics', async () => {
    for (const name of [P, I]) {
      const diagnostics = await client.diagnostics(uriOf(name));
      assert.deepEqual(diagnostics.filter((d) => ENVELOPE_RULES.has(String(d.code)) || /^icd10\//.test(String(d.code))).map((d) => d.message), []);
    }
  });

  test('formatting: the single-line 837I becomes one segment per line', async () => {
    const edits = await client.connection.sendRequest<TextEdit[]>('textDocument/formatting', {
      textDocument: { uri: uriOf(I) },
      options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(edits.length, 1);
    const lines = edits[0].newText.split('\n').filter((l) => l.length > 0);
    assert.equal(lines.length, 58);
    assert.ok(lines[0].startsWith('ISA^00^'));
    assert.equal(lines.at(-1), 'IEA^1^000000388~');
    assert.equal(edits[0].newText.replace(/\n/g, ''), read(I));
  });
});

// ---------------------------------------------------------------------------------------------
// Third-party samples (never copied into the project): ../shared/data/README.md section 4.

const samplesDir = path.join(repoRoot, '..', 'shared', 'data', 'samples', 'x12');
const EXPECTED: Record<string, [claims: number, lines: number]> = {
  'oopfactory-x12parser/837P_5010_Example1_HealthInsurance.txt': [1, 4],
  'oopfactory-x12parser/837P_5010_Example2_Encounter.txt': [1, 4],
  'oopfactory-x12parser/837P_5010_Example3_COB.txt': [1, 3],
  'oopfactory-x12parser/837P_5010_MedicaidExample.txt': [5, 10],
  'oopfactory-x12parser/837I_5010_Spec_3.1.1.txt': [1, 2],
  'oopfactory-x12parser/837I_5010_Spec_3.1.2_TwoClaimsForTheSameProvider.txt': [2, 3],
  'oopfactory-x12parser/837I_5010_Spec_3.1.3_PPORepricedClaim.txt': [1, 2],
  'oopfactory-x12parser/837I_5010_Spec_3.1.4_OutOfNetworkRepricedClaim.txt': [1, 1],
  'imsweb-x12-parser/x12_complex.txt': [6, 10],
  'imsweb-x12-parser/x223-test.txt': [1, 1],
};

function sampleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sampleFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('shared X12 samples over stdio', { skip: !fs.existsSync(samplesDir) && '../shared/data/samples/x12 is not present' }, () => {
  let client: TestClient;
  before(async () => {
    client = await startServer();
  });
  after(async () => {
    await client?.stop();
  });

  test('every sample parses and outlines with the claims and lines the README lists', async () => {
    const files = sampleFiles(samplesDir);
    const seen = new Set<string>();
    for (const file of files) {
      const rel = path.relative(samplesDir, file).split(path.sep).join('/');
      const text = fs.readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      client.open(uri, 'x12', text);
      const diagnostics = await client.diagnostics(uri);
      const syntaxErrors = diagnostics.filter((d) => d.code === 'x12/syntax' && d.severity === 1);
      assert.deepEqual(syntaxErrors.map((d) => d.message), [], `${rel}: syntax errors`);
      const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const claims = claimsOf(symbols);
      const expected = EXPECTED[rel];
      if (!expected) continue; // a sample the README does not list: parsing is enough
      seen.add(rel);
      assert.deepEqual([claims.length, claims.reduce((n, c) => n + c.lines.length, 0)], expected, `${rel}: claims / service lines`);
    }
    assert.deepEqual([...seen].sort(), Object.keys(EXPECTED).sort(), 'every sample the README lists was found');
  });
});
