/**
 * Writes the `hcpcs.rules` settings schema in package.json from the rule registry: one property per rule id (its
 * description and default severity), so the settings editor and settings.json offer the rule ids instead of a
 * free-text key. Also fixes the order the settings UI shows them in (`order`: payer, date of service, notes first;
 * trace last). Run after adding a rule:  npx tsx scripts/sync-settings.ts
 * (test/unit/rules/settingsSchema.test.ts fails while package.json is out of step.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../server/src/rules/registry';

export const SETTINGS_ORDER = [
  'hcpcs.payer',
  'hcpcs.dateOfService',
  'hcpcs.notes.include',
  'hcpcs.rules',
  'hcpcs.cptDescriptorFile',
  'hcpcs.maxFileSizeMB',
  'hcpcs.trace.server',
];

const SEVERITIES = ['off', 'info', 'warning', 'error'];
const SEVERITY_DESCRIPTIONS = ['Rule does not run', 'Shown as information', 'Shown as a warning', 'Shown as an error'];

export function rulesSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of [...allRules].sort((a, b) => a.id.localeCompare(b.id))) {
    properties[rule.id] = {
      type: 'string',
      enum: SEVERITIES,
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      markdownDescription: `${rule.description} Default: \`${rule.defaultSeverity}\`.`,
    };
  }
  return properties;
}

/** package.json with the rule properties and the settings order applied (properties re-ordered too). */
export function syncedPackage(pkg: any): any {
  const props = pkg.contributes.configuration.properties as Record<string, any>;
  const rules = props['hcpcs.rules'];
  rules.properties = rulesSchema();
  rules.additionalProperties = false;
  rules.propertyNames = { enum: Object.keys(rules.properties) };
  rules.markdownDescription =
    'Severity per rule id (`off`, `info`, `warning`, `error`); the ids are offered as you type, e.g. `{ "hcpcs/terminated-code": "error", "hcpcs/kx-attestation": "off" }`. Each problem shows its rule id as its code.';
  const ordered: Record<string, any> = {};
  SETTINGS_ORDER.forEach((key, i) => {
    if (props[key]) ordered[key] = { ...props[key], order: key === 'hcpcs.trace.server' ? 99 : i + 1 };
  });
  for (const [key, value] of Object.entries(props)) if (!(key in ordered)) ordered[key] = { ...value, order: 50 };
  pkg.contributes.configuration.properties = ordered;
  return pkg;
}

if (require.main === module) {
  const file = path.join(__dirname, '..', 'package.json');
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, `${JSON.stringify(syncedPackage(pkg), null, 2)}\n`);
  console.log(`package.json: ${Object.keys(rulesSchema()).length} rule ids in hcpcs.rules, settings ordered`);
}
