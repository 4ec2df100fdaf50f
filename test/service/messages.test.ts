/**
 * Issue 14 item 4: messages in claim terms. A finding inside a claim starts with where the coder is ("HOLD-B line 1,
 * A9604:"), and the first sentence of every message says what is wrong in under 100 characters. Checked on every
 * message the fixtures and examples produce, across the rules.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseSettings } from '../../server/src/core/settings';
import { sentenceFirst } from '../../server/src/features/messages';
import { allRules } from '../../server/src/rules/registry';
import { languageService } from './helpers';
import { build837, claim } from '../unit/rules/claim/harness';

const service = languageService();
const settings = parseSettings({}).settings;
const root = path.join(__dirname, '..', '..');
const PLACE = /^(\S+)( line ([^,:]+)(, ([^: ]+))?)?: /;

function files(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(837|x12|edi|md|txt)$/.test(name) && !name.endsWith('.hover.md') && !name.endsWith('.elements.md') && !name.endsWith('.diagnostics.txt')) out.push(p);
    }
  };
  walk(path.join(root, 'test', 'fixtures'));
  walk(path.join(root, 'examples'));
  return out;
}

test('HOLD-B line 1, A9604: the place of a line finding is claim ID, line number and code', () => {
  const text = build837(claim('HOLD-B', 'ABK:C7951', ['SV1*HC:A9604*100*UN*2***1', 'DTP*472*D8*20260110']));
  const doc = TextDocument.create('file:///hold-b.837', 'x12', 1, text);
  const d = service.validate(doc, settings, { today: '2026-01-15' }).find((x) => x.code === 'hcpcs/units-per-dose');
  assert.ok(d);
  assert.match(String(d.message), /^HOLD-B line 1, A9604: A9604 is billed "per treatment dose", so 2 units claim 2 doses\. /);
});

test('the first clause ends as a sentence; labels, parentheses and quotes are kept', () => {
  assert.equal(sentenceFirst('C9300 was terminated: its last valid date was 2025-06-30.'), 'C9300 was terminated. Its last valid date was 2025-06-30.');
  assert.equal(sentenceFirst('A9604: no lot number recorded — the payer asks for it.'), 'A9604: no lot number recorded. The payer asks for it.');
  assert.equal(sentenceFirst('X is billed (CMS descriptor: "per dose") and more.'), 'X is billed (CMS descriptor: "per dose") and more.');
  assert.equal(sentenceFirst('Already a sentence. Then: more.'), 'Already a sentence. Then: more.');
});

test('a guide place ("loop ..., DTP03 ...:") is a label: the first sentence is what follows it; a clause after it still ends there', () => {
  // the first sentence was the place alone ("... From and To Date. The range ends ..."): it said nothing wrong
  assert.equal(
    sentenceFirst('loop 2300 Claim Information, DTP03 Statement From and To Date: the range ends (20050301) before it starts (20050315). The clearinghouse rejects it.'),
    'loop 2300 Claim Information, DTP03 Statement From and To Date: the range ends (20050301) before it starts (20050315). The clearinghouse rejects it.',
  );
  assert.equal(
    sentenceFirst('loop 2010BA Subscriber Name, N4 Subscriber City, State, ZIP Code: only one of N402, N407 may be filled. (X12 syntax note E0207)'),
    'loop 2010BA Subscriber Name, N4 Subscriber City, State, ZIP Code: only one of N402, N407 may be filled. (X12 syntax note E0207)',
  );
  // after the place, the clause ends at its own ": " as before
  assert.equal(
    sentenceFirst('loop 2000B Subscriber Hierarchical Level: HL01 is 2, but the HL before it is 2: hierarchical IDs count up by one.'),
    'loop 2000B Subscriber Hierarchical Level: HL01 is 2, but the HL before it is 2. Hierarchical IDs count up by one.',
  );
  // a clause that starts with "loop" is not a place: "... holds ..., which is outside the X12 character set: the guides allow"
  assert.equal(
    sentenceFirst('loop 2010BA Subscriber Name, NM104 Subscriber First Name holds a control character (U+0009, a tab), which is outside the X12 character set: the guides allow capital letters only. Remove it.'),
    'loop 2010BA Subscriber Name, NM104 Subscriber First Name holds a control character (U+0009, a tab), which is outside the X12 character set. The guides allow capital letters only. Remove it.',
  );
  assert.equal(sentenceFirst('NTE is out of order in loop 2300 Claim Information: the 837I guide wants it later.'), 'NTE is out of order in loop 2300 Claim Information. The 837I guide wants it later.');
});

test('every message: the place first inside a claim, and a first sentence under 100 characters', () => {
  const long: string[] = [];
  const rules = new Set<string>();
  let count = 0;
  for (const file of files()) {
    const text = fs.readFileSync(file, 'utf8');
    const isClaim = /\.(837|x12|edi)$/.test(file);
    const doc = TextDocument.create(`file://${file}`, isClaim ? 'x12' : 'markdown', 1, text);
    for (const d of service.validate(doc, settings, { isNote: !isClaim, today: '2026-01-15' })) {
      const message = String(d.message);
      const body = message.replace(PLACE, '');
      const first = body.split(/(?<=[.!?])\s/)[0];
      count++;
      rules.add(String(d.code));
      if (first.length >= 100) long.push(`${String(d.code)} (${first.length}): ${first}`);
    }
  }
  assert.deepEqual(long, []);
  assert.ok(count > 50, `${count} messages checked`);
  // the fixtures exercise the billing rules (30 of them when this was written; the x12/ conformance rules need
  // their own fixtures): fewer means the test checks less than it says
  const ruleIds = allRules.map((r) => r.id);
  const covered = ruleIds.filter((id) => rules.has(id));
  assert.ok(covered.length >= 28, `covered ${covered.length} of ${ruleIds.length}: missing ${ruleIds.filter((id) => !rules.has(id)).join(', ')}`);
});
