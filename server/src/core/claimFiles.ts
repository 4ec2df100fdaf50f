/**
 * What a claim file is, in one place: its file extensions (the editor's language contribution in package.json
 * lists the same, a test keeps them in step) and the content sniff for files named otherwise.
 */

/** File extensions of X12 claim files, lower case with the dot. */
export const CLAIM_FILE_EXTENSIONS: readonly string[] = ['.837', '.x12', '.edi'];

/** Whether a file name has a claim-file extension (any case). */
export function hasClaimFileExtension(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0 || dot < Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'))) return false;
  return CLAIM_FILE_EXTENSIONS.includes(fileName.slice(dot).toLowerCase());
}

/** A claim file by content: X12 interchanges start with ISA (after an optional BOM and white space). */
export function isClaimText(text: string): boolean {
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < text.length && i < 4096 && /\s/.test(text[i])) i++;
  return text.startsWith('ISA', i);
}
