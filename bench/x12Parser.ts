/** The yardstick every figure is divided by: x12-parser's parse of the same text, in the same run. */
import { Readable } from 'node:stream';
import { X12parser } from 'x12-parser';

/** x12-parser is a Transform stream: feed it the text in 64 KB chunks and count the segments it emits. */
export function x12ParserParse(text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const parser = new X12parser();
    let count = 0;
    parser.on('data', () => void count++);
    parser.on('end', () => resolve(count));
    parser.on('error', reject);
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65536) chunks.push(text.slice(i, i + 65536));
    Readable.from(chunks).pipe(parser);
  });
}

/** Median of `runs` parses (a full GC before each when --expose-gc is on). */
export async function x12ParserMs(text: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await x12ParserParse(text);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times.length % 2 ? times[(times.length - 1) >> 1] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
}
