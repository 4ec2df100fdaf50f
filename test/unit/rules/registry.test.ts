import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../../server/src/rules/registry';

test('rule ids are unique, namespaced, and each rule says what it checks', () => {
  const ids = allRules.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((id, i) => ids.indexOf(id) !== i).join(', ')}`);
  for (const rule of allRules) {
    assert.match(rule.id, /^(hcpcs|x12|icd10|notes)\/[a-z0-9-]+$/, rule.id);
    assert.ok(rule.description.length > 20, `${rule.id} needs a description`);
    assert.ok(rule.checkClaim || rule.checkFile || rule.checkNote, `${rule.id} checks nothing`);
  }
});

test('the README rule table lists exactly the registered rules', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const listed = new Set([...readme.matchAll(/^\| `((?:hcpcs|x12|icd10|notes)\/[a-z0-9-]+)` \|/gm)].map((m) => m[1]));
  const registered = new Set(allRules.map((r) => r.id));
  assert.deepEqual([...registered].filter((id) => !listed.has(id)), [], 'registered but missing from the README');
  assert.deepEqual([...listed].filter((id) => !registered.has(id)), [], 'in the README but not registered');
});
