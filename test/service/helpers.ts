/**
 * Service-level test helpers: a language service over the small fixture code set and the bundled guides, fixture
 * files with a `$0` cursor marker, and readable snapshots beside the fixtures (refresh: UPDATE_SNAPSHOTS=1).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../../server/src/service';
import { bundledGuides } from '../../server/src/guides/loader';
import { fixtureCodeSet } from '../fixtures/codeset';

export const fixturesDir = path.join(__dirname, '..', 'fixtures');
export const serviceFixtures = path.join(fixturesDir, 'service');
export const claimFixtures = path.join(fixturesDir, 'claims');

let service: LanguageService | undefined;
export function languageService(): LanguageService {
  service ??= createLanguageService({ codeSet: fixtureCodeSet(), guides: bundledGuides() });
  return service;
}

let version = 0;
export function claimDocument(text: string, name = 'test.837'): TextDocument {
  return TextDocument.create(`file:///fixtures/${name}`, 'x12', ++version, text);
}

export function readClaim(name: string): string {
  return fs.readFileSync(path.join(claimFixtures, name), 'utf8');
}

/** Offset of the `$0` cursor marker, and the text without it. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const offset = textWithMarker.indexOf('$0');
  if (offset < 0) throw new Error('fixture has no $0 cursor marker');
  return { text: textWithMarker.slice(0, offset) + textWithMarker.slice(offset + 2), offset };
}

/** Compare with a snapshot file (written when UPDATE_SNAPSHOTS=1 or when it does not exist yet). */
export function matchSnapshot(file: string, actual: string): void {
  const normalized = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, normalized);
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(normalized, expected, `snapshot ${path.relative(fixturesDir, file)} differs (UPDATE_SNAPSHOTS=1 to refresh)`);
}

/** Apply LSP text edits to a document's text (edits may come in any order; they must not overlap). */
export function applyEdits(doc: TextDocument, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(doc, [...edits]);
}
