import type { Span } from '../core/span';

/**
 * A small JSON parser that remembers where every value and key sits in the text, so a schema problem in a
 * workspace guide file can be shown at the field. Accepts `//` and `/* *\/` comments (VS Code edits these files
 * as JSON with comments) and never throws: a syntax error comes back with its offset.
 */
export type JsonNode =
  | { type: 'object'; span: Span; properties: JsonProperty[] }
  | { type: 'array'; span: Span; items: JsonNode[] }
  | { type: 'string' | 'number' | 'boolean' | 'null'; span: Span };

export interface JsonProperty {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

export interface JsonParseResult {
  value?: unknown;
  root?: JsonNode;
  error?: { message: string; offset: number };
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Objects and arrays nested deeper than this are a syntax error: the parser recurses, and a guide nested 200,000
 * deep overflowed the stack during initialize (issue 15). A real guide nests 5 levels.
 */
export const MAX_JSON_DEPTH = 64;

export function parseJsonWithPositions(text: string): JsonParseResult {
  let pos = 0;
  let depth = 0;

  function fail(message: string, at = pos): never {
    throw new JsonSyntaxError(message, Math.min(at, text.length));
  }

  function skipTrivia(): void {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
        pos++;
      } else if (c === 47 /* / */ && text.charCodeAt(pos + 1) === 47) {
        while (pos < text.length && text[pos] !== '\n') pos++;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 42 /* * */) {
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated comment');
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  function parseString(): { value: string; span: Span } {
    const start = pos;
    pos++; // opening quote
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string', start);
      const ch = text[pos];
      if (ch === '"') {
        pos++;
        return { value: out, span: { offset: start, length: pos - start } };
      }
      if (ch === '\n' || ch === '\r') fail('line break inside a string');
      if (ch === '\\') {
        const esc = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc in simple) {
          out += simple[esc];
          pos += 2;
        } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else {
          fail('invalid escape in string');
        }
      } else {
        out += ch;
        pos++;
      }
    }
  }

  function parseValue(): { value: unknown; node: JsonNode } {
    skipTrivia();
    const start = pos;
    const ch = text[pos];
    if ((ch === '{' || ch === '[') && depth >= MAX_JSON_DEPTH) fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (ch === '{') {
      depth++;
      pos++;
      const properties: JsonProperty[] = [];
      const value: Record<string, unknown> = {};
      skipTrivia();
      if (text[pos] === '}') {
        pos++;
      } else {
        for (;;) {
          skipTrivia();
          if (text[pos] !== '"') fail('expected a property name in double quotes');
          const key = parseString();
          skipTrivia();
          if (text[pos] !== ':') fail("expected ':' after the property name");
          pos++;
          const v = parseValue();
          properties.push({ key: key.value, keySpan: key.span, value: v.node });
          value[key.value] = v.value;
          skipTrivia();
          if (text[pos] === ',') {
            pos++;
            continue;
          }
          if (text[pos] === '}') {
            pos++;
            break;
          }
          fail("expected ',' or '}'");
        }
      }
      depth--;
      return { value, node: { type: 'object', span: { offset: start, length: pos - start }, properties } };
    }
    if (ch === '[') {
      depth++;
      pos++;
      const items: JsonNode[] = [];
      const value: unknown[] = [];
      skipTrivia();
      if (text[pos] === ']') {
        pos++;
      } else {
        for (;;) {
          const v = parseValue();
          items.push(v.node);
          value.push(v.value);
          skipTrivia();
          if (text[pos] === ',') {
            pos++;
            continue;
          }
          if (text[pos] === ']') {
            pos++;
            break;
          }
          fail("expected ',' or ']'");
        }
      }
      depth--;
      return { value, node: { type: 'array', span: { offset: start, length: pos - start }, items } };
    }
    if (ch === '"') {
      const s = parseString();
      return { value: s.value, node: { type: 'string', span: s.span } };
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 64));
    if (num) {
      pos += num[0].length;
      return { value: Number(num[0]), node: { type: 'number', span: { offset: start, length: num[0].length } } };
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { value, node: { type: value === null ? 'null' : 'boolean', span: { offset: start, length: word.length } } };
      }
    }
    if (pos >= text.length) fail('unexpected end of file');
    return fail('expected a JSON value');
  }

  try {
    const { value, node } = parseValue();
    skipTrivia();
    if (pos < text.length) fail('unexpected text after the JSON value');
    return { value, root: node };
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { error: { message: err.message, offset: err.offset } };
    throw err;
  }
}

/**
 * The span for a JSON path: the value at the path when it exists; for a missing key, the object that should
 * hold it (so "required field missing" points at the object). `key: true` returns the key instead of the value.
 */
export function spanAtPath(root: JsonNode, path: readonly PropertyKey[], options: { key?: boolean } = {}): Span {
  let node = root;
  let keySpan: Span | undefined;
  for (const step of path) {
    if (node.type === 'object' && typeof step === 'string') {
      const prop = [...node.properties].reverse().find((p) => p.key === step);
      if (!prop) return node.span;
      node = prop.value;
      keySpan = prop.keySpan;
    } else if (node.type === 'array' && typeof step === 'number' && step >= 0 && step < node.items.length) {
      node = node.items[step];
      keySpan = undefined;
    } else {
      return node.span;
    }
  }
  return options.key && keySpan ? keySpan : node.span;
}
