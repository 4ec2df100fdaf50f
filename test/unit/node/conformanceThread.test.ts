/**
 * The conformance thread (server/src/node/conformanceThread.ts): the guide issues it makes for each claim are the
 * ones the validation makes itself, a validation that takes them gives the diagnostics of one that does not (also
 * when it is cancelled half-way and resumed), and a thread that cannot start changes nothing. Runs the built
 * bundle of the thread (dist/server/conformanceWorker.js: `npm test` builds it first).
 */
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConformanceThread, MIN_LENGTH } from '../../../server/src/node/conformanceThread';
import { parseX12 } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { checkClaimConformance } from '../../../server/src/conformance/check';
import { reportedIssue } from '../../../server/src/conformance/issuesAhead';
import { bundledGuides } from '../../../server/src/guides/loader';
import { createLanguageService, ValidationCancelled } from '../../../server/src/service';
import { generate837P } from '../../../bench/generate';
import { realCodeSet } from '../../robustness/helpers';

const root = path.resolve(__dirname, '..', '..', '..');
const workerFile = path.join(root, 'dist', 'server', 'conformanceWorker.js');
const dataDir = path.join(root, 'data');
const fixture = (f: string) => fs.readFileSync(path.join(root, 'test', 'fixtures', f), 'utf8');
const TODAY = '2025-03-15';

const codeSet = realCodeSet();
const guides = bundledGuides();
const implementationGuides = codeSet.implementationGuides!;

/** A generated batch with a guide fault in every 25th claim (a month 13 service date, an N4 without its ZIP code). */
function batchWithFaults(bytes: number, seed: number): string {
  let n = 0;
  return generate837P(codeSet, { targetBytes: bytes, seed, profile: 'manyFindings', guides })
    .replace(/DTP\*472\*D8\*(\d{4})\d\d/g, (m, year: string) => (n++ % 25 === 0 ? `DTP*472*D8*${year}13` : m))
    .replace(/N4\*([A-Z ]+)\*([A-Z]{2})\*\d+/g, (m, city: string, state: string) => (n++ % 25 === 7 ? `N4*${city}*${state}` : m));
}

const threads: ConformanceThread[] = [];
function thread(minLength?: number, file = workerFile): ConformanceThread {
  const t = new ConformanceThread(file, dataDir, minLength);
  threads.push(t);
  return t;
}
after(async () => {
  for (const t of threads) await t.close();
});

test('the built thread exists (npm run build)', () => {
  assert.ok(fs.existsSync(workerFile), `${workerFile}: run npm run build first`);
});

test("the thread's issues for each claim are the ones the validation makes itself", async () => {
  const t = thread(0);
  let faults = 0;
  for (const text of [fixture('conformance/837p-guide-faults.837'), fixture('conformance/837i-guide-faults.837'), fixture('claims/837p-broken-claims.837'), batchWithFaults(200_000, 4)]) {
    const ahead = t.begin(text);
    assert.ok(ahead, 'begun');
    assert.equal(await t.finished(), true, 'the thread went through the claims');
    const doc = parseX12(text);
    const file = buildClaimModel(doc);
    const index = file.claims.index;
    for (let k = 0; k < index.claimCount; k++) {
      const here = checkClaimConformance(implementationGuides, doc, file, index.buildClaimAt(k)).map(reportedIssue);
      assert.deepEqual(ahead.take(k), here, `claim ${k}`);
      faults += here.length;
    }
  }
  assert.ok(faults > 10, `the files have guide faults (${faults})`);
  assert.equal(t.claimsNotReady, 0, 'every claim came from the thread');
});

test('a validation that takes issues from the thread gives the diagnostics of one that does not', async () => {
  const text = batchWithFaults(MIN_LENGTH + 200_000, 6);
  const doc = TextDocument.create('file:///batch.837', 'x12', 1, text);
  const alone = createLanguageService({ codeSet, guides }).validate(doc, undefined, { today: TODAY });
  assert.ok(alone.some((d) => String(d.code).startsWith('x12/')), 'guide findings');
  const t = thread();
  // twice: the first validation starts the thread (it may come too late to help), the second finds it ready
  for (let round = 0; round < 2; round++) {
    const withThread = createLanguageService({ codeSet, guides, guideIssuesMaker: t }).validate(doc, undefined, { today: TODAY });
    assert.deepEqual(withThread, alone, `round ${round}`);
    await t.finished();
  }
  const claims = buildClaimModel(parseX12(text)).claims.index.claimCount;
  assert.equal(t.claimsTaken + t.claimsNotReady, 2 * claims, 'each claim asked for once a validation');
});

test('cancelled half-way and resumed: the same diagnostics', async () => {
  const text = batchWithFaults(MIN_LENGTH + 100_000, 8);
  const doc = TextDocument.create('file:///resumed.837', 'x12', 1, text);
  const alone = createLanguageService({ codeSet, guides }).validate(doc, undefined, { today: TODAY });
  const t = thread();
  const svc = createLanguageService({ codeSet, guides, guideIssuesMaker: t });
  let asked = 0;
  const token = {
    get isCancellationRequested() {
      return ++asked === 10;
    },
  };
  assert.throws(() => svc.validate(doc, undefined, { today: TODAY, token }), ValidationCancelled);
  await t.finished();
  assert.deepEqual(svc.validate(doc, undefined, { today: TODAY }), alone);
});

test('a thread that cannot start: the validation makes every claim itself, and it is not tried again', async () => {
  const text = fixture('conformance/837p-guide-faults.837');
  const doc = TextDocument.create('file:///faults.837', 'x12', 1, text);
  const alone = createLanguageService({ codeSet, guides }).validate(doc, undefined, { today: TODAY });
  const broken = thread(0, path.join(root, 'no-such-worker.js'));
  assert.deepEqual(createLanguageService({ codeSet, guides, guideIssuesMaker: broken }).validate(doc, undefined, { today: TODAY }), alone);
  await broken.finished();
  assert.equal(broken.begin(text), undefined);
});

test('small files are checked on one thread', () => {
  const t = thread();
  assert.equal(t.begin(fixture('conformance/837p-guide-faults.837')), undefined);
});
