/**
 * Which files are clinical notes (documentation rules run on them): the `hcpcs.notes.include` globs, matched
 * against the path relative to each workspace folder and against the full path, so `**\/notes/**` and
 * `*.note.md` both work and an ordinary README that mentions a code stays quiet.
 */
import picomatch from 'picomatch';

const cache = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\u0000');
  let m = cache.get(key);
  if (!m) {
    // A bare "*.note.md" means "anywhere", as in .gitignore: match it against the file name too.
    const isMatch = picomatch([...globs], { dot: true });
    const bare = globs.filter((g) => !g.includes('/'));
    const isNameMatch = bare.length ? picomatch(bare, { dot: true }) : () => false;
    m = (path: string) => isMatch(path) || isNameMatch(path.slice(path.lastIndexOf('/') + 1));
    if (cache.size > 32) cache.clear();
    cache.set(key, m);
  }
  return m;
}

/** A file:// URI or a path -> a path with forward slashes. */
function toSlashPath(uriOrPath: string): string {
  let p = uriOrPath;
  if (/^file:\/\//i.test(p)) {
    p = decodeURIComponent(p.replace(/^file:\/\//i, ''));
    if (/^\/[A-Za-z]:/.test(p)) p = p.slice(1); // file:///c:/... -> c:/...
  }
  return p.replace(/\\/g, '/');
}

/**
 * True when the document is a clinical note according to the include globs.
 * @param uriOrPath the document's file:// URI or file system path
 * @param include `settings.notes.include`
 * @param workspaceFolders workspace folder paths or URIs; globs are matched relative to them too
 */
export function isNoteFile(uriOrPath: string, include: readonly string[], workspaceFolders: readonly string[] = []): boolean {
  if (include.length === 0) return false;
  const path = toSlashPath(uriOrPath);
  const isMatch = matcher(include);
  if (isMatch(path)) return true;
  const lower = path.toLowerCase();
  for (const folder of workspaceFolders) {
    const root = toSlashPath(folder).replace(/\/+$/, '');
    if (!root) continue;
    // Case-insensitive prefix check: Windows paths differ in drive-letter case between client and server.
    if (lower.startsWith(`${root.toLowerCase()}/`) && isMatch(path.slice(root.length + 1))) return true;
  }
  return false;
}
