/**
 * Issue 15, item 7: which files settings may name. A workspace's own settings could point the extension at any
 * path (`../../../../etc/passwd`); package.json declares limited support for untrusted workspaces, with every
 * setting that names a file to read restricted to trusted ones.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

test('untrusted workspaces: limited support, every file-path setting restricted', () => {
  const trust = pkg.capabilities?.untrustedWorkspaces;
  assert.equal(trust?.supported, 'limited');
  assert.ok(typeof trust.description === 'string' && trust.description.length > 40);
  const properties = pkg.contributes.configuration.properties ?? Object.assign({}, ...pkg.contributes.configuration.map((c: { properties: object }) => c.properties));
  const pathSettings = Object.entries(properties as Record<string, { markdownDescription?: string; description?: string }>)
    .filter(([name, s]) => /File$|Path$|Dir$|Folder$/.test(name) || /^Path /.test(s.markdownDescription ?? s.description ?? ''))
    .map(([name]) => name);
  assert.ok(pathSettings.includes('hcpcs.cptDescriptorFile'));
  for (const name of pathSettings) assert.ok(trust.restrictedConfigurations.includes(name), `${name} is restricted in untrusted workspaces`);
});
