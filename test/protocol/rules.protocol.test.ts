/**
 * Protocol test of the billing rules: the built server opens test/fixtures/rules/all-rules.837 (one claim per rule,
 * then clean claims) and must publish exactly the expected rule ids at the expected lines, and each quick fix must
 * produce the expected text. Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, repoRoot, startServer, type TestClient } from './lspClient';

const claimPath = path.join(repoRoot, 'test', 'fixtures', 'rules', 'all-rules.837');
const text = fs.readFileSync(claimPath, 'utf8');
const uri = fileUri('test', 'fixtures', 'rules', 'all-rules.837');
const lines = text.split('\n');

/** Offset of the CLM segment of a claim (by its patient control number). */
function claimStart(pcn: string): number {
  const at = text.indexOf(`CLM*${pcn}*`);
  assert.ok(at >= 0, `no claim ${pcn}`);
  return at;
}

/** 0-based line of the first segment starting with `prefix` at or after the claim's CLM. */
function lineOf(pcn: string, prefix: string): number {
  const from = text.slice(0, claimStart(pcn)).split('\n').length - 1;
  const i = lines.findIndex((l, k) => k >= from && l.startsWith(prefix));
  assert.ok(i >= 0, `no ${prefix} in claim ${pcn}`);
  return i;
}

/** The text with the first `from` after the claim's CLM replaced by `to`. */
function replaceIn(source: string, pcn: string, from: string, to: string): string {
  const at = source.indexOf(from, claimStart(pcn));
  assert.ok(at >= 0, `no ${from} in claim ${pcn}`);
  return source.slice(0, at) + to + source.slice(at + from.length);
}

interface Expected {
  pcn: string;
  segment: string;
  rule: string;
  /** Expected text after the first (or the titled) quick fix; omitted when the rule offers none. */
  fixes?: { title: string; result: () => string }[];
}

const declaredSe = Number(/\nSE\*(\d+)\*/.exec(text)![1]);

const EXPECTED: Expected[] = [
  {
    pcn: 'R01-UNKNOWN-CODE',
    segment: 'SV1*HC:A9605',
    rule: 'hcpcs/unknown-code',
  },
  {
    pcn: 'R02-TERMINATED-CODE',
    segment: 'SV1*HC:C9300',
    rule: 'hcpcs/terminated-code',
    fixes: [{ title: 'Replace C9300 with J9220', result: () => replaceIn(text, 'R02-TERMINATED-CODE', 'HC:C9300', 'HC:J9220') }],
  },
  { pcn: 'R03-NOT-YET-EFFECTIVE', segment: 'SV1*HC:J9220', rule: 'hcpcs/not-yet-effective' },
  { pcn: 'R04-UNKNOWN-MODIFIER', segment: 'SV1*HC:G0008:JX', rule: 'hcpcs/unknown-modifier' },
  {
    pcn: 'R05-TERMINATED-MODIFIER',
    segment: 'SV1*HC:G0008:JG',
    rule: 'hcpcs/terminated-modifier',
    fixes: [{ title: 'Remove the terminated modifier JG', result: () => replaceIn(text, 'R05-TERMINATED-MODIFIER', 'HC:G0008:JG*', 'HC:G0008*') }],
  },
  {
    pcn: 'R06-DUPLICATE-MODIFIER',
    segment: 'SV1*HC:A9600:JZ:JZ',
    rule: 'hcpcs/duplicate-modifier',
    fixes: [{ title: 'Remove the second JZ', result: () => replaceIn(text, 'R06-DUPLICATE-MODIFIER', 'HC:A9600:JZ:JZ*', 'HC:A9600:JZ*') }],
  },
  { pcn: 'R07-CONFLICTING-MODIFIERS', segment: 'SV1*HC:G0008:RT:LT', rule: 'hcpcs/conflicting-modifiers' },
  {
    pcn: 'R08-MODIFIER-POSITION',
    segment: 'SV1*HC:G0008:33:26',
    rule: 'hcpcs/modifier-position',
    fixes: [{ title: 'Move 26 to the first modifier position', result: () => replaceIn(text, 'R08-MODIFIER-POSITION', 'HC:G0008:33:26*', 'HC:G0008:26:33*') }],
  },
  {
    pcn: 'R09-DRUG-WASTE-MODIFIER',
    segment: 'SV1*HC:A9600*100',
    rule: 'hcpcs/drug-waste-modifier',
    fixes: [
      { title: 'Add JZ', result: () => replaceIn(text, 'R09-DRUG-WASTE-MODIFIER', 'SV1*HC:A9600*100', 'SV1*HC:A9600:JZ*100') },
      {
        title: 'Split',
        result: () =>
          replaceIn(
            replaceIn(
              text,
              'R09-DRUG-WASTE-MODIFIER',
              'SV1*HC:A9600*100*UN*4***1~\nDTP*472*D8*20260110~\n',
              'SV1*HC:A9600*100*UN*4***1~\nDTP*472*D8*20260110~\nLX*2~\nSV1*HC:A9600:JW*0*UN*1***1~\nDTP*472*D8*20260110~\n',
            ),
            'R09-DRUG-WASTE-MODIFIER',
            `\nSE*${declaredSe}*`,
            `\nSE*${declaredSe + 3}*`,
          ),
      },
    ],
  },
  { pcn: 'R10-JW-WITHOUT-ADMINISTERED', segment: 'SV1*HC:A9600:JW', rule: 'hcpcs/jw-without-administered' },
  {
    pcn: 'R11-JZ-WITH-WASTE',
    segment: 'SV1*HC:A9600:JZ',
    rule: 'hcpcs/jz-with-waste',
    fixes: [{ title: 'Remove JZ', result: () => replaceIn(text, 'R11-JZ-WITH-WASTE', 'HC:A9600:JZ*75', 'HC:A9600*75') }],
  },
  {
    pcn: 'R12-UNITS-PER-DOSE',
    segment: 'SV1*HC:A9604:JZ',
    rule: 'hcpcs/units-per-dose',
    fixes: [{ title: 'Set units to 1', result: () => replaceIn(text, 'R12-UNITS-PER-DOSE', 'HC:A9604:JZ*100*UN*2***1', 'HC:A9604:JZ*100*UN*1***1') }],
  },
  {
    pcn: 'R13-NOC-NEEDS-DESCRIPTION',
    segment: 'SV1*HC:A9699',
    rule: 'hcpcs/noc-needs-description',
    fixes: [
      {
        title: 'Insert a description placeholder',
        result: () => replaceIn(text, 'R13-NOC-NEEDS-DESCRIPTION', 'HC:A9699:JZ*', 'HC:A9699:JZ::::DESCRIBE DRUG OR SERVICE AND AMOUNT*'),
      },
    ],
  },
  { pcn: 'R14-DISTINCT-SERVICE-ALONE', segment: 'SV1*HC:G0008:XS', rule: 'hcpcs/distinct-service-alone' },
  { pcn: 'R15-MEDICAL-NECESSITY', segment: 'SV1*HC:A9604', rule: 'hcpcs/medical-necessity' },
  { pcn: 'R16-PRIOR-AUTHORIZATION', segment: 'SV1*HC:A9604', rule: 'hcpcs/prior-authorization' },
  {
    pcn: 'R17-NONCOVERED-MEDICARE',
    segment: 'SV1*HC:A4261',
    rule: 'hcpcs/noncovered-medicare',
    fixes: [{ title: 'Add GY', result: () => replaceIn(text, 'R17-NONCOVERED-MEDICARE', 'HC:A4261*', 'HC:A4261:GY*') }],
  },
  { pcn: 'R18-KX-ATTESTATION', segment: 'SV1*HC:A9600:JZ:KX', rule: 'hcpcs/kx-attestation' },
];

function key(line: number, rule: string): string {
  return `${String(line).padStart(3, '0')}:${rule}`;
}

describe('billing rules over stdio (all-rules.837)', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];
  before(async () => {
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'server', 'server.js')), 'run `npm run build` before the protocol tests');
    client = await startServer({ settings: {} });
    client.open(uri, 'x12', text);
    diagnostics = await client.diagnostics(uri, (d) => d.length > 0);
  });
  after(async () => {
    await client?.stop();
  });

  test('exactly the expected rule ids at the expected lines; nothing on the clean claims', () => {
    const actual = diagnostics.map((d) => key(d.range.start.line, String(d.code))).sort();
    const expected = EXPECTED.map((e) => key(lineOf(e.pcn, e.segment), e.rule)).sort();
    assert.deepEqual(actual, expected);
  });

  test('every message says what is wrong and what to do', () => {
    for (const d of diagnostics) {
      assert.equal(d.source, undefined, 'the rule id (the code) is shown once, without a source beside it');
      assert.ok(String(d.message).length > 80, `${String(d.code)}: ${String(d.message)}`);
    }
  });

  for (const e of EXPECTED) {
    test(`${e.rule}: ${e.fixes ? 'quick fixes give the expected text' : 'offers no quick fix'}`, async () => {
      const mine = diagnostics.filter((d) => d.code === e.rule);
      assert.equal(mine.length, 1);
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: mine[0].range,
        context: { diagnostics: mine },
      });
      // every finding can be switched off in its file and explained; those two come last and edit nothing here
      assert.deepEqual(actions.slice(-2).map((a) => a.title), [`Disable ${e.rule} in this file`, `About ${e.rule}`]);
      const edits = actions.filter((a) => a.edit);
      if (!e.fixes) {
        assert.deepEqual(edits, []);
        return;
      }
      for (const fix of e.fixes) {
        const action = actions.find((a) => a.title.startsWith(fix.title));
        assert.ok(action, `no fix "${fix.title}" among: ${actions.map((a) => a.title).join(' | ')}`);
        const edits = action.edit?.changes?.[uri] ?? [];
        const after = TextDocument.applyEdits(TextDocument.create(uri, 'x12', 1, text), edits);
        assert.equal(after, fix.result());
      }
    });
  }
});
