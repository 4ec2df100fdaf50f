/**
 * The quick element check (conformance/fastCheck.ts) may only say "clean" when the full check (elements.ts) finds no
 * fault: a segment it calls clean is never checked in full, so a wrong "clean" hides a fault from the user. Checked
 * (a) on every clean fixture and a generated batch (both clean), (b) on random element changes of fixture segments,
 * and (c) exhaustively: every segment place of every guide, every element and component, against a pool of values
 * (empty, too long, wrong type, characters outside the X12 set, bad dates and times, each code of the list and a
 * non-code, the qualifier pairs of the identifier checks, the elements of each syntax note, the segment cut short)
 * inside a mini interchange; the elements an identifier check reads are also tried with its qualifier set
 * (identifierBases).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseX12, type X12Document } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { checkClaimConformance, checkFileConformance } from '../../../server/src/conformance/check';
import { checkSegmentElements, type CheckContext } from '../../../server/src/conformance/elements';
import { segmentLooksClean } from '../../../server/src/conformance/fastCheck';
import type { CompiledGuide, ElementNode, LoopNode, SegmentNode } from '../../../server/src/conformance/guides';
import { bundledGuides } from '../../../server/src/guides/loader';
import { generate837P } from '../../../bench/generate';
import { implementationGuides as guides } from '../rules/conformance/helpers';
import { fuzz, realCodeSet } from '../../robustness/helpers';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures');
const read = (f: string) => fs.readFileSync(path.join(fixtures, f), 'utf8');
const CLEAN = ['conformance/837p-clean.837', 'conformance/837i-clean.837'].map(read);
const OTHERS = ['conformance/837p-guide-faults.837', 'conformance/837i-guide-faults.837', 'claims/837p-broken-claims.837', 'claims/837p-oncology.837', 'claims/837i-outpatient.837', 'claims/837p-billing-data.837', 'rules/all-rules.837', 'x12/837i-outpatient-pipe.x12', 'x12/837p-radiopharm.x12'].map(read);
const GENERATED = generate837P(realCodeSet(), { targetBytes: 200_000, seed: 11, profile: 'realistic', guides: bundledGuides() });

/** The quick check's answer for segment `i` of `doc` placed at `node`. */
function quick(doc: X12Document, i: number, node: SegmentNode, guide: CompiledGuide): boolean {
  const segs = doc.segments;
  return segmentLooksClean(doc.text, segs.starts[i], segs.contentEnd(i), segs.id(i).length, node, guides, doc.delimiters!, guide.kind);
}

/** The full check's issues for segment `i` of `doc` placed at `node`. */
function full(doc: X12Document, i: number, node: SegmentNode, guide: CompiledGuide): CheckContext['issues'] {
  const ctx: CheckContext = { doc, guides, guide, issues: [] };
  checkSegmentElements(ctx, doc.segments.segment(i), i, node);
  return ctx.issues;
}

/** Each placed segment of a file with its place and guide (the walks of the file and of each claim). */
function placed(text: string): { doc: X12Document; at: { i: number; node: SegmentNode; guide: CompiledGuide }[] } {
  const doc = parseX12(text);
  const file = buildClaimModel(doc);
  const byIndex = new Map<number, SegmentNode>();
  const onPlace = (i: number, node: SegmentNode | null) => {
    if (node) byIndex.set(i, node);
  };
  checkFileConformance(guides, doc, file, onPlace);
  for (let k = 0; k < file.claims.index.claimCount; k++) checkClaimConformance(guides, doc, file, file.claims.index.buildClaimAt(k), onPlace);
  const at: { i: number; node: SegmentNode; guide: CompiledGuide }[] = [];
  for (const [i, node] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    let root: LoopNode = node.loop;
    while (root.parent) root = root.parent;
    const guide = guides.guideIds.map((id) => guides.guide(id)).find((g) => g?.root === root);
    if (guide) at.push({ i, node, guide });
  }
  return { doc, at };
}

test('clean fixtures and a generated batch: the quick check and the full check both call every segment clean', () => {
  for (const [n, text] of [...CLEAN, GENERATED].entries()) {
    const { doc, at } = placed(text);
    assert.ok(at.length > 20, `file ${n} places its segments`);
    for (const { i, node, guide } of at) {
      assert.deepEqual(full(doc, i, node, guide).map((x) => x.message), [], `file ${n}, segment ${i} ${node.id}: full check`);
      assert.ok(quick(doc, i, node, guide), `file ${n}, segment ${i} ${node.id}: the quick check calls it clean`);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// A segment as element values (each element a list of components), written into a mini interchange with * : ^ ~

type Els = string[][];

const ISA = 'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260204*1030*^*00501*000000001*0*T*:~';

function mini(guide: CompiledGuide, segment: string): string {
  return `${ISA}GS*HC*SENDER*RECEIVER*20260204*1030*1*X*${guide.id}~ST*837*0001*${guide.id}~${segment}~SE*3*0001~GE*1*1~IEA*1*000000001~`;
}

function write(id: string, els: Els): string {
  return [id, ...els.map((comps) => comps.join(':'))].join('*');
}

/** A segment's elements as parsed, joined with this file's delimiters (components of the first repetition). */
function elsOf(doc: X12Document, i: number): Els {
  return doc.segments.segment(i).elements.map((e) => (e.repetitions.length > 1 ? [e.value.split(doc.delimiters!.repetition!).join('^')] : e.repetitions[0].components.map((c) => c.value)));
}

interface Fault {
  label: string;
  messages: string[];
}

/** Checks one segment text placed at `node`; returns a fault when the quick check calls clean what the full check does not. */
function compareOne(node: SegmentNode, guide: CompiledGuide, segment: string): Fault | null {
  const doc = parseX12(mini(guide, segment));
  const i = 3;
  if (doc.segments.count !== 7 || doc.segments.id(i) !== node.id) return null;
  const issues = full(doc, i, node, guide);
  if (issues.length === 0 || !quick(doc, i, node, guide)) return null;
  return { label: `${guide.kind} ${node.loop.id} ${segment}`, messages: issues.map((x) => x.message) };
}

test('random element changes of fixture segments: the quick check never calls clean what the full check faults', () => {
  const samples: { els: Els; node: SegmentNode; guide: CompiledGuide }[] = [];
  for (const text of [...CLEAN, ...OTHERS, GENERATED]) {
    const { doc, at } = placed(text);
    for (const { i, node, guide } of at) samples.push({ els: elsOf(doc, i), node, guide });
  }
  const pieces = ['', 'A', 'Z', '0', '1', '9', '-', '.', ' ', ':', '^', '\u0001', '\u00c9', '\u2019', 'a', '|', 'XX', 'PXC', 'US', 'CA', 'D8', 'RD8', 'DT', '20260230', '20261301', '2026', '1234567893', '1234567890', '3123456782', '2400', '1260', '12'];
  const value = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((a) => a.join('')), fc.string({ maxLength: 12 }).map((s) => s.replace(/[*~]/g, '')));
  fc.assert(
    fc.property(fc.nat(), fc.array(fc.record({ seq: fc.nat({ max: 14 }), comp: fc.nat({ max: 4 }), v: value, code: fc.nat() }), { minLength: 1, maxLength: 3 }), fc.nat({ max: 20 }), (pick, changes, cut) => {
      const s = samples[pick % samples.length];
      const els = s.els.map((c) => c.slice());
      for (const ch of changes) {
        while (els.length < ch.seq) els.push(['']);
        if (ch.seq === 0) continue;
        const comps = els[ch.seq - 1];
        while (comps.length <= ch.comp) comps.push('');
        // sometimes a code of the element's list, else the random value
        const def = s.node.elsBySeq[ch.seq];
        const cdef = def?.comps ? def.comps[ch.comp] : def;
        const codes = cdef?.codes ? [...cdef.codes] : cdef?.ext ? [...(guides.codeList(cdef.ext)?.codes ?? [])] : [];
        comps[ch.comp] = codes.length > 0 && ch.code % 3 === 0 ? codes[ch.code % codes.length] : ch.v;
        if (!def?.comps) els[ch.seq - 1] = [comps.join(':')];
      }
      const kept = cut > 0 && cut < els.length ? els.slice(0, cut) : els;
      const fault = compareOne(s.node, s.guide, write(s.node.id, kept));
      assert.equal(fault, null, JSON.stringify(fault));
    }),
    fuzz(1000),
  );
});

test('the fault corpus case: an NPI whose check digit fits but that starts with 3 (the exhaustive pass reaches it too, identifierBases)', () => {
  const text = CLEAN[0].replace('XX*1234567893~', 'XX*3123456782~');
  const { doc, at } = placed(text);
  const nm1 = at.find(({ i }) => doc.segments.id(i) === 'NM1' && doc.segments.segment(i).elements[7]?.value === 'XX' && doc.segments.segment(i).elements[8]?.value === '3123456782');
  assert.ok(nm1, 'the billing provider NM1 is placed');
  assert.deepEqual(full(doc, nm1.i, nm1.node, nm1.guide).map((x) => x.kind), ['npi']);
  assert.equal(quick(doc, nm1.i, nm1.node, nm1.guide), false);
});

// ---------------------------------------------------------------------------------------------------------------
// Every segment place x every element x a pool of values

const VALID_NPI = '1234567893';
const TAXONOMY = '207RX0202X';

/** A value that passes `def` (type, length, codes), or null when none is known. */
function goodValue(def: ElementNode): string | null {
  const codes = def.codes ? [...def.codes] : def.ext ? [...(guides.codeList(def.ext)?.codes ?? [])] : null;
  if (codes && codes.length > 0) return codes.find((c) => !def.regex || def.regex.test(c)) ?? codes[0];
  if (def.regex) {
    for (const v of ['A', '1', '12345', '123456789', 'ABC', '1234567890', 'A1', '1A']) if (def.regex.test(v)) return v;
    return null;
  }
  const n = Math.max(1, def.min);
  switch (def.type) {
    case 'DT':
      return def.max === 6 ? '260202' : '20260202';
    case 'TM':
      return '1030';
    case 'R':
      return '1'.repeat(n);
    default:
      if (def.type[0] === 'N') return '1'.repeat(n);
      return 'A'.repeat(n);
  }
}

/** The values tried for one simple element or component. */
function pool(def: ElementNode): string[] {
  const out = new Set<string>(['', 'A', '1', '-1', '1.5', '.5', '5.', '-', '.', '1-2', '+1', '01', '0', ' ', 'A B', '\u0001', 'A\u007f', 'A\u00c9', '\u00e9', 'O\u2019N', '\t', '\u0080', '\u{1F3E0}', 'a|b', '{}', 'A:B', 'A^B', ':', 'Z', 'ZZ', 'ZZZZZ', '@']);
  for (const n of [def.min - 1, def.min, def.max, def.max + 1]) {
    if (n <= 0 || n > 300) continue;
    out.add('A'.repeat(n));
    out.add('9'.repeat(n));
    out.add(`-${'9'.repeat(n)}`);
    out.add(`${'9'.repeat(Math.max(1, n - 1))}.5`);
  }
  for (const v of ['20260202', '260202', '20260230', '20240229', '20230229', '20261301', '20260001', '20260100', '2026020', '202602021', '00000000', 'ABCDEFGH']) out.add(v);
  for (const v of ['1030', '2400', '1260', '103000', '103060', '10300', '1030001', '10300099', '103', 'AB30']) out.add(v);
  for (const v of [VALID_NPI, '1234567890', '3123456782', '123456789', '12345678931', 'ABCDEFGHIJ', TAXONOMY, '207RX0202Y', 'US', 'CA', 'XX', 'PXC', 'D8', 'RD8', 'DT', '20260101-20260202', '20260202-20260101', '20261301-20260101', '202602021030', '12345', '123456789', '1234', '12345-6789']) out.add(v);
  const codes = def.codes ? [...def.codes] : [];
  const ext = def.ext ? [...(guides.codeList(def.ext)?.codes ?? [])] : [];
  for (const c of [...codes.slice(0, 80), ...ext.slice(0, 80)]) {
    out.add(c);
    out.add(c.toLowerCase());
    out.add(`${c} `);
    out.add(`${c}:${c}`);
  }
  const good = goodValue(def);
  if (good) out.add(good);
  return [...out];
}

/** Every segment place of every guide, one per distinct definition (many places share theirs). */
function places(): { node: SegmentNode; guide: CompiledGuide }[] {
  const out: { node: SegmentNode; guide: CompiledGuide }[] = [];
  const seen = new Set<string>();
  for (const id of guides.guideIds) {
    const guide = guides.guide(id);
    if (!guide) continue;
    const visit = (l: LoopNode): void => {
      for (const it of l.items) {
        if (it.kind === 'loop') {
          visit(it);
          continue;
        }
        if (['ISA', 'IEA', 'GS', 'GE'].includes(it.id)) continue;
        const key = JSON.stringify([guide.kind, it.id, it.id === 'N4' ? it.loop.id : '', it.els.map((e) => [e.seq, e.ele, e.usage, e.type, e.min, e.max, e.codes && [...e.codes], e.ext, String(e.regex), e.comps?.map((c) => [c.usage, c.type, c.min, c.max, c.codes && [...c.codes], c.ext, String(c.regex)])]), it.syntax.map((n) => n.text)]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ node: it, guide });
      }
    };
    visit(guide.root);
  }
  return out;
}

/** A clean segment for `node`: its required elements (and what its syntax notes and identifier checks want). */
function baseline(node: SegmentNode): Els | null {
  const els: Els = [];
  const set = (seq: number, comps: string[]) => {
    while (els.length < seq) els.push(['']);
    els[seq - 1] = comps;
  };
  const fill = (def: ElementNode): boolean => {
    if (def.comps) {
      const comps: string[] = [];
      for (const c of def.comps) {
        if (c.usage !== 'R') continue;
        const v = goodValue(c);
        if (v === null) return false;
        while (comps.length < c.seq - 1) comps.push('');
        comps[c.seq - 1] = v;
      }
      set(def.seq, comps.length ? comps : [goodValue(def.comps[0]) ?? 'A']);
      return true;
    }
    const v = goodValue(def);
    if (v === null) return false;
    set(def.seq, [v]);
    return true;
  };
  for (const def of node.els) if (def.usage === 'R' && !fill(def)) return null;
  for (const note of node.syntax) {
    const filled = (s: number) => !!els[s - 1]?.some((c) => c !== '');
    const defs = note.seqs.map((s) => node.elsBySeq[s]).filter((d): d is ElementNode => !!d && d.usage !== 'N');
    if (note.kind === 'R' && !note.seqs.some(filled) && defs[0]) fill(defs[0]);
    if ((note.kind === 'P' || note.kind === 'C') && note.seqs.some(filled)) for (const d of defs) if (!filled(d.seq)) fill(d);
    if (note.kind === 'L' && filled(note.seqs[0]) && !note.seqs.slice(1).some(filled) && defs[1]) fill(defs[1]);
  }
  // the identifier checks
  if (node.id === 'NM1' && els[7]?.[0] === 'XX') set(9, [VALID_NPI]);
  if (node.id === 'PRV' && els[1]?.[0] === 'PXC') set(3, [TAXONOMY]);
  if (node.id === 'N4' && els[2]) set(3, ['974010000']);
  if (node.id === 'N4' && els[1] && !node.elsBySeq[2]?.codes && !node.elsBySeq[2]?.ext) set(2, ['OR']);
  if (node.id === 'DTP' && node.periodAt > 0) {
    const f = els[node.periodAt - 2]?.[0];
    if (f === 'RD8') set(node.periodAt, ['20260101-20260202']);
    else if (f === 'DT') set(node.periodAt, ['202602021030']);
    else if (f === 'D8') set(node.periodAt, ['20260202']);
  }
  return els;
}

/** A value for element `seq` of `node` that passes its definition (a composite's required components). */
function filledValue(node: SegmentNode, seq: number): string[] {
  const def = node.elsBySeq[seq];
  return def?.comps ? def.comps.map((c) => (c.usage === 'R' ? (goodValue(c) ?? 'A') : '')) : [def ? (goodValue(def) ?? 'A') : 'A'];
}

/**
 * Each filled / empty combination of the elements of each syntax note, on top of `base`; the other notes' partners
 * filled as they want (so the note at hand is what decides).
 */
function noteVariants(node: SegmentNode, base: Els): Els[] {
  const out: Els[] = [];
  for (const note of node.syntax) {
    const n = Math.min(note.seqs.length, 5);
    for (let mask = 0; mask < 1 << n; mask++) {
      const els = base.map((c) => c.slice());
      const filled = (s: number) => !!els[s - 1]?.some((c) => c !== '');
      const fill = (s: number) => {
        while (els.length < s) els.push(['']);
        if (!filled(s)) els[s - 1] = filledValue(node, s);
      };
      // the other notes' elements outside this note
      const partner = (s: number) => {
        if (!note.seqs.includes(s)) fill(s);
      };
      for (let b = 0; b < n; b++) {
        const seq = note.seqs[b];
        while (els.length < seq) els.push(['']);
        if (mask & (1 << b)) fill(seq);
        else els[seq - 1] = [''];
      }
      for (const other of node.syntax) {
        if (other === note) continue;
        if ((other.kind === 'P' && other.seqs.some(filled)) || (other.kind === 'C' && filled(other.seqs[0]))) other.seqs.forEach(partner);
        if (other.kind === 'L' && filled(other.seqs[0]) && !other.seqs.slice(1).some(filled)) other.seqs.slice(1).forEach(partner);
        if (other.kind === 'R' && !other.seqs.some(filled)) other.seqs.forEach(partner);
      }
      out.push(els);
    }
  }
  return out;
}

/** Each date-period format (DTP02) with each kind of period value (DTP03). */
function periodVariants(node: SegmentNode, base: Els): Els[] {
  const out: Els[] = [];
  for (let k = 0; k + 1 < node.els.length; k++) {
    const f = node.els[k];
    const v = node.els[k + 1];
    if (f.ele !== '1250' || v.ele !== '1251') continue;
    for (const format of ['D8', 'RD8', 'DT', 'RD', 'TM', '']) {
      for (const value of ['20260202', '20260230', '2026020', '20260101-20260202', '20260202-20260101', '20260101-20260101', '20261301-20260101', '20260101-20260230', '20260101X20260202', '20260101-2026020', '20260101-202602021', '202602021030', '202602022530', '20260202103', '1030', 'A']) {
        const els = base.map((c) => c.slice());
        while (els.length < v.seq) els.push(['']);
        els[f.seq - 1] = [format];
        els[v.seq - 1] = [value];
        out.push(els);
      }
    }
  }
  return out;
}

/**
 * The identifier checks read elements together (NM108 "XX" makes NM109 an NPI; PRV02 "PXC" makes PRV03 a taxonomy
 * code; N404 empty or "US" makes N402 a state and N403 a ZIP code). Where the baseline leaves the qualifier out (it
 * fills required elements only, and 2010AA NM108 is situational in the maps), the pools of the dependent elements
 * never met the qualifier: removing the NPI's first-digit test from the quick check went unnoticed. These are the
 * baseline with the qualifier set and its identifier valid, and the elements whose pools are tried on each.
 */
function identifierBases(node: SegmentNode, base: Els): { els: Els; vary: number[] }[] {
  const out: { els: Els; vary: number[] }[] = [];
  const has = (seq: number, code: string) => {
    const def = node.elsBySeq[seq];
    if (!def || def.usage === 'N') return false;
    const codes = def.codes ? [...def.codes] : def.ext ? [...(guides.codeList(def.ext)?.codes ?? [])] : null;
    return !codes || codes.includes(code);
  };
  const withValues = (values: Record<number, string>, vary: number[]) => {
    const els = base.map((c) => c.slice());
    for (const [seq, v] of Object.entries(values)) {
      while (els.length < Number(seq)) els.push(['']);
      els[Number(seq) - 1] = [v];
    }
    out.push({ els, vary });
  };
  if (node.id === 'NM1' && node.elsBySeq[8]?.codes?.has('XX') && has(9, VALID_NPI)) withValues({ 8: 'XX', 9: VALID_NPI }, [8, 9]);
  if (node.id === 'PRV' && has(2, 'PXC') && has(3, TAXONOMY)) withValues({ 2: 'PXC', 3: TAXONOMY }, [2, 3]);
  if (node.id === 'N4') {
    const state = !node.elsBySeq[2]?.codes && !node.elsBySeq[2]?.ext ? 'OR' : (goodValue(node.elsBySeq[2]!) ?? 'OR');
    const zip: Record<number, string> = has(3, '974010000') && !node.elsBySeq[3]?.regex ? { 3: '974010000' } : {};
    if (has(2, state)) {
      withValues({ 2: state, ...zip }, [2, 3, 4]);
      if (has(4, 'US')) withValues({ 2: state, ...zip, 4: 'US' }, [2, 3, 4]);
    }
  }
  return out;
}

test('every segment place, element and component against a pool of values: the quick check never calls clean what the full check faults', () => {
  const faults: Fault[] = [];
  let cases = 0;
  let cleanBaselines = 0;
  const all = places();
  for (const { node, guide } of all) {
    const base = baseline(node);
    if (!base) continue;
    const baseText = write(node.id, base);
    const f0 = compareOne(node, guide, baseText);
    if (f0) faults.push(f0);
    const baseDoc = parseX12(mini(guide, baseText));
    if (full(baseDoc, 3, node, guide).length === 0) cleanBaselines++;
    const variants: Els[] = [];
    const maxSeq = Math.max(node.els.length ? node.els[node.els.length - 1].seq : 0, base.length);
    for (let seq = 1; seq <= maxSeq + 1; seq++) {
      const def = node.elsBySeq[seq];
      const at = (comps: string[]) => {
        const els = base.map((c) => c.slice());
        while (els.length < seq) els.push(['']);
        els[seq - 1] = comps;
        variants.push(els);
      };
      if (!def) {
        for (const v of ['', 'A', '1']) at([v]);
        continue;
      }
      if (def.comps) {
        const comps0 = base[seq - 1] ?? [''];
        for (let ci = 0; ci <= def.comps.length; ci++) {
          const cdef = def.comps[ci];
          for (const v of cdef ? pool(cdef) : ['', 'A']) {
            const comps = comps0.slice();
            while (comps.length <= ci) comps.push('');
            comps[ci] = v;
            at(comps);
          }
        }
        for (const v of ['', ':', '::', 'A', 'A^B', 'HC:A9600:JZ', '11:B:1', '11:B:9', '11:B', '11::1']) at([v]);
      } else {
        for (const v of pool(def)) at([v]);
      }
    }
    for (const { els: idBase, vary } of identifierBases(node, base)) {
      variants.push(idBase);
      for (const seq of vary) {
        const def = node.elsBySeq[seq];
        if (!def || def.comps) continue;
        for (const v of pool(def)) {
          const els = idBase.map((c) => c.slice());
          while (els.length < seq) els.push(['']);
          els[seq - 1] = [v];
          variants.push(els);
        }
      }
    }
    variants.push(...noteVariants(node, base), ...periodVariants(node, base));
    // cut short after each element, and with a trailing separator
    for (let k = 0; k <= base.length; k++) variants.push(base.slice(0, k));
    variants.push([...base, ['']]);
    for (const els of variants) {
      cases++;
      const f = compareOne(node, guide, write(node.id, els));
      if (f) faults.push(f);
    }
  }
  assert.ok(all.length > 200, `segment places: ${all.length}`);
  assert.ok(cleanBaselines > all.length * 0.9, `clean baselines ${cleanBaselines} of ${all.length}`);
  assert.ok(cases > 50_000, `cases: ${cases}`);
  assert.deepEqual(faults.slice(0, 5), [], `${faults.length} segments the quick check calls clean have faults`);
});
