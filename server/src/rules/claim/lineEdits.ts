/**
 * Text edits on a service line's procedure composite (SV101 / SV202: qualifier, code, modifiers 1-4, description).
 * The composite is re-rendered from its components with the file's own component separator and the smallest
 * changed range is replaced, so empty modifier positions before a description (HC:A9699:::::text) stay right.
 */
import type { TextEdit } from '../../core/span';
import type { Modifier, ServiceLine, Span } from '../../model/claim';
import type { ClaimFileContext, Fix } from '../types';
import { upper } from './codes';

const MODIFIER_FIRST = 2; // 0-based component index of modifier 1
const DESCRIPTION = 6; // 0-based component index of the description (SV101-7)

export function componentSeparator(ctx: ClaimFileContext): string {
  return ctx.x12.delimiters?.component ?? ':';
}

/** The components of the line's procedure composite as written, or null without one. */
export function procedureComponents(line: ServiceLine, ctx: ClaimFileContext): string[] | null {
  const p = line.procedure;
  if (!p) return null;
  return ctx.text.slice(p.span.offset, p.span.offset + p.span.length).split(componentSeparator(ctx));
}

function render(parts: readonly string[], sep: string): string {
  const out = [...parts];
  while (out.length > 2 && out[out.length - 1] === '') out.pop();
  return out.join(sep);
}

/** The smallest edit that turns `oldText` (at `offset`) into `newText`. */
export function minimalEdit(offset: number, oldText: string, newText: string): TextEdit {
  let start = 0;
  while (start < oldText.length && start < newText.length && oldText[start] === newText[start]) start++;
  let end = 0;
  while (
    end < oldText.length - start &&
    end < newText.length - start &&
    oldText[oldText.length - 1 - end] === newText[newText.length - 1 - end]
  ) {
    end++;
  }
  return { span: { offset: offset + start, length: oldText.length - start - end }, newText: newText.slice(start, newText.length - end) };
}

/** An edit of the procedure composite, or null when the line has none. */
function editComposite(line: ServiceLine, ctx: ClaimFileContext, change: (parts: string[]) => string[] | null): TextEdit | null {
  const parts = procedureComponents(line, ctx);
  if (!parts || !line.procedure) return null;
  const padded = [...parts];
  while (padded.length < DESCRIPTION + 1) padded.push('');
  const next = change(padded);
  if (!next) return null;
  const sep = componentSeparator(ctx);
  return minimalEdit(line.procedure.span.offset, parts.join(sep), render(next, sep));
}

function modifiersOf(parts: string[]): string[] {
  return parts.slice(MODIFIER_FIRST, MODIFIER_FIRST + 4);
}

function withModifiers(parts: string[], modifiers: string[]): string[] {
  const compact = modifiers.filter((m) => m !== '');
  while (compact.length < 4) compact.push('');
  const out = [...parts];
  out.splice(MODIFIER_FIRST, 4, ...compact);
  return out;
}

/** Adds a modifier after the last one in use; null when all four positions are taken. */
export function addModifierEdit(line: ServiceLine, ctx: ClaimFileContext, modifier: string): TextEdit | null {
  return editComposite(line, ctx, (parts) => {
    const mods = modifiersOf(parts).filter((m) => m !== '');
    if (mods.length >= 4) return null;
    return withModifiers(parts, [...mods, modifier]);
  });
}

/** Removes one modifier (the later ones move up a position), including its separator when nothing follows. */
export function removeModifierEdit(line: ServiceLine, ctx: ClaimFileContext, modifier: Modifier): TextEdit | null {
  return editComposite(line, ctx, (parts) => {
    const mods = modifiersOf(parts);
    const i = modifier.position - 1;
    if (i < 0 || i > 3) return null;
    mods.splice(i, 1);
    return withModifiers(parts, mods);
  });
}

/** Sets the description (component 7), keeping empty modifier positions in place. */
export function setDescriptionEdit(line: ServiceLine, ctx: ClaimFileContext, description: string): TextEdit | null {
  return editComposite(line, ctx, (parts) => {
    const out = [...parts];
    out[DESCRIPTION] = description;
    return out;
  });
}

export function addModifierFix(line: ServiceLine, ctx: ClaimFileContext, modifier: string, title: string, preferred = false): Fix[] {
  const edit = addModifierEdit(line, ctx, modifier);
  return edit ? [{ title, edits: [edit], preferred }] : [];
}

export function spanOf(s: Span): Span {
  return { offset: s.offset, length: s.length };
}

/** The line's modifiers in upper case, for set tests. */
export function modifierSet(line: ServiceLine): Set<string> {
  const out = new Set<string>();
  for (const m of line.modifiers) out.add(upper(m.value));
  return out;
}

/** The procedure code of a line in upper case, or null. */
export function codeOf(line: ServiceLine): string | null {
  return line.procedureCode ? upper(line.procedureCode.value) : null;
}

/** The procedure composite with a modifier added after the last one in use, or null when all four are taken. */
export function compositeWithModifier(line: ServiceLine, ctx: ClaimFileContext, modifier: string): string | null {
  const parts = procedureComponents(line, ctx);
  if (!parts) return null;
  const padded = [...parts];
  while (padded.length < DESCRIPTION + 1) padded.push('');
  const mods = modifiersOf(padded).filter((m) => m !== '');
  if (mods.length >= 4) return null;
  return render(withModifiers(padded, [...mods, modifier]), componentSeparator(ctx));
}

/** The first modifier of the line that is `code` (upper case) in any case, or undefined. */
export function findModifier(line: ServiceLine, code: string): Modifier | undefined {
  const mods = line.modifiers;
  for (let i = 0; i < mods.length; i++) if (isUpperOf(mods[i].value, code)) return mods[i];
  return undefined;
}

/** `value.toUpperCase() === code` for an upper-case ASCII `code`, without allocating for ASCII values. */
function isUpperOf(value: string, code: string): boolean {
  if (value.length !== code.length) {
    // only a non-ASCII character can change the length when upper-cased
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) >= 128) return value.toUpperCase() === code;
    return false;
  }
  for (let i = 0; i < value.length; i++) {
    let c = value.charCodeAt(i);
    if (c >= 128) return value.toUpperCase() === code;
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== code.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether the line carries modifier `code` (upper case), in any case. */
export function hasModifier(line: ServiceLine, code: string): boolean {
  return findModifier(line, code) !== undefined;
}
