/**
 * Request scheduling over stdio (issue 12; issue 15 item 4): changes that arrive together are applied at once and
 * only the newest version is checked; structure requests are answered after the diagnostics of their version;
 * a cancelled request is answered RequestCancelled; clients that pull diagnostics get them pulled, not pushed.
 * Bounded: one 10 MB file (the fixture's claims repeated), 1,000 changes. Run `npm run build` first.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { positionAt, repoRoot, startServer, type TestClient } from './lspClient';

const fixture = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'claims', '837p-oncology.837'), 'utf8');

/** The fixture's claims repeated to about `mb` MB (one transaction, so SE01 is off: a finding at the end). */
function bigClaimFile(mb: number): string {
  const head = fixture.slice(0, fixture.indexOf('HL*1**20*1~'));
  const body = fixture.slice(fixture.indexOf('HL*1**20*1~'), fixture.indexOf('SE*'));
  return head + body.repeat(Math.ceil((mb * 1024 * 1024) / body.length)) + fixture.slice(fixture.indexOf('SE*'));
}

function peakRssMB(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 20));
};

const hoverText = (h: Hover | null) => ((h?.contents as MarkupContent | undefined)?.value ?? '');

describe('changes, versions and the order of answers (push diagnostics)', () => {
  let client: TestClient;
  const big = (p: PublishDiagnosticsParams) => p.uri.endsWith('/big.837');
  const versionsOf = () => client.publications.filter(big).map((p) => p.version ?? -1);
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise((r) => setTimeout(r, 20));
  };

  before(async () => {
    client = await startServer();
  });
  after(() => client?.stop());

  test('1,000 changes sent at once: the newest version is checked, a hover answers on it, memory stays flat', async () => {
    const uri = 'file:///scheduling/big.837';
    const text = bigClaimFile(10);
    client.open(uri, 'x12', text, 1);
    await client.diagnostics(uri);
    const peakAfterOpen = peakRssMB(client.child.pid);
    // 1,000 one-character changes typed into a claim in the middle (inside CLM01, the patient control number),
    // each position in the text the previous ones made, all written without waiting
    const at = text.indexOf('CLM*', text.length >> 1) + 4;
    const start = positionAt(text, at);
    let typed = '';
    for (let k = 0; k < 1000; k++) {
      const position = { line: start.line, character: start.character + k };
      const change = { range: { start: position, end: position }, text: String.fromCharCode(65 + (k % 26)) };
      typed += change.text;
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: k + 2 }, contentChanges: [change] });
    }
    // a hover on the first service line's code after the edited claim's CLM: its position exists only in the final text
    const final = text.slice(0, at) + typed + text.slice(at);
    const code = final.indexOf('SV1*HC:', at) + 7;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionAt(final, code + 1) })) as Hover | null;
    assert.match(hoverText(hover), new RegExp(final.slice(code, code + 5)));
    // the diagnostics of the last version come, and those of few in between (a check may run when the server
    // has read all that has arrived so far, between two reads of the pipe)
    await until(() => versionsOf().includes(1001));
    const between = versionsOf().filter((v) => v > 1 && v < 1001).length;
    assert.ok(between <= 50, `diagnostics were published for ${between} of the 999 intermediate versions`);
    // the peak of the 1,000 changes, read before a second 10 MB document is opened below (its own text, model and
    // diagnostics would count as growth): every change used to make a new 10 MB text and line table, 897 MB at the
    // peak with a 10 MB file
    const peak = peakRssMB(client.child.pid);
    if (peak !== null && peakAfterOpen !== null) assert.ok(peak - peakAfterOpen < 250, `peak grew by ${(peak - peakAfterOpen).toFixed(0)} MB`);
    // and they are those of the final text, opened afresh
    const fresh = 'file:///scheduling/fresh.837';
    client.open(fresh, 'x12', final, 1);
    const expected = await client.diagnostics(fresh);
    const last = client.publications.filter(big).at(-1)!.diagnostics;
    const key = (d: Diagnostic[]) => d.map((x) => `${x.range.start.line}:${x.range.start.character} ${x.code} ${x.message}`).join('\n');
    assert.equal(key(last), key(expected));
    client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
  });

  test('an outline asked right after a change is answered after the diagnostics of that version', async () => {
    const uri = 'file:///scheduling/big.837';
    const seen = client.publications.length;
    const version = 5000;
    // when an answer arrives, have the diagnostics of the version already come?
    const publishedYet = () => client.publications.slice(seen).some((p) => big(p) && p.version === version);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'NTE*ADD*X~\n' }] });
    const symbols = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then(publishedYet);
    const folding = client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }).then(publishedYet);
    assert.deepEqual(await Promise.all([symbols, folding]), [true, true]);
  });

  test('a request cancelled while it waits is answered RequestCancelled; a stale one ContentModified', async () => {
    const uri = 'file:///scheduling/big.837';
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5001 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'N' }] });
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (e: { code?: number }) => e.code === -32800);
    // a folding request, then a change before it could be answered: the answer is for an old version
    const stale = client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5002 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } }, text: '' }] });
    await assert.rejects(stale, (e: { code?: number }) => e.code === -32801);
  });
});

describe('cold start: the client is told a file is being checked until its result', () => {
  test("hcpcs/status says 'checking' at didOpen and 'checked' with the problem count once the diagnostics are out", async () => {
    const client = await startServer();
    try {
      const uri = 'file:///status/a.837';
      client.open(uri, 'x12', fixture.replace('A9600', 'A9998'), 1);
      const diagnostics = await client.diagnostics(uri);
      const mine = () => client.statuses.filter((s) => s.uri === uri);
      while (!mine().some((s) => s.state === 'checked')) await new Promise((r) => setTimeout(r, 10));
      // (checked again when the settings arrive from the client: still 'checked')
      const states = mine().map((s) => s.state);
      assert.equal(states[0], 'checking');
      assert.ok(states.length >= 2 && states.slice(1).every((s) => s === 'checked'), states.join(', '));
      assert.equal(mine()[1].problems, diagnostics.length);
      // the full split, for the status item (VS Code lists at most 1,000 problems a file)
      const status = mine()[1] as { errors?: number; warnings?: number };
      assert.equal(status.errors, diagnostics.filter((d) => d.severity === 1).length);
      assert.equal(status.warnings, diagnostics.filter((d) => d.severity === 2).length);
    } finally {
      await client.stop();
    }
  });
});

describe('a long check says how far it got', () => {
  test("hcpcs/status 'checking' carries the claims checked so far and the total, rising, before 'checked'", async () => {
    const client = await startServer();
    try {
      const uri = 'file:///status/big.837';
      client.open(uri, 'x12', bigClaimFile(10), 1);
      const mine = () => client.statuses.filter((s) => s.uri === uri) as { state?: string; checked?: number; total?: number }[];
      while (!mine().some((s) => s.state === 'checked')) await new Promise((r) => setTimeout(r, 20));
      const before = mine().slice(0, mine().findIndex((s) => s.state === 'checked'));
      const steps = before.filter((s) => s.total !== undefined);
      assert.ok(steps.length > 0, 'no progress while a 10 MB file was checked');
      assert.ok(before.every((s) => s.state === 'checking'));
      for (let k = 0; k < steps.length; k++) {
        assert.ok(steps[k].checked! >= 0 && steps[k].checked! < steps[k].total!, `${steps[k].checked} of ${steps[k].total}`);
        if (k > 0) assert.ok(steps[k].checked! >= steps[k - 1].checked! && steps[k].total === steps[0].total);
      }
    } finally {
      await client.stop();
    }
  });
});

describe('pull diagnostics (clients that support textDocument/diagnostic, as VS Code does)', () => {
  let client: TestClient;
  let pushed = 0;
  before(async () => {
    client = await startServer({ textDocumentCapabilities: { diagnostic: { dynamicRegistration: false } } });
    client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri.includes('/pull/')) pushed++;
    });
  });
  after(() => client?.stop());

  test('the newest version is pulled, unchanged results say so, nothing is pushed', async () => {
    const uri = 'file:///pull/a.837';
    client.open(uri, 'x12', fixture.replace('A9600', 'A9998'), 1);
    const first = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; resultId: string; items: Diagnostic[] };
    assert.equal(first.kind, 'full');
    assert.ok(first.items.some((d) => d.code === 'hcpcs/unknown-code'));
    const again = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as { kind: string };
    assert.equal(again.kind, 'unchanged');
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixture }] });
    const after = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as { kind: string; items: Diagnostic[] };
    assert.equal(after.kind, 'full');
    assert.ok(!after.items.some((d) => d.code === 'hcpcs/unknown-code' && /A9998/.test(String(d.message))));
    assert.equal(pushed, 0);
  });
});

describe('a long first check answers with what it knows so far, then the complete answer', () => {
  // unknown codes all through the file, so the claims not yet checked have findings the partial answer lacks
  const text = () => bigClaimFile(10).replace(/A9600/g, 'A9998');
  const key = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`;
  /** The partial answer's findings are findings of the complete one, and they are all it has before the first it lacks. */
  function assertPrefixOf(partial: Diagnostic[], complete: Diagnostic[]): void {
    const completeKeys = new Set(complete.map(key));
    assert.deepEqual(partial.map(key).filter((k) => !completeKeys.has(k)), []);
    const partialKeys = new Set(partial.map(key));
    const firstMissing = complete.find((d) => !partialKeys.has(key(d)));
    assert.ok(firstMissing, 'the partial answer lacks the findings of the claims not yet checked');
    const claimFindingsAfter = partial.filter((d) => d.code === 'hcpcs/unknown-code' && d.range.start.line > firstMissing.range.start.line);
    assert.equal(claimFindingsAfter.length, 0);
    assert.ok(partial.some((d) => d.code === 'hcpcs/unknown-code'), 'the claims checked first have their findings');
  }

  test('pull: a partial answer, a refresh once the check is complete, then the complete answer', async () => {
    const client = await startServer({ textDocumentCapabilities: { diagnostic: { dynamicRegistration: false } }, workspaceCapabilities: { diagnostics: { refreshSupport: true } } });
    try {
      const uri = 'file:///partial/pull.837';
      client.open(uri, 'x12', text(), 1);
      const first = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; resultId: string; items: Diagnostic[] };
      assert.equal(first.kind, 'full');
      assert.match(first.resultId, /^partial-/);
      // once the check is complete ('checked'), the server asks the client to pull again
      const checkedAt = () => client.statuses.findIndex((s) => s.uri === uri && s.state === 'checked');
      await until(() => checkedAt() >= 0 && client.refreshes.some((seen) => seen > checkedAt()));
      const complete = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })) as { kind: string; resultId: string; items: Diagnostic[] };
      assert.equal(complete.kind, 'full');
      assert.notEqual(complete.resultId, first.resultId);
      assertPrefixOf(first.items, complete.items);
      // an edit later is answered in full, never partially again
      const refreshesBefore = client.refreshes.length;
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }] });
      const edited = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: complete.resultId })) as { kind: string; resultId: string };
      assert.equal(edited.kind, 'unchanged');
      assert.equal(client.refreshes.length, refreshesBefore);
    } finally {
      await client.stop();
    }
  });

  test('pull without refresh support: only the complete answer', async () => {
    const client = await startServer({ textDocumentCapabilities: { diagnostic: { dynamicRegistration: false } } });
    try {
      const uri = 'file:///partial/no-refresh.837';
      client.open(uri, 'x12', text(), 1);
      const answer = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
      const status = client.statuses.filter((s) => s.uri === uri && s.state === 'checked').at(-1);
      assert.equal(answer.items.length, status?.problems);
    } finally {
      await client.stop();
    }
  });

  test('push: a partial publication of version 1, then the complete one', async () => {
    const client = await startServer();
    try {
      const uri = 'file:///partial/push.837';
      client.open(uri, 'x12', text(), 1);
      const complete = await client.diagnostics(uri);
      const ofVersion1 = client.publications.filter((p) => p.uri === uri);
      assert.equal(ofVersion1.length, 2, 'one partial publication, then the complete one');
      assert.equal(ofVersion1[1].diagnostics, complete);
      assert.equal(complete.length, client.statuses.filter((s) => s.uri === uri && s.state === 'checked').at(-1)?.problems);
      assertPrefixOf(ofVersion1[0].diagnostics, complete);
    } finally {
      await client.stop();
    }
  });
});

describe('a client that lists only so many problems a file (initializationOptions.maxProblemsPerFile)', () => {
  test('gets that many, chosen as VS Code chooses (most severe first, document order), and the full count in hcpcs/status', async () => {
    const text = bigClaimFile(0.05).replace(/A9600/g, 'A9998');
    const uri = 'file:///pull/capped.837';
    // unknown codes as warnings beside the errors of the envelope, so both severities are there to choose from
    const settings = { rules: { 'hcpcs/unknown-code': 'warning' } };
    const pull = { settings, textDocumentCapabilities: { diagnostic: { dynamicRegistration: false } } };
    const whole = await startServer({ ...pull, initializationOptions: { settings } });
    let all: Diagnostic[];
    try {
      whole.open(uri, 'x12', text, 1);
      all = ((await whole.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
    } finally {
      await whole.stop();
    }
    const severities = new Set(all.map((d) => d.severity));
    assert.ok(all.length > 4 && severities.size > 1, `${all.length} problems of ${severities.size} severities`);
    const max = Math.floor(all.length / 2);
    // VS Code's choice: errors first, then warnings, ..., each in document order; listed in document order
    const order = all.map((d, i) => ({ d, i })).sort((a, b) => (a.d.severity ?? 1) - (b.d.severity ?? 1) || a.i - b.i);
    const expected = order.slice(0, max).sort((a, b) => a.i - b.i).map((x) => x.d);
    const capped = await startServer({ ...pull, initializationOptions: { settings, maxProblemsPerFile: max } });
    try {
      capped.open(uri, 'x12', text, 1);
      const got = ((await capped.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items;
      assert.deepEqual(got, expected);
      while (!capped.statuses.some((s) => s.uri === uri && s.state === 'checked')) await new Promise((r) => setTimeout(r, 10));
      assert.equal(capped.statuses.find((s) => s.uri === uri && s.state === 'checked')!.problems, all.length);
    } finally {
      await capped.stop();
    }
  });
});
