import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trimmed } from '../../../server/src/core/trimmedArrays';
import { LineIndex } from '../../../server/src/core/text';
import { parseX12 } from '../../../server/src/parse/x12';

test('trimmed: a copy of exactly count values when more than an eighth is unused, else a view', () => {
  const a = Int32Array.from({ length: 100 }, (_, i) => i);
  const copy = trimmed(a, 50);
  assert.deepEqual([...copy], [...a.subarray(0, 50)]);
  assert.equal(copy.buffer.byteLength, 50 * 4, 'its own buffer, the large one can be freed');
  const view = trimmed(a, 95);
  assert.equal(view.length, 95);
  assert.equal(view.buffer, a.buffer, 'a view: copying 5 spare slots is not worth it');
  assert.equal(trimmed(new Uint16Array(8), 0).length, 0);
});

test('the segment table and line index hold no more room than they use', () => {
  const isa = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250101*1200*^*00501*000000001*0*P*:~';
  const text = [isa, 'GS*HC*S*R*20250101*1200*1*X*005010X222A1~', 'ST*837*0001*005010X222A1~', ...Array.from({ length: 200 }, (_, i) => `NTE*ADD*${'long note text '.repeat(8)}${i}~`), 'SE*203*0001~', 'GE*1*1~', 'IEA*1*000000001~'].join('\n');
  const doc = parseX12(text);
  assert.equal(doc.segments.starts.buffer.byteLength, doc.segments.count * 4);
  const lines = new LineIndex(text);
  assert.equal(lines.lineStarts.length, 206);
  assert.equal(lines.lineStarts.buffer.byteLength, 206 * 4);
});
