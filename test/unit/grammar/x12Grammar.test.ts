/**
 * The X12 TextMate grammar: every pattern compiles, and on a claim line the scopes land on the segment id, the
 * HCPCS composite (qualifier, code, modifiers), qualifiers, dates and delimiters. (JavaScript's regex engine
 * stands in for Oniguruma here; the grammar uses only syntax both share.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Pattern {
  match?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
}
const grammar = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'syntaxes', 'x12.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  repository: Record<string, Pattern>;
};

function regex(name: string): RegExp {
  const source = grammar.repository[name].match!.replace(/\\uFEFF/g, '\\uFEFF');
  return new RegExp(source, 'g');
}

test('the grammar is for source.x12 and every pattern compiles', () => {
  assert.equal(grammar.scopeName, 'source.x12');
  for (const name of Object.keys(grammar.repository)) assert.doesNotThrow(() => regex(name), name);
});

test('a service line gets its segment id, HCPCS code and modifiers scoped', () => {
  const line = 'SV1*HC:A9600:JW:59*1850*UN*4***1~';
  const composite = regex('hcpcs-composite').exec(line);
  assert.ok(composite);
  assert.equal(composite[1], 'HC');
  assert.equal(composite[3], 'A9600');
  assert.equal(composite[4], ':JW:59');
  const id = regex('segment-id').exec(line);
  assert.equal(id?.[2], 'SV1');
});

test('qualifiers, dates and diagnosis codes are recognised whatever the separator', () => {
  assert.deepEqual('DTP*472*D8*20260110~'.match(regex('date')), ['20260110']);
  assert.deepEqual('HI|ABK^C7951|ABF^C61~'.match(regex('icd10')), ['C7951', 'C61']);
  assert.ok(regex('qualifier').test('SBR*P*18*******MB~'));
});
