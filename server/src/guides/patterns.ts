/**
 * Guide patterns, compiled once per source, matched case-insensitively against note text.
 *
 * Which engine runs a pattern (issue 15, item 2: a workspace guide with `(a+)+$` froze the server and
 * `hcpcs-check` for over a minute on a 32-character note):
 *  - a pattern of a bundled guide runs on V8's own engine. Those patterns are reviewed here and tested to stay
 *    linear on adversarial text (test/robustness/guidePatterns.test.ts);
 *  - every other pattern (a workspace guide's) runs on re2js, a linear-time engine (a pure-JavaScript port of
 *    RE2, so it works in the extension host and the CLI alike, with no native binary). Matching time grows
 *    with the text, never exponentially with the pattern, so no pattern a workspace brings can freeze anything.
 *    A linear engine was chosen over rejecting "catastrophic" patterns because no detector of catastrophic
 *    patterns is complete (the quadratic ones pass most of them), and over a time budget because a JavaScript
 *    regular expression cannot be interrupted once it runs. What RE2 cannot do in linear time (look-ahead,
 *    look-behind, back-references) is refused when the guide loads, with a `guides/schema` finding at the field.
 *
 * Speed trick (the compile cache): figure it protects, notes validation of a 20 KB note under 20 ms.
 */
import { RE2JS } from 're2js';
import { bundledGuideFiles } from './bundled';

export interface PatternMatch {
  index: number;
  end: number;
}

export interface GuidePattern {
  /** The first non-empty match starting at or after `from`, or undefined. */
  next(text: string, from: number): PatternMatch | undefined;
}

class NativePattern implements GuidePattern {
  constructor(private readonly re: RegExp) {}
  next(text: string, from: number): PatternMatch | undefined {
    const re = this.re;
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length > 0) return { index: m.index, end: m.index + m[0].length };
      re.lastIndex++;
    }
    return undefined;
  }
}

class LinearPattern implements GuidePattern {
  private lastText: string | undefined;
  private matcher: ReturnType<RE2JS['matcher']> | undefined;
  constructor(private readonly re: RE2JS) {}
  next(text: string, from: number): PatternMatch | undefined {
    if (this.lastText !== text || !this.matcher) {
      this.matcher = this.re.matcher(text);
      this.lastText = text;
    }
    const m = this.matcher;
    for (let at = from; at <= text.length && m.find(at); ) {
      const index = m.start();
      const end = m.end();
      if (end > index) return { index, end };
      at = index + 1;
    }
    return undefined;
  }
}

let bundledSources: Set<string> | undefined;

/** Every pattern of the bundled guides (documentation, contraindication and lab patterns). */
export function bundledPatternSources(): ReadonlySet<string> {
  if (!bundledSources) {
    const sources = new Set<string>();
    const walk = (value: unknown, key: string | undefined): void => {
      if (Array.isArray(value)) {
        for (const item of value) {
          if (key === 'patterns' && typeof item === 'string') sources.add(item);
          else walk(item, key);
        }
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (key === 'labs' && k === 'name' && typeof v === 'string') sources.add(v);
          else walk(v, k);
        }
      }
    };
    for (const file of bundledGuideFiles) walk(file.data, undefined);
    bundledSources = sources;
  }
  return bundledSources;
}

function compileLinear(source: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(source), RE2JS.CASE_INSENSITIVE);
}

/**
 * Why a pattern that is not bundled cannot be used, or undefined when it can. Shown at the guide field, after
 * "not a valid regular expression" has been ruled out by the schema.
 */
export function workspacePatternProblem(source: string): string | undefined {
  if (bundledPatternSources().has(source)) return undefined;
  try {
    compileLinear(source);
    return undefined;
  } catch (err) {
    const detail = (err as Error)?.message?.replace(/^error parsing regexp:\s*/, '') ?? 'unsupported syntax';
    return (
      `this pattern cannot run on the linear-time engine that runs workspace guide patterns (so that no pattern can ` +
      `freeze the editor): look-ahead (?=...), look-behind (?<=...) and back-references (\\1) are not supported (${detail})`
    );
  }
}

const compiled = new Map<string, GuidePattern | null>();

/** The pattern compiled once; null when it is not a valid regular expression for its engine. */
export function guidePattern(source: string): GuidePattern | null {
  let pattern = compiled.get(source);
  if (pattern === undefined) {
    try {
      pattern = bundledPatternSources().has(source) ? new NativePattern(new RegExp(source, 'gi')) : new LinearPattern(compileLinear(source));
    } catch {
      pattern = null;
    }
    if (compiled.size > 2000) compiled.clear();
    compiled.set(source, pattern);
  }
  return pattern;
}
