import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureCodeSet } from '../../../fixtures/codeset';
import { bundledGuides } from '../../../../server/src/guides/loader';
import { defaultSettings } from '../../../../server/src/core/settings';
import { scanNote } from '../../../../server/src/parse/note';
import type { Finding, NoteContext, Rule } from '../../../../server/src/rules/types';
import type { GuideIndex } from '../../../../server/src/guides/types';

export const codeSet = fixtureCodeSet();

export function noteFixture(name: string): string {
  return readFileSync(join(__dirname, '..', '..', '..', 'fixtures', 'notes', name), 'utf8');
}

export function noteContext(text: string, guides: GuideIndex = bundledGuides()): NoteContext {
  return { text, note: scanNote(text, codeSet), codeSet, guides, settings: defaultSettings, today: '2026-02-10' };
}

export function run(rule: Rule, text: string, guides?: GuideIndex): Finding[] {
  return rule.checkNote!(noteContext(text, guides));
}

export function at(text: string, f: { span: { offset: number; length: number } }): string {
  return text.slice(f.span.offset, f.span.offset + f.span.length);
}
