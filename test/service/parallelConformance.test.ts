/**
 * The claims' guide conformance on a second core (node/parallelConformance.ts with the built worker,
 * dist/server/conformanceWorker.js): the worker's answers are the issues checking here gives, claim by claim and for
 * the file walk; a validation with the helper gives the same diagnostics as one without, first check and edits alike;
 * a job that is stopped, superseded or behind the validation leaves the rest to the validation; no worker bundle,
 * no helper.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ParallelConformance } from '../../server/src/node/parallelConformance';
import { createLanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { parseX12 } from '../../server/src/parse/x12';
import { buildClaimModel } from '../../server/src/model/claim';
import { checkClaimConformance, checkFileConformance } from '../../server/src/conformance/check';
import type { ClaimConformanceJob } from '../../server/src/conformance/parallel';
import type { GuideIssue } from '../../server/src/conformance/issues';
import { generate837P } from '../../bench/generate';
import { realCodeSet } from '../robustness/helpers';
import { edit, I, P } from '../unit/rules/conformance/helpers';

const root = path.resolve(__dirname, '..', '..');
const workerFile = path.join(root, 'dist', 'server', 'conformanceWorker.js');
const dataDir = path.join(root, 'data');
const codeSet = realCodeSet();
const guides = bundledGuides();
const TODAY = '2026-02-10';

/** Every file of these tests goes to the worker (the server sends only files of 500,000 characters and more). */
const helper = new ParallelConformance({ dataDir, workerFile, minTextLength: 0 });
after(() => helper.close());

/** Guide faults of several kinds, each in a claim or in the file walk's part (the mutations of the rule tests). */
const BROKEN_P = [
  (t: string) => edit(t, 'SBR*P*18*******MB~', 'SBR*P*18*******BM~'),
  (t: string) => edit(t, 'DTP*472*D8*20260202~', 'DTP*472*D8*20261302~'),
  (t: string) => edit(t, 'N3*220 ORCHARD AVENUE~\n', ''),
  (t: string) => edit(t, 'XX*1234567893~', 'XX*1234567890~'),
  (t: string) => edit(t, 'HL*3*1*22*1~', 'HL*3*1*22*0~'),
  (t: string) => edit(t, 'HL*2*1*22*0~', 'HL*2*5*22*0~'),
  (t: string) => edit(t, 'N3*48 BIRCH LANE~', 'N3*48 BIRCH LANE**~'),
].reduce((t, f) => f(t), P);

function bigFile(seed: number, bytes: number): string {
  return generate837P(codeSet, { targetBytes: bytes, seed, profile: 'manyFindings', guides });
}

/** Ask a job about every claim of `text`, waiting (on the event loop) until the worker has answered each. */
async function answersOf(job: ClaimConformanceJob, text: string): Promise<{ file: readonly GuideIssue[]; claims: (readonly GuideIssue[])[] }> {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  const index = file.claims.index;
  const deadline = Date.now() + 20_000;
  const waitFor = async <T>(ask: () => T | undefined): Promise<T> => {
    for (;;) {
      const a = ask();
      if (a !== undefined) return a;
      assert.ok(Date.now() < deadline, 'the worker answers within 20 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const fileIssues = await waitFor(() => job.fileIssues());
  const claims: (readonly GuideIssue[])[] = [];
  for (let k = 0; k < index.claimCount; k++) claims.push(await waitFor(() => job.issuesOf(index.claimFirst[k])));
  return { file: fileIssues, claims };
}

/** What the rules read of an issue (the worker does not carry the guide places). */
const seen = (issues: readonly GuideIssue[]) =>
  issues.map((i) => ({
    kind: i.kind,
    // a span is sometimes the element itself (with its value): what counts is where
    span: { offset: i.span.offset, length: i.span.length },
    segmentIndex: i.segmentIndex,
    message: i.message,
    fix: i.fix && { title: i.fix.title, edits: i.fix.edits.map((e) => ({ span: { offset: e.span.offset, length: e.span.length }, newText: e.newText })) },
  }));

function checkedHere(text: string): { file: ReturnType<typeof seen>; claims: ReturnType<typeof seen>[] } {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  const g = codeSet.implementationGuides!;
  const claims: ReturnType<typeof seen>[] = [];
  for (let k = 0; k < file.claims.index.claimCount; k++) claims.push(seen(checkClaimConformance(g, doc, file, file.claims.index.buildClaimAt(k))));
  return { file: seen(checkFileConformance(g, doc, file)), claims };
}

function diagnostics(text: string, withHelper: boolean, uri = 'file:///claims.837'): ReturnType<ReturnType<typeof createLanguageService>['validate']> {
  const svc = createLanguageService({ codeSet, guides, claimConformance: withHelper ? helper : undefined });
  return svc.validate(TextDocument.create(uri, 'x12', 1, text), undefined, { today: TODAY });
}

describe('guide conformance on a second core', () => {
  test('the worker bundle is built (npm test builds before it runs)', () => {
    assert.ok(fs.existsSync(workerFile), `run \`node esbuild.js\`: ${workerFile} is missing`);
  });

  test('the worker answers each claim and the file walk with the issues checking here gives (fixtures with faults, a generated batch)', async () => {
    const big = bigFile(3, 150_000);
    for (const text of [P, I, BROKEN_P, big]) {
      const job = helper.start(text);
      assert.ok(job);
      const answered = await answersOf(job, text);
      job.stop();
      const here = checkedHere(text);
      assert.deepEqual(seen(answered.file), here.file);
      assert.deepEqual(answered.claims.map(seen), here.claims);
    }
    // the faults were there to be found, in claims and in the file walk
    const faults = checkedHere(BROKEN_P);
    assert.ok(faults.claims.flat().length >= 5 && faults.file.length >= 1, JSON.stringify(faults).slice(0, 400));
  });

  test('a validation with the helper gives the diagnostics of one without: fixtures with faults and a generated batch', () => {
    for (const text of [P, I, BROKEN_P, bigFile(4, 400_000)]) assert.deepEqual(diagnostics(text, true), diagnostics(text, false));
  });

  test('after a first check with the helper, edits inside a claim give what a fresh check of the edited text gives', () => {
    const text = bigFile(5, 200_000);
    const svc = createLanguageService({ codeSet, guides, claimConformance: helper });
    const uri = 'file:///edited.837';
    svc.validate(TextDocument.create(uri, 'x12', 1, text), undefined, { today: TODAY });
    const at = text.indexOf('SV1*HC:', text.length >> 1);
    const edited = `${text.slice(0, at)}SV1*XX:${text.slice(at + 7)}`;
    const after = svc.validate(TextDocument.create(uri, 'x12', 2, edited), undefined, { today: TODAY });
    assert.deepEqual(after, diagnostics(edited, false, uri));
  });

  test('a job stopped, or superseded by the next one, answers nothing more; the next job answers in full', async () => {
    const text = bigFile(6, 100_000);
    const first = helper.start(text)!;
    const second = helper.start(BROKEN_P)!;
    const firstClaim = buildClaimModel(parseX12(text)).claims.index.claimFirst[0];
    await new Promise((r) => setTimeout(r, 200));
    // the first job's messages, if any came, are not the second's
    const answered = await answersOf(second, BROKEN_P);
    assert.deepEqual(answered.claims.map(seen), checkedHere(BROKEN_P).claims);
    second.stop();
    assert.equal(second.issuesOf(firstClaim), undefined);
    first.stop();
  });

  test('a validation ahead of the worker checks those claims itself; the worker skips past where it is', async () => {
    const text = bigFile(7, 120_000);
    const index = buildClaimModel(parseX12(text)).claims.index;
    const job = helper.start(text)!;
    const late = index.claimFirst[index.claimCount - 40];
    // asked before the worker could answer it: not answered, and the worker hears the validation is there
    assert.equal(job.issuesOf(late), undefined);
    await new Promise((r) => setTimeout(r, 300));
    // claims after that position are answered; the last one too
    const last = index.claimFirst[index.claimCount - 1];
    for (let t = 0; job.issuesOf(last) === undefined && t < 400; t++) await new Promise((r) => setTimeout(r, 5));
    assert.ok(job.issuesOf(last) !== undefined);
    job.stop();
  });

  test('without the worker bundle there is no helper: files are checked here as before', () => {
    const none = new ParallelConformance({ dataDir, workerFile: path.join(root, 'dist', 'server', 'no-such-worker.js'), minTextLength: 0 });
    assert.equal(none.start(P), null);
    const svc = createLanguageService({ codeSet, guides, claimConformance: none });
    assert.deepEqual(svc.validate(TextDocument.create('file:///p.837', 'x12', 1, BROKEN_P), undefined, { today: TODAY }), diagnostics(BROKEN_P, false));
  });
});

test('files over MAX_TEXT_LENGTH are checked on the main thread (the worker would hold a second copy of a 50 MB file)', () => {
  const small = new ParallelConformance({ dataDir, workerFile, minTextLength: 0, maxTextLength: 1000 });
  assert.equal(small.start(BROKEN_P), null);
  assert.ok(BROKEN_P.length > 1000);
  void small.close();
});
