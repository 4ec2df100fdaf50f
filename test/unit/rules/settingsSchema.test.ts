/** Issue 14 item 7: the settings a coder changes first come first, and rule severities are chosen from the rule ids. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SETTINGS_ORDER, syncedPackage } from '../../../scripts/sync-settings';
import { allRules } from '../../../server/src/rules/registry';

const file = path.resolve(__dirname, '..', '..', '..', 'package.json');
const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
const props = pkg.contributes.configuration.properties;

test('package.json offers exactly the registered rule ids under hcpcs.rules (npx tsx scripts/sync-settings.ts)', () => {
  const expected = syncedPackage(JSON.parse(JSON.stringify(pkg)));
  assert.deepEqual(props['hcpcs.rules'], expected.contributes.configuration.properties['hcpcs.rules'], 'run: npx tsx scripts/sync-settings.ts');
  assert.deepEqual(Object.keys(props['hcpcs.rules'].properties).sort(), allRules.map((r) => r.id).sort());
  assert.equal(props['hcpcs.rules'].additionalProperties, false, 'a free-text key is flagged');
  for (const rule of allRules) assert.deepEqual(props['hcpcs.rules'].properties[rule.id].enum, ['off', 'info', 'warning', 'error']);
});

test('payer, date of service and notes first; trace last', () => {
  const byOrder = Object.entries(props as Record<string, { order?: number }>)
    .sort(([, a], [, b]) => (a.order ?? 1000) - (b.order ?? 1000))
    .map(([k]) => k);
  assert.deepEqual(byOrder.slice(0, 3), ['hcpcs.payer', 'hcpcs.dateOfService', 'hcpcs.notes.include']);
  assert.equal(byOrder[byOrder.length - 1], 'hcpcs.trace.server');
  assert.deepEqual(Object.keys(props).slice(0, SETTINGS_ORDER.length), SETTINGS_ORDER.filter((k) => k in props));
});
