import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNoteFile } from '../../../server/src/guides/noteFiles';
import { defaultSettings } from '../../../server/src/core/settings';

const include = defaultSettings.notes.include;

test('default globs: notes folders and *.note.md are notes; a README is not', () => {
  assert.equal(isNoteFile('/srv/clinic/notes/2026-01-05.md', include), true);
  assert.equal(isNoteFile('/srv/clinic/visit.note.md', include), true);
  assert.equal(isNoteFile('/srv/clinic/visit.note.txt', include), true);
  assert.equal(isNoteFile('/srv/clinic/README.md', include), false);
  assert.equal(isNoteFile('/srv/clinic/docs/billing.md', include), false);
});

test('URIs and Windows paths', () => {
  assert.equal(isNoteFile('file:///users/a/notes/x.md', include), true);
  assert.equal(isNoteFile('file:///c%3A/Users/a/notes/x.md', include), true);
  assert.equal(isNoteFile('C:\\Users\\a\\notes\\x.md', include), true);
  assert.equal(isNoteFile('file:///users/a/README.md', include), false);
});

test('globs relative to a workspace folder, and bare file-name globs', () => {
  assert.equal(isNoteFile('/ws/clinical/a.md', ['clinical/**'], ['/ws']), true);
  assert.equal(isNoteFile('/ws/clinical/a.md', ['clinical/**'], ['file:///ws/']), true);
  assert.equal(isNoteFile('/other/clinical/a.md', ['clinical/**'], ['/ws']), false);
  assert.equal(isNoteFile('/ws/deep/x/visit.note', ['*.note'], []), true);
  assert.equal(isNoteFile('/ws/notes/a.md', [], ['/ws']), false);
});
