/**
 * Reading a file a setting or a workspace folder names (guides, the CPT descriptor file, rules-off.json, tables in
 * user storage), safely: only a regular file is read, up to a size limit. A named pipe used to hang initialize
 * and the CLI forever, /dev/zero grew memory past 3 GB, and a 100 MB guide took 25 s and 3.2 GB (issue 15).
 *
 * The file is opened non-blocking (opening a pipe then returns at once instead of waiting for a writer), its
 * type and size are taken from the open descriptor (no window between a check and the read), and no more than
 * the limit is read even if the file grows meanwhile. Never throws; the error is a sentence naming the file.
 */
import * as fs from 'node:fs';

export type SafeRead = { ok: true; bytes: Buffer } | { ok: false; error: string; missing?: boolean };

/** Sizes in messages: "2 MB", "64 KB". */
function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function readRegularFile(file: string, maxBytes: number, label = file): SafeRead {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { ok: false, error: `${label}: file not found`, missing: true };
    if (err.code === 'EISDIR') return { ok: false, error: `${label}: is a folder, not a file` };
    return { ok: false, error: `${label}: cannot be opened (${err.code ?? err.message})` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, error: `${label}: is a folder, not a file` };
    if (!stat.isFile()) return { ok: false, error: `${label}: not a regular file (a pipe, socket or device is never read)` };
    if (stat.size > maxBytes) return { ok: false, error: `${label}: ${size(stat.size)} is over the ${size(maxBytes)} limit for this file; not read` };
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) return { ok: false, error: `${label}: grew past the ${size(maxBytes)} limit while being read; not read` };
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, error: `${label}: cannot be read (${err.code ?? err.message})` };
  } finally {
    fs.closeSync(fd);
  }
}

/** The same, decoded as UTF-8 (a byte-order mark is kept; the parsers skip it). */
export function readRegularTextFile(file: string, maxBytes: number, label = file): { ok: true; text: string } | { ok: false; error: string; missing?: boolean } {
  const read = readRegularFile(file, maxBytes, label);
  return read.ok ? { ok: true, text: read.bytes.toString('utf8') } : read;
}

/** Limits per kind of file: far above any real one, far below what freezes or exhausts the server. */
export const FILE_LIMITS = {
  /** A billing guide (the bundled ones are under 40 KB). */
  guide: 1024 * 1024,
  /** The user's CPT descriptor CSV (the full licensed list with long descriptors is about 10 MB). */
  cptDescriptors: 64 * 1024 * 1024,
  /** `.hcpcs/rules-off.json`. */
  rulesOff: 1024 * 1024,
  /** A code table or manifest (the bundled HCPCS table is about 2 MB, ICD-10-CM about 6 MB). */
  table: 256 * 1024 * 1024,
} as const;
