import type { z } from 'zod';
import type { Span } from '../core/span';
import type { Guide, GuideIndex } from './types';
import { guideSchema, type GuideData } from './schema';
import { bundledGuideFiles, type BundledGuideFile } from './bundled';
import { parseJsonWithPositions, spanAtPath, type JsonNode } from './jsonPositions';
import { workspacePatternProblem } from './patterns';

/** A workspace guide file as read from disk (`.hcpcs/guides/*.json`); the loader itself does no I/O. */
export interface RawGuideFile {
  /** Shown in messages and used to attach diagnostics; a workspace-relative path or a URI. */
  fileName: string;
  text: string;
}

/** A problem in a guide file. Workspace files carry the span of the bad field in that file's text. */
export interface GuideDiagnostic {
  fileName: string;
  /** JSON path of the field: ["documentation", 1, "patterns", 0]. Empty for the whole file. */
  path: (string | number)[];
  /** The same path as text: "documentation[1].patterns[0]". Not repeated in `message`: show both. */
  pathText: string;
  message: string;
  severity: 'error' | 'warning';
  /** Offsets into the workspace file's text; absent for bundled files. */
  span?: Span;
}

export interface LoadGuidesResult {
  guides: GuideIndex;
  diagnostics: GuideDiagnostic[];
}

export interface LoadGuidesOptions {
  /** The bundled guides (default: the ones in data/guides). Tests pass their own or []. */
  bundled?: readonly BundledGuideFile[];
}

export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out ? `.${String(step)}` : String(step);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `missing required field "${String(issue.path[issue.path.length - 1])}"`;
  return issue.message;
}

interface Validated {
  guides: { guide: GuideData; path: (string | number)[] }[];
  diagnostics: GuideDiagnostic[];
}

/** Validates one file's parsed content: one guide object or a list of them. */
function validate(fileName: string, value: unknown, root: JsonNode | undefined): Validated {
  const diagnostics: GuideDiagnostic[] = [];
  const guides: Validated['guides'] = [];
  const entries: { data: unknown; path: (string | number)[] }[] = Array.isArray(value)
    ? value.map((data, i) => ({ data, path: [i] }))
    : [{ data: value, path: [] }];
  for (const { data, path: base } of entries) {
    const parsed = guideSchema.safeParse(data);
    if (parsed.success) {
      guides.push({ guide: parsed.data, path: base });
      continue;
    }
    const code = (data as { code?: unknown } | null)?.code;
    const prefix = typeof code === 'string' ? `guide ${code}: ` : '';
    for (const issue of parsed.error.issues) {
      const objectPath = [...base, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
      const path = issue.code === 'unrecognized_keys' ? [...objectPath, issue.keys[0]] : objectPath;
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      let span: Span | undefined;
      if (root) {
        // Unknown key: the key itself. Missing field: the "code" key of its guide, or the object's opening brace.
        if (issue.code === 'unrecognized_keys') span = spanAtPath(root, path, { key: true });
        else if (missing) span = missingFieldSpan(root, objectPath.slice(0, -1), base);
        else span = spanAtPath(root, path);
      }
      diagnostics.push({
        fileName,
        path,
        pathText: formatJsonPath(path),
        message: `${prefix}${issueMessage(issue)}; this guide was not loaded${
          prefix ? ' (the bundled guide, if any, stays in use)' : ''
        }`,
        severity: 'error',
        span,
      });
    }
  }
  return { guides, diagnostics };
}

function missingFieldSpan(root: JsonNode, objectPath: (string | number)[], guidePath: (string | number)[]): Span {
  const object = spanAtPath(root, objectPath);
  if (objectPath.length === guidePath.length) {
    const codeKey = spanAtPath(root, [...guidePath, 'code'], { key: true });
    if (codeKey.offset !== object.offset) return codeKey;
  }
  return { offset: object.offset, length: 1 };
}

/**
 * A workspace guide's patterns run on the linear-time engine (guides/patterns.ts); one it cannot run is refused
 * at its field, and the guide is not loaded (the bundled one, if any, stays in use).
 */
function refusedPatterns(fileName: string, guide: GuideData, base: (string | number)[], root: JsonNode | undefined): GuideDiagnostic[] {
  const out: GuideDiagnostic[] = [];
  const check = (source: string, path: (string | number)[]) => {
    const problem = workspacePatternProblem(source);
    if (!problem) return;
    const full = [...base, ...path];
    out.push({
      fileName,
      path: full,
      pathText: formatJsonPath(full),
      message: `guide ${guide.code}: ${problem}; this guide was not loaded (the bundled guide, if any, stays in use)`,
      severity: 'error',
      span: root ? spanAtPath(root, full) : undefined,
    });
  };
  guide.documentation?.forEach((req, i) => req.patterns.forEach((p, j) => check(p, ['documentation', i, 'patterns', j])));
  guide.contraindications?.forEach((ci, i) => {
    ci.patterns.forEach((p, j) => check(p, ['contraindications', i, 'patterns', j]));
    ci.labs?.forEach((lab, k) => check(lab.name, ['contraindications', i, 'labs', k, 'name']));
  });
  return out;
}

function keyOf(item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return typeof item === 'string' ? `s:${item}` : undefined;
  const o = item as Record<string, unknown>;
  for (const k of ['id', 'modifier', 'code', 'payer'] as const) if (typeof o[k] === 'string') return `${k}:${o[k]}`;
  return undefined;
}

/** Lists: items with the same key (id, modifier, code, payer, or the same text) replace; others are added. */
function mergeList<T>(base: readonly T[] | undefined, extra: readonly T[] | undefined): T[] | undefined {
  if (!extra) return base ? [...base] : undefined;
  if (!base) return [...extra];
  const out = [...base];
  for (const item of extra) {
    const key = keyOf(item);
    const at = key === undefined ? -1 : out.findIndex((b) => keyOf(b) === key);
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return out;
}

const LIST_FIELDS = [
  'indications',
  'contraindications',
  'commonModifiers',
  'documentation',
  'denialReasons',
  'commercialConsiderations',
  'payerPolicies',
  'similarCodes',
  'supportingDiagnoses',
] as const;

/** A workspace guide on top of a bundled one ("extend"): scalars and requiredDiagnoses override, lists merge. */
export function mergeGuides(base: Guide, extra: GuideData, source: string): Guide {
  const { $schema: _s, mode: _m, ...rest } = extra;
  const merged: Guide = { ...base, ...rest, title: extra.title ?? base.title };
  for (const field of LIST_FIELDS) {
    const value = mergeList(base[field] as unknown[] | undefined, extra[field] as unknown[] | undefined);
    if (value) (merged as Record<string, unknown>)[field] = value;
  }
  merged.source = base.source ? `${base.source} + ${source}` : source;
  return merged;
}

function toGuide(data: GuideData & { title: string }, source: string): Guide {
  const { $schema: _s, mode: _m, ...rest } = data;
  return { ...rest, source };
}

class MapGuideIndex implements GuideIndex {
  private readonly list: readonly Guide[];
  constructor(private readonly map: ReadonlyMap<string, Guide>) {
    this.list = [...map.values()].sort((a, b) => a.code.localeCompare(b.code));
  }
  get(code: string): Guide | undefined {
    return this.map.get(code.trim().toUpperCase());
  }
  all(): readonly Guide[] {
    return this.list;
  }
}

const bundledCache = new WeakMap<readonly BundledGuideFile[], Validated>();

function validateBundled(bundled: readonly BundledGuideFile[]): Validated {
  let cached = bundledCache.get(bundled);
  if (!cached) {
    const all: Validated = { guides: [], diagnostics: [] };
    for (const file of bundled) {
      const v = validate(file.fileName, file.data, undefined);
      all.guides.push(...v.guides);
      all.diagnostics.push(...v.diagnostics);
    }
    cached = all;
    bundledCache.set(bundled, cached);
  }
  return cached;
}

/**
 * Builds the guide index: the bundled guides, then the workspace files in the order given (sort them by name
 * for a stable result). A workspace guide extends the guide already there for its code (or replaces it with
 * `"mode": "replace"`). A file that fails to parse or fails the schema gets diagnostics at the field; its
 * broken guides are skipped and everything else keeps working.
 */
export function loadGuides(workspaceFiles: readonly RawGuideFile[], options: LoadGuidesOptions = {}): LoadGuidesResult {
  const bundled = validateBundled(options.bundled ?? bundledGuideFiles);
  const diagnostics: GuideDiagnostic[] = [...bundled.diagnostics];
  const map = new Map<string, Guide>();
  for (const { guide } of bundled.guides) {
    const existing = map.get(guide.code);
    if (existing) map.set(guide.code, mergeGuides(existing, guide, 'bundled'));
    else if (guide.title !== undefined) map.set(guide.code, toGuide({ ...guide, title: guide.title }, 'bundled'));
  }

  for (const file of workspaceFiles) {
    const parsed = parseJsonWithPositions(file.text);
    if (parsed.error) {
      diagnostics.push({
        fileName: file.fileName,
        path: [],
        pathText: '',
        message: `not valid JSON: ${parsed.error.message}; this file's guides were not loaded`,
        severity: 'error',
        span: { offset: parsed.error.offset, length: parsed.error.offset < file.text.length ? 1 : 0 },
      });
      continue;
    }
    const v = validate(file.fileName, parsed.value, parsed.root);
    diagnostics.push(...v.diagnostics);
    for (const { guide, path } of v.guides) {
      const refused = refusedPatterns(file.fileName, guide, path, parsed.root);
      if (refused.length > 0) {
        diagnostics.push(...refused);
        continue;
      }
      const existing = map.get(guide.code);
      if (existing && guide.mode !== 'replace') {
        map.set(guide.code, mergeGuides(existing, guide, file.fileName));
      } else if (guide.title !== undefined) {
        map.set(guide.code, toGuide({ ...guide, title: guide.title }, file.fileName));
      } else {
        diagnostics.push({
          fileName: file.fileName,
          path: [...path, 'title'],
          pathText: formatJsonPath([...path, 'title']),
          message: `guide ${guide.code}: missing "title": a guide that ${
            existing ? 'replaces the bundled one' : 'has no bundled guide to extend'
          } needs a title; this guide was not loaded`,
          severity: 'error',
          span: parsed.root ? missingFieldSpan(parsed.root, path, path) : undefined,
        });
      }
    }
  }
  return { guides: new MapGuideIndex(map), diagnostics };
}

/** The bundled guides alone (validated once); what the server uses before the workspace is read. */
export function bundledGuides(): GuideIndex {
  return loadGuides([]).guides;
}
