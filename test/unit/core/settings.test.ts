import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, parseSettings } from '../../../server/src/core/settings';
import { effectiveSeverity } from '../../../server/src/rules/engine';
import { allRules } from '../../../server/src/rules/registry';

test('no settings: the documented defaults', () => {
  const { settings, problems } = parseSettings(undefined);
  assert.deepEqual(problems, []);
  assert.equal(settings.payer, 'medicare');
  assert.equal(settings.dateOfService, '');
  assert.deepEqual(settings.notes.include, ['**/notes/**', '**/*.note.md', '**/*.note.txt']);
  assert.equal(settings.maxFileSizeMB, 64);
});

test('a bad value is reported once, naming the setting, and only that setting falls back to its default', () => {
  const { settings, problems } = parseSettings({ payer: 'medicaire', dateOfService: '2026-01-15', rules: { 'hcpcs/kx-attestation': 'off' } });
  assert.equal(settings.payer, 'medicare');
  assert.equal(settings.dateOfService, '2026-01-15', 'good settings are kept');
  assert.equal(settings.rules['hcpcs/kx-attestation'], 'off');
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^hcpcs\.payer: .*using the default/);
});

test('a bad rule severity drops only that rule entry', () => {
  const { settings, problems } = parseSettings({ rules: { 'hcpcs/zero-units': 'loud', 'hcpcs/kx-attestation': 'off' } });
  assert.equal(settings.rules['hcpcs/kx-attestation'], 'off');
  assert.equal(settings.rules['hcpcs/zero-units'], undefined);
  assert.match(problems.join('\n'), /hcpcs\.rules\.hcpcs\/zero-units/);
});

test('a date that is not YYYY-MM-DD is rejected', () => {
  const { settings, problems } = parseSettings({ dateOfService: '01/15/2026' });
  assert.equal(settings.dateOfService, '');
  assert.match(problems[0], /hcpcs\.dateOfService: expected a date as YYYY-MM-DD/);
});

test('not an object at all: defaults and one problem', () => {
  const { settings, problems } = parseSettings('medicare');
  assert.deepEqual(settings, defaultSettings);
  assert.equal(problems.length, 1);
});

test('rule severities: default, raised, lowered, off', () => {
  const kx = allRules.find((r) => r.id === 'hcpcs/kx-attestation');
  assert.ok(kx);
  assert.equal(effectiveSeverity(kx, defaultSettings), 'info');
  assert.equal(effectiveSeverity(kx, parseSettings({ rules: { 'hcpcs/kx-attestation': 'error' } }).settings), 'error');
  assert.equal(effectiveSeverity(kx, parseSettings({ rules: { 'hcpcs/kx-attestation': 'off' } }).settings), undefined);
});
