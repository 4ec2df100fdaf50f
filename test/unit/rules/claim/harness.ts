/**
 * A small harness for the claim-rule tests: builds an 837P from a few claim segments (valid ISA of 106 characters,
 * GS/ST/.../SE/GE/IEA with correct counts) and runs one rule through the language service, so the test sees the
 * same diagnostics and quick fixes an editor does.
 */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixtureCodeSet } from '../../../fixtures/codeset';
import { bundledGuides } from '../../../../server/src/guides/loader';
import { defaultSettings, type Settings } from '../../../../server/src/core/settings';
import { createLanguageService } from '../../../../server/src/service';
import type { DiagnosticData } from '../../../../server/src/features/diagnostics';
import type { Rule } from '../../../../server/src/rules/types';

export const codeSet = fixtureCodeSet();
export const guides = bundledGuides();

export const ISA = 'ISA*00*          *00*          *ZZ*HCPCSLSPTEST   *ZZ*PAYER          *260115*0915*^*00501*000000101*0*T*:~';
assert.equal(ISA.length, 106);

export interface ClaimSpec {
  /** SBR09 claim filing indicator; default MB (Medicare Part B). Empty string: no SBR09. */
  sbr09?: string;
  /** Segments from CLM on, without terminators. */
  segments: string[];
}

/** An 837P with one subscriber (HL 22) per claim; segments joined with "~\n". */
export function build837(...claims: (ClaimSpec | string[])[]): string {
  const body: string[] = [
    'BHT*0019*00*BATCH1*20260115*0915*CH',
    'NM1*41*2*SAMPLE CLINIC*****46*TEST01',
    'PER*IC*BILLING*TE*5555550100',
    'NM1*40*2*SAMPLE PAYER*****46*00001',
    'HL*1**20*1',
    'NM1*85*2*SAMPLE CLINIC*****XX*1234567893',
    'N3*1 MAIN STREET',
    'N4*SPRINGFIELD*IL*627010000',
    'REF*EI*123456789',
  ];
  claims.forEach((c, i) => {
    const spec = Array.isArray(c) ? { segments: c } : c;
    const sbr09 = spec.sbr09 ?? 'MB';
    body.push(`HL*${i + 2}*1*22*0`, `SBR*P*18*******${sbr09}`, `NM1*IL*1*DOE*PAT${i + 1}****MI*MEMBER${i + 1}`, `NM1*PR*2*SAMPLE PAYER*****PI*00001`);
    body.push(...spec.segments);
  });
  const st = ['ST*837*0001*005010X222A1', ...body];
  const segments = [
    ISA.slice(0, -1),
    'GS*HC*HCPCSLSPTEST*PAYER*20260115*0915*101*X*005010X222A1',
    ...st,
    `SE*${st.length + 1}*0001`,
    'GE*1*101',
    'IEA*1*000000101',
  ];
  return segments.map((s) => `${s}~\n`).join('');
}

/** A claim header (CLM + HI) followed by service lines. */
export function claim(id: string, diagnoses: string, ...lines: string[][]): string[] {
  return [`CLM*${id}*100***11:B:1*Y*A*Y*Y`, `HI*${diagnoses}`, ...lines.flatMap((l, i) => [`LX*${i + 1}`, ...l])];
}

export interface RunOptions {
  settings?: Partial<Settings>;
  today?: string;
}

/** A diagnostic whose message is plain text (the rules never send markup). */
export type TextDiagnostic = Diagnostic & { message: string };

/** Diagnostics of one rule (only that rule runs). */
export function run(rule: Rule, text: string, options: RunOptions = {}): TextDiagnostic[] {
  const service = createLanguageService({ codeSet, guides, rules: [rule] });
  const doc = TextDocument.create('file:///test/claim.837', 'x12', 1, text);
  const settings = { ...defaultSettings, ...options.settings };
  return service.validate(doc, settings, { today: options.today ?? '2026-01-15' }).map((d) => {
    assert.equal(typeof d.message, 'string');
    return d as TextDiagnostic;
  });
}

/** The text a diagnostic points at. */
export function at(text: string, d: Diagnostic): string {
  const doc = TextDocument.create('file:///t', 'x12', 1, text);
  return text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end));
}

export function fixesOf(d: Diagnostic): DiagnosticData['fixes'] {
  return (d.data as DiagnosticData | undefined)?.fixes ?? [];
}

/** The text after applying one fix of the diagnostic (by title substring or index). */
export function applyFix(text: string, d: Diagnostic, which: number | string = 0): string {
  const fixes = fixesOf(d);
  const fix = typeof which === 'number' ? fixes[which] : fixes.find((f) => f.title.includes(which));
  assert.ok(fix, `no fix ${String(which)} among: ${fixes.map((f) => f.title).join(' | ')}`);
  return TextDocument.applyEdits(TextDocument.create('file:///t', 'x12', 1, text), fix.edits);
}

/** `text` with the first occurrence of `from` replaced by `to` (asserting it occurs). */
export function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `expected ${JSON.stringify(from)} in the text`);
  return text.replace(from, to);
}
