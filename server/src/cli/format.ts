/**
 * Output formats of `hcpcs-check`:
 * - text: `file:line:col severity rule-id message`, 1-based line and column (as editors and compilers print them);
 * - json: one array of { file, range, severity, code, message }, positions as LSP counts them (0-based, UTF-16);
 * - sarif: SARIF 2.1.0 for CI systems and code-scanning views (1-based lines/columns in UTF-16 code units);
 * - 999: the 999 implementation acknowledgment (005010X231A1) a receiver would return for each claim file.
 */
import type { Rule, Severity } from '../rules/types';
import type { FileResult, SeverityName } from './check';

export type OutputFormat = 'text' | 'json' | 'sarif' | '999';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', '999'];

/** `--format 999`: the 999 implementation acknowledgment of each claim file, one after the other. */
export function format999(results: readonly FileResult[]): string {
  return results.map((r) => r.ack999 ?? '').join('');
}

/** Messages are one line in text output (a finding never spans lines there). */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      lines.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${oneLine(f.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export function formatJson(results: readonly FileResult[]): string {
  const out = results.flatMap((r) => r.findings.map((f) => ({ file: r.file, range: f.range, severity: f.severity, code: f.code, message: f.message })));
  return `${JSON.stringify(out, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity | SeverityName, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** A relative path as a URI reference (forward slashes, each segment percent-encoded). */
export function toUriReference(file: string): string {
  if (file === '-') return 'stdin';
  return file
    .replace(/\\/g, '/')
    .split('/')
    .map((part) => (/^[A-Za-z]:$/.test(part) ? part : encodeURIComponent(part)))
    .join('/');
}

export interface SarifOptions {
  rules: readonly Rule[];
  version: string;
}

export function formatSarif(results: readonly FileResult[], options: SarifOptions): string {
  const ruleIndex = new Map<string, number>();
  const rules = options.rules.map((rule, i) => {
    ruleIndex.set(rule.id, i);
    return {
      id: rule.id,
      shortDescription: { text: rule.description },
      defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
    };
  });
  const artifacts: { location: { uri: string } }[] = [];
  const sarifResults: unknown[] = [];
  for (const r of results) {
    if (r.error) continue;
    const artifactIndex = artifacts.push({ location: { uri: toUriReference(r.file) } }) - 1;
    for (const f of r.findings) {
      const index = ruleIndex.get(f.code);
      sarifResults.push({
        ruleId: f.code,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: toUriReference(r.file), index: artifactIndex },
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'hcpcs-check',
            version: options.version,
            informationUri: 'https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts,
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
