/**
 * Element checks of one segment placed in its loop: usage (required / not used), length, data type, code values
 * (the guide's own lists and the external ones: states, place of service ...), the guide's patterns, composites,
 * repetitions and the X12 syntax notes; plus the identifiers the guide names but no map checks (NPI check digit,
 * NUCC taxonomy, ZIP length, claim frequency).
 */
import type { Span, TextEdit } from '../core/span';
import type { X12Document, X12Element, X12Segment } from '../parse/x12';
import { guideLoop, loopLabel, type CompiledGuide, type ElementNode, type ImplementationGuides, type SegmentNode } from './guides';
import { rejection, type GuideIssue, type IssueKind } from './issues';
import { badCharacterAt, isValidNpi, npiCheckDigit, periodProblem, typeProblem, x12Length } from './values';

export interface CheckContext {
  doc: X12Document;
  guides: ImplementationGuides;
  guide: CompiledGuide;
  issues: GuideIssue[];
  /** What the receiver does, when it is not the transaction set's 999 rejection (the envelope's own segments). */
  rejection?: string;
}

/** "the 837P guide (005010X222A1)" */
export function guideName(g: CompiledGuide): string {
  return `the ${g.kind} guide (${g.id})`;
}

/** Where in the claim: "loop 2010AA Billing Provider Name, NM109 Identification Code". */
export function place(node: SegmentNode, el: ElementNode | null): string {
  const loop = guideLoop(node.loop);
  const where = loop.type ? loopLabel(loop) : `loop ${loopLabel(loop)}`;
  return el ? `${where}, ${el.ref} ${el.name}` : `${where}, ${node.id} ${node.name}`;
}

function issue(ctx: CheckContext, kind: IssueKind, node: SegmentNode, el: ElementNode | null, segIndex: number, span: Span, text: string, ack: GuideIssue['ack'], fix?: GuideIssue['fix']): void {
  const msg = ack ? `${text} ${ctx.rejection ?? rejection(ack)}` : text;
  ctx.issues.push({ kind, span, segmentIndex: segIndex, message: msg, ack, loop: node.loop, segment: node, element: el, fix });
}

/** The edit that sets element `seq` (and component `comp`, 0 = simple) of a segment to `value`. */
function setValueEdit(ctx: CheckContext, seg: X12Segment, seq: number, comp: number, value: string): TextEdit | null {
  const d = ctx.doc.delimiters;
  if (!d) return null;
  const el = seg.elements[seq - 1];
  if (!el) {
    const missing = seq - seg.elements.length;
    return { span: { offset: seg.offset + seg.length, length: 0 }, newText: d.element.repeat(missing) + (comp > 1 ? d.component.repeat(comp - 1) : '') + value };
  }
  if (comp === 0) return { span: { offset: el.offset, length: el.length }, newText: value };
  const rep = el.repetitions[0];
  const c = rep?.components[comp - 1];
  if (c) return { span: { offset: c.offset, length: c.length }, newText: value };
  const have = rep ? rep.components.length : 0;
  const end = rep ? rep.offset + rep.length : el.offset + el.length;
  return { span: { offset: end, length: 0 }, newText: d.component.repeat(Math.max(0, comp - Math.max(have, 1))) + (have === 0 ? '' : '') + value };
}

function present(el: X12Element | undefined): boolean {
  return !!el && el.value.length > 0;
}

/** One simple value (an element or a component) against its definition. */
function checkValue(ctx: CheckContext, seg: X12Segment, segIndex: number, node: SegmentNode, def: ElementNode, value: string, span: Span, seq: number, comp: number): void {
  const label = place(node, def);
  const ack = (ik403: string): GuideIssue['ack'] => ({ ik304: '8', ik403, seq, comp: comp || undefined, badValue: value });
  if (def.usage === 'N') {
    const hint = node.id === 'HI' ? ' Each kind of code has its own HI segment here: put the other codes (ABF other diagnoses, BBR/BBQ procedures ...) in the next HI.' : '';
    issue(ctx, 'element-not-used', node, def, segIndex, span, `${label} is marked Not Used in ${guideName(ctx.guide)}, but it holds "${value}".${hint} Remove it.`, ack('I10'), {
      title: `Remove ${def.ref}`,
      edits: [{ span, newText: '' }],
    });
    return;
  }
  const d = ctx.doc.delimiters;
  const bad = badCharacterAt(value, d ? d.component + (d.repetition ?? '') : '');
  if (bad >= 0) {
    checkCharacters(ctx, segIndex, node, def, value, bad, span, seq, comp);
    return;
  }
  const problem = typeProblem(value, def.type, def.max);
  if (problem) {
    const code = problem === 'date' ? '8' : problem === 'time' ? '9' : '6';
    const want = { number: 'a whole number', decimal: 'a decimal number', date: def.max === 6 ? 'a real date YYMMDD' : 'a real date CCYYMMDD', time: 'a real time HHMM (24-hour)', '': '' }[problem];
    issue(ctx, 'element-type', node, def, segIndex, span, `${label}: "${value}" is not ${want} (data type ${def.type}).`, ack(code));
    return;
  }
  const len = x12Length(value, def.type);
  if (def.max > 0 && len > def.max) {
    issue(ctx, 'element-length', node, def, segIndex, span, `${label}: "${value}" is ${len} characters long; the guide allows at most ${def.max}.`, ack('5'));
    return;
  }
  if (len < def.min) {
    issue(ctx, 'element-length', node, def, segIndex, span, `${label}: "${value}" is ${len} character${len === 1 ? '' : 's'} long; the guide asks for at least ${def.min}.`, ack('4'));
    return;
  }
  if (def.codes && !def.codes.has(value)) {
    const list = [...def.codes];
    const shown = list.length <= 12 ? list.join(', ') : `${list.slice(0, 12).join(', ')} ... (${list.length} codes)`;
    const fix = list.length === 1 ? { title: `Set ${def.ref} to ${list[0]}`, edits: [{ span, newText: list[0] }] } : undefined;
    issue(ctx, 'code-value', node, def, segIndex, span, `${label}: "${value}" is not a code the guide allows here (allowed: ${shown}).`, ack('7'), fix);
    return;
  }
  if (def.ext) {
    const list = ctx.guides.codeList(def.ext);
    if (list && !list.codes.has(value)) {
      issue(ctx, 'code-value', node, def, segIndex, span, `${label}: "${value}" is not in the ${list.name} list the guide uses for this element.`, ack('7'));
      return;
    }
  }
  if (def.regex && !def.regex.test(value)) {
    issue(ctx, 'element-type', node, def, segIndex, span, `${label}: "${value}" does not have the form the guide asks for here.`, ack('I12'));
  }
}

/** A value with a character outside the X12 character set (values.ts badCharacterAt): the first such character is named. */
function checkCharacters(ctx: CheckContext, segIndex: number, node: SegmentNode, def: ElementNode, value: string, bad: number, span: Span, seq: number, comp: number): void {
  const cp = value.codePointAt(bad)!;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const control = cp < 32 || (cp >= 127 && cp < 160);
  const what = control ? `a control character (${code}${cp === 9 ? ', a tab' : cp === 10 || cp === 13 ? ', a line break' : ''})` : `"${String.fromCodePoint(cp)}" (${code})`;
  // accented letters written without their accents (É as E), when that leaves only characters of the set
  const plain = control ? '' : value.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const fixable = plain !== '' && plain !== value && badCharacterAt(plain, '') < 0;
  const shown = control ? '' : `: "${value}"`;
  const advice = control ? 'Remove it (a tab or line break typed or pasted into a value is the usual cause).' : fixable ? `Write it without accents ("${plain}"), as payers' systems hold names.` : 'Replace or remove it (typographic quotes and dashes pasted from a word processor are the usual cause).';
  issue(
    ctx,
    'charset',
    node,
    def,
    segIndex,
    span,
    `${place(node, def)}${shown} holds ${what}, which is outside the X12 character set: the guides allow capital and lower-case letters A-Z, digits, space and the punctuation ! " & ' ( ) * + , - . / : ; ? = % @ [ ] _ { } \\ | < > ~ ^ \` # $ only. ${advice}`,
    // no copy of the value in IK404: it would carry the same character into the 999
    { ik304: '8', ik403: '6', seq, comp: comp || undefined },
    fixable ? { title: `Write "${plain}"`, edits: [{ span, newText: plain }] } : undefined,
  );
}

function missing(ctx: CheckContext, seg: X12Segment, segIndex: number, node: SegmentNode, def: ElementNode, seq: number, comp: number, ik403: string, why: string): void {
  const el = seg.elements[seq - 1];
  const span: Span = el ? { offset: el.offset, length: el.length } : { offset: seg.offset + seg.length, length: 0 };
  const only = def.codes && def.codes.size === 1 ? [...def.codes][0] : null;
  const edit = only ? setValueEdit(ctx, seg, seq, comp, only) : null;
  issue(
    ctx,
    ik403 === '1' ? 'element-missing' : 'syntax-note',
    node,
    def,
    segIndex,
    span.length > 0 ? span : { offset: seg.offset, length: seg.length },
    `${place(node, def)} is ${why}, but it is empty.${only ? ` The only value the guide allows is ${only}.` : ''}`,
    { ik304: '8', ik403, seq, comp: comp || undefined },
    edit ? { title: `Set ${def.ref} to ${only}`, edits: [edit] } : undefined,
  );
}

/** Check a segment placed at `node` (segment `segIndex` of the document). */
export function checkSegmentElements(ctx: CheckContext, seg: X12Segment, segIndex: number, node: SegmentNode): void {
  const defs = node.els;
  const segSpan: Span = { offset: seg.offset, length: seg.length };
  // too many elements
  if (seg.elements.length > defs.length) {
    for (let k = defs.length; k < seg.elements.length; k++) {
      const el = seg.elements[k];
      if (el.value.length === 0) continue;
      issue(ctx, 'element-not-used', node, null, segIndex, el, `${place(node, null)} has ${defs.length} elements in ${guideName(ctx.guide)}; element ${k + 1} ("${el.value}") is one too many.`, {
        ik304: '8',
        ik403: '3',
        seq: k + 1,
        badValue: el.value,
      });
      break;
    }
  }
  for (const def of defs) {
    const el = seg.elements[def.seq - 1];
    if (!present(el)) {
      if (def.usage === 'R') missing(ctx, seg, segIndex, node, def, def.seq, 0, '1', `required by ${guideName(ctx.guide)}`);
      continue;
    }
    const e = el!;
    if (def.usage === 'N') {
      checkValue(ctx, seg, segIndex, node, def, e.value, e, def.seq, 0);
      continue;
    }
    if (e.repetitions.length > Math.max(1, def.repeat === -1 ? Infinity : def.repeat)) {
      issue(ctx, 'element-type', node, def, segIndex, e, `${place(node, def)} repeats ${e.repetitions.length} times; the guide allows ${def.repeat}.`, { ik304: '8', ik403: '12', seq: def.seq });
      continue;
    }
    if (def.comps) {
      for (const rep of e.repetitions) {
        if (rep.components.length > def.comps.length && rep.components.slice(def.comps.length).some((c) => c.value.length > 0)) {
          issue(ctx, 'element-type', node, def, segIndex, rep, `${place(node, def)} has more components than the guide defines (${def.comps.length}).`, { ik304: '8', ik403: '13', seq: def.seq });
        }
        for (const cdef of def.comps) {
          const c = rep.components[cdef.seq - 1];
          if (!c || c.value.length === 0) {
            if (cdef.usage === 'R') {
              issue(ctx, 'element-missing', node, cdef, segIndex, rep.length > 0 ? rep : segSpan, `${place(node, cdef)} is required by ${guideName(ctx.guide)}, but it is empty.`, { ik304: '8', ik403: '1', seq: def.seq, comp: cdef.seq });
            }
            continue;
          }
          checkValue(ctx, seg, segIndex, node, cdef, c.value, c, def.seq, cdef.seq);
        }
      }
      continue;
    }
    const rep = e.repetitions[0];
    if (rep && rep.components.length > 1) {
      issue(ctx, 'element-type', node, def, segIndex, e, `${place(node, def)} is a simple element, but "${e.value}" holds the component separator.`, { ik304: '8', ik403: '6', seq: def.seq, badValue: e.value });
      continue;
    }
    checkValue(ctx, seg, segIndex, node, def, e.value, e, def.seq, 0);
  }
  checkSyntaxNotes(ctx, seg, segIndex, node);
  checkPeriods(ctx, seg, segIndex, node);
  checkIdentifiers(ctx, seg, segIndex, node);
}

function checkSyntaxNotes(ctx: CheckContext, seg: X12Segment, segIndex: number, node: SegmentNode): void {
  if (node.syntax.length === 0) return;
  const has = (s: number): boolean => present(seg.elements[s - 1]);
  const def = (s: number): ElementNode | undefined => node.els.find((e) => e.seq === s);
  const refs = (ss: number[]): string => ss.map((s) => def(s)?.ref ?? `${node.id}${String(s).padStart(2, '0')}`).join(', ');
  for (const note of node.syntax) {
    const [first, ...rest] = note.seqs;
    const n = note.seqs.filter(has).length;
    // Not Used elements are reported on their own; a note about one is not the guide's intent here.
    if (note.seqs.some((s) => def(s)?.usage === 'N' && !has(s))) continue;
    let text = '';
    let code = '2';
    let at = note.seqs.find(has) ?? first;
    if (note.kind === 'P' && n > 0 && n < note.seqs.length) {
      text = `${refs(note.seqs)} go together: fill all of them or none.`;
      at = note.seqs.find((s) => !has(s)) ?? first;
    } else if (note.kind === 'R' && n === 0) text = `at least one of ${refs(note.seqs)} is required.`;
    else if (note.kind === 'C' && has(first) && rest.some((s) => !has(s))) {
      text = `when ${refs([first])} is filled, ${refs(rest)} must be too.`;
      at = rest.find((s) => !has(s)) ?? first;
    } else if (note.kind === 'E' && n > 1) {
      text = `only one of ${refs(note.seqs)} may be filled.`;
      code = '10';
    } else if (note.kind === 'L' && has(first) && !rest.some(has)) text = `when ${refs([first])} is filled, at least one of ${refs(rest)} must be too.`;
    if (!text) continue;
    const el = seg.elements[at - 1];
    const span = el && el.length > 0 ? { offset: el.offset, length: el.length } : { offset: seg.offset, length: seg.length };
    issue(ctx, 'syntax-note', node, def(at) ?? null, segIndex, span, `${place(node, null)}: ${text} (X12 syntax note ${note.text})`, { ik304: '8', ik403: code, seq: at });
  }
}

/** DTP03-style values against their format qualifier (D8 / RD8 / DT): a month 13 is caught here. */
function checkPeriods(ctx: CheckContext, seg: X12Segment, segIndex: number, node: SegmentNode): void {
  for (let k = 0; k + 1 < node.els.length; k++) {
    const q = node.els[k];
    const v = node.els[k + 1];
    if (q.ele !== '1250' || v.ele !== '1251') continue;
    const qe = seg.elements[q.seq - 1];
    const ve = seg.elements[v.seq - 1];
    if (!present(qe) || !present(ve)) continue;
    const why = periodProblem(qe!.value, ve!.value);
    if (why) issue(ctx, 'element-type', node, v, segIndex, ve!, `${place(node, v)}: ${why}.`, { ik304: '8', ik403: '8', seq: v.seq, badValue: ve!.value });
  }
}

/** Loops whose address the guides want with the full 9-digit ZIP code. */
export const NINE_DIGIT_ZIP: Record<string, ReadonlySet<string>> = {
  '837P': new Set(['2010AA', '2310C', '2420C']),
  '837I': new Set(['2010AA', '2310E']),
};

const FREQUENCY_837P = new Set(['1', '6', '7', '8']);

function checkIdentifiers(ctx: CheckContext, seg: X12Segment, segIndex: number, node: SegmentNode): void {
  const id = node.id;
  const value = (s: number): string => seg.elements[s - 1]?.value ?? '';
  const def = (s: number): ElementNode | null => node.els.find((e) => e.seq === s) ?? null;
  const loop = guideLoop(node.loop);
  if (id === 'NM1' && value(8) === 'XX' && value(9)) {
    const npi = value(9);
    if (!isValidNpi(npi)) {
      const el = seg.elements[8];
      const tenDigits = /^\d{10}$/.test(npi);
      const checkDigitOk = tenDigits && npiCheckDigit(npi.slice(0, 9)) === npi.charCodeAt(9) - 48;
      const why = !tenDigits
        ? 'an NPI is 10 digits.'
        : checkDigitOk
          ? 'an NPI starts with 1 or 2 (its check digit fits, so the first digit may be mistyped).'
          : `it fails the NPI check digit (Luhn formula with the 80840 prefix). The check digit should be ${npiCheckDigit(npi.slice(0, 9))} if the first nine digits are right.`;
      issue(ctx, 'npi', node, def(9), segIndex, el, `${place(node, def(9))}: ${npi} is not a valid NPI: ${why} Payers and clearinghouses reject a claim with an invalid NPI (277CA), so check the provider's NPI in NPPES.`, null);
    }
  }
  if (id === 'PRV' && value(2) === 'PXC' && value(3) && ctx.guides.taxonomyRelease) {
    const code = value(3);
    if (!ctx.guides.taxonomy(code)) {
      issue(ctx, 'taxonomy', node, def(3), segIndex, seg.elements[2], `${place(node, def(3))}: ${code} is not a code of the NUCC Health Care Provider Taxonomy ${ctx.guides.taxonomyRelease}. A payer that checks the taxonomy against the provider's enrolment rejects the claim; look the code up at nucc.org.`, null);
    }
  }
  // US state: the maps give most N402s the external state list, some (2010AA ...) none; check those too
  if (id === 'N4' && value(2) && (!value(4) || value(4) === 'US') && !def(2)?.ext && !def(2)?.codes) {
    const states = ctx.guides.codeList('states');
    if (states && !states.codes.has(value(2))) {
      issue(ctx, 'state', node, def(2), segIndex, seg.elements[1], `${place(node, def(2))}: "${value(2)}" is not a US state or territory code (or a Canadian province code). The claim is rejected at the front end (277CA) until the address is fixed.`, null);
    }
  }
  // (a loop whose map gives N403 a pattern, such as the 837I billing provider, is checked by that pattern)
  if (id === 'N4' && value(3) && (!value(4) || value(4) === 'US') && !def(3)?.regex) {
    const zip = value(3);
    const nine = NINE_DIGIT_ZIP[ctx.guide.kind]?.has(loop.id);
    const ok = nine ? /^\d{9}$/.test(zip) : /^(\d{5}|\d{9})$/.test(zip);
    if (!ok) {
      const want = nine ? `the full 9-digit ZIP code (ZIP+4, no hyphen) in loop ${loop.id}` : 'a US ZIP code of 5 or 9 digits (no hyphen)';
      issue(ctx, 'zip', node, def(3), segIndex, seg.elements[2], `${place(node, def(3))}: "${zip}" is not ${want}, as ${guideName(ctx.guide)} asks. The claim is rejected at the front end (277CA) until the address is fixed.`, null);
    }
  }
  if (id === 'CLM') {
    const e = seg.elements[4];
    const f = e?.repetitions[0]?.components[2];
    if (f && f.value) {
      const ok = ctx.guide.kind === '837P' ? FREQUENCY_837P.has(f.value) : /^[0-9A-Z]$/.test(f.value);
      if (!ok) {
        const want = ctx.guide.kind === '837P' ? '1 (original), 6 (corrected), 7 (replacement of a prior claim) or 8 (void of a prior claim)' : 'one character, the third digit of the type of bill (1 admit through discharge, 7 replacement, 8 void ...)';
        const cdef = def(5)?.comps?.[2] ?? null;
        issue(ctx, 'frequency', node, cdef, segIndex, f, `${place(node, cdef)}: "${f.value}" is not a claim frequency code; a professional claim uses ${want}. The payer rejects a claim whose frequency it cannot read.`.replace('a professional claim uses', ctx.guide.kind === '837P' ? 'a professional claim uses' : 'an institutional claim uses'), null);
      }
    }
  }
}
