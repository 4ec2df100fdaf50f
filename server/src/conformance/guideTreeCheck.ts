/**
 * The loop tree of an implementation-guide table (data/x12/<guide>.json `root`) checked by one plain walk, inside
 * the table's zod schema (conformance/schema.ts, a superRefine): the same rules the nested zod objects checked
 * (every key known, types, integers, usage R/S/N, segment ids, syntax notes), each issue with its exact path, e.g.
 * ["root", "items", 3, "els", 0, "usage"].
 *
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark): nested zod
 * objects, a union per loop item and a lazy schema per element took about 40 ms for the 837P table's 3,800
 * elements on a cold start; this walk takes a few.
 */
import type { GuideLoop } from './schema';

export type Issue = (path: (string | number)[], message: string) => void;

const LOOP_KEYS = new Set(['loop', 'name', 'usage', 'pos', 'repeat', 'type', 'items']);
const SEGMENT_KEYS = new Set(['seg', 'name', 'usage', 'pos', 'max', 'syntax', 'els']);
const ELEMENT_KEYS = new Set(['seq', 'ele', 'name', 'usage', 'codes', 'ext', 'regex', 'comps', 'repeat']);
const SEGMENT_ID = /^[A-Z0-9]{2,3}$/;
const SYNTAX_NOTE = /^[PRCEL]\d{4,}$/;
/** Loops and composites nest about 6 deep in the HIPAA guides; a table deeper than this is damaged. */
const MAX_DEPTH = 64;
/** Issues after this many are not collected (one damaged table could otherwise give thousands). */
const MAX_ISSUES = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Reports every issue of `root` (up to MAX_ISSUES) through `issue`; nothing when it is a sound GuideLoop. */
export function checkGuideTree(root: unknown, issue: Issue): root is GuideLoop {
  let count = 0;
  const report = (path: (string | number)[], message: string) => {
    if (count++ < MAX_ISSUES) issue(path, message);
  };
  const object = (v: unknown, path: (string | number)[], keys: ReadonlySet<string>, what: string): v is Record<string, unknown> => {
    if (!isObject(v)) {
      report(path, `expected ${what} (an object), found ${kind(v)}`);
      return false;
    }
    for (const k in v) if (!keys.has(k)) report([...path, k], `unknown key "${k}" in ${what}`);
    return true;
  };
  const string = (o: Record<string, unknown>, key: string, path: (string | number)[], optional = false, nonEmpty = false) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string') report([...path, key], `expected a string, found ${kind(v)}`);
    else if (nonEmpty && v === '') report([...path, key], 'must not be empty');
  };
  const integer = (o: Record<string, unknown>, key: string, path: (string | number)[], optional = false, min?: number) => {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) report([...path, key], `expected an integer, found ${typeof v === 'number' ? v : kind(v)}`);
    else if (min !== undefined && v < min) report([...path, key], `must be at least ${min}`);
  };
  const usage = (o: Record<string, unknown>, path: (string | number)[]) => {
    const v = o.usage;
    if (v !== 'R' && v !== 'S' && v !== 'N') report([...path, 'usage'], `expected one of R, S, N, found ${typeof v === 'string' ? `"${v}"` : kind(v)}`);
  };
  const array = (o: Record<string, unknown>, key: string, path: (string | number)[], optional = false): unknown[] | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!Array.isArray(v)) {
      report([...path, key], `expected an array, found ${kind(v)}`);
      return undefined;
    }
    return v;
  };
  const strings = (o: Record<string, unknown>, key: string, path: (string | number)[], pattern?: RegExp) => {
    const list = array(o, key, path, true);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      if (typeof s !== 'string') report([...path, key, i], `expected a string, found ${kind(s)}`);
      else if (pattern && !pattern.test(s)) report([...path, key, i], `"${s}" does not match ${pattern}`);
    }
  };

  const element = (e: unknown, path: (string | number)[], depth: number): void => {
    if (!object(e, path, ELEMENT_KEYS, 'an element')) return;
    integer(e, 'seq', path, false, 1);
    string(e, 'ele', path, false, true);
    string(e, 'name', path);
    usage(e, path);
    strings(e, 'codes', path);
    string(e, 'ext', path, true);
    string(e, 'regex', path, true);
    integer(e, 'repeat', path, true);
    const comps = array(e, 'comps', path, true);
    if (!comps) return;
    if (depth >= MAX_DEPTH) return report([...path, 'comps'], `nested deeper than ${MAX_DEPTH} levels`);
    for (let i = 0; i < comps.length; i++) element(comps[i], [...path, 'comps', i], depth + 1);
  };

  const segment = (s: Record<string, unknown>, path: (string | number)[]): void => {
    if (!object(s, path, SEGMENT_KEYS, 'a segment')) return;
    if (typeof s.seg !== 'string' || !SEGMENT_ID.test(s.seg)) report([...path, 'seg'], `expected a segment id of 2 or 3 capitals or digits, found ${typeof s.seg === 'string' ? `"${s.seg}"` : kind(s.seg)}`);
    string(s, 'name', path);
    usage(s, path);
    integer(s, 'pos', path);
    integer(s, 'max', path);
    strings(s, 'syntax', path, SYNTAX_NOTE);
    const els = array(s, 'els', path);
    if (els) for (let i = 0; i < els.length; i++) element(els[i], [...path, 'els', i], 1);
  };

  const loop = (l: unknown, path: (string | number)[], depth: number): void => {
    if (!object(l, path, LOOP_KEYS, 'a loop')) return;
    string(l, 'loop', path, false, true);
    string(l, 'name', path);
    usage(l, path);
    integer(l, 'pos', path);
    integer(l, 'repeat', path);
    if (l.type !== undefined && l.type !== 'wrapper' && l.type !== 'explicit') report([...path, 'type'], 'expected "wrapper" or "explicit"');
    const items = array(l, 'items', path);
    if (!items) return;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      const at = [...path, 'items', i];
      // a loop item names its loop; anything else must be a segment
      if (isObject(it) && 'loop' in it) {
        if (depth >= MAX_DEPTH) report(at, `nested deeper than ${MAX_DEPTH} levels`);
        else loop(it, at, depth + 1);
      } else if (isObject(it)) segment(it, at);
      else report(at, `expected a segment or a loop (an object), found ${kind(it)}`);
    }
  };

  loop(root, [], 1);
  return count === 0;
}
