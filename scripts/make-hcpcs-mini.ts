/**
 * Writes test/fixtures/hcpcs-mini.txt: the records of a few codes cut unchanged (every physical line, in release
 * order) from the official CMS fixed-width file, plus the file's own trailing blank line, so the parser tests read
 * real CMS records and nothing typed by hand.
 *   npx tsx scripts/make-hcpcs-mini.ts [path/to/HCPC2026_JAN_ANWEB_01122026.txt]
 * The fixture test re-cuts it when ../shared/data is present and expects the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** XU: a modifier with a continuation line; A9604: a procedure with one; C9150: terminated with a cross reference;
 * G9871: the release's one line longer than 320 characters; J9035: a drug (pricing 51). */
export const MINI_CODES = ['XU', 'A9600', 'A9604', 'C9150', 'G9871', 'J9035'];

/** The lines of the wanted codes' records, in the order of the release, joined with CRLF as CMS writes them. */
export function cutHcpcsMini(release: string, codes: readonly string[] = MINI_CODES): string {
  const want = new Set(codes);
  const lines = release.split('\r\n');
  const out: string[] = [];
  for (const line of lines) {
    const ric = line[10];
    const code = ric === '7' || ric === '8' ? line.slice(3, 5) : line.slice(0, 5).trim();
    if (want.has(code) && '3478'.includes(ric ?? '')) out.push(line);
  }
  // the release ends with one line of spaces: kept so the parser's blank-line tolerance runs on the real thing
  const blank = lines.find((l) => l.length > 0 && l.trim() === '');
  if (blank !== undefined) out.push(blank);
  return out.join('\r\n') + '\r\n';
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const shared = process.env.HCPCS_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
  const src = process.argv[2] ?? path.join(shared, 'hcpcs-level2-2026-jan', 'HCPC2026_JAN_ANWEB_01122026.txt');
  const text = fs.readFileSync(src, 'latin1');
  const out = path.join(root, 'test', 'fixtures', 'hcpcs-mini.txt');
  fs.writeFileSync(out, cutHcpcsMini(text), 'latin1');
  console.log(`${path.relative(root, out)}: ${MINI_CODES.join(', ')} from ${path.basename(src)}`);
}

if (require.main === module) main();
