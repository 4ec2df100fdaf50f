/**
 * The implementation guides as the checker reads them: the zod-checked tables of data/x12/ turned into a loop tree
 * with parent links, each segment's qualifier (the code that tells NM1*85 from NM1*87), data element types and
 * lengths joined in, code lists as sets. Pure (the node loader reads the files).
 *
 * The index and the shared tables (data elements, code lists, taxonomy) are checked when the guides are loaded;
 * each guide's own table is asked for (`RawGuideFiles.guideTable`: read and checked by the loader) and compiled
 * when a file of its transaction first needs it, then kept: a small 837P never costs the 837I or 999 tables.
 * Speed trick. Protects: "server start to first diagnostics of a small file" (README benchmark).
 */
import type { ZodError } from 'zod';
import type { QuickPlan } from './quickCheckPlan';
import {
  codeListsSchema,
  dataElementsSchema,
  guideIndexSchema,
  taxonomySchema,
  type GuideElement,
  type GuideLoop,
  type GuideSegment,
  type GuideTable,
  type Usage,
} from './schema';

export interface ElementNode {
  seq: number;
  /** "CLM05" / "SV101-2" style label. */
  ref: string;
  ele: string;
  name: string;
  usage: Usage;
  /** Data type (AN, ID, DT, TM, N0, N2, R, B ...); "" for a composite. */
  type: string;
  min: number;
  max: number;
  codes: ReadonlySet<string> | null;
  /** Name of the external code list (codes.json), when the guide uses one. */
  ext: string | null;
  regex: RegExp | null;
  comps: ElementNode[] | null;
  repeat: number;
}

export interface SegmentNode {
  kind: 'segment';
  id: string;
  name: string;
  usage: Usage;
  pos: number;
  max: number;
  loop: LoopNode;
  /** Index in loop.items. */
  index: number;
  els: ElementNode[];
  syntax: SyntaxNote[];
  /** The definitions by element number (index 0 unused), for the quick pass. */
  elsBySeq: (ElementNode | undefined)[];
  /** Element number of a Date Time Period (1251) that follows its format qualifier (1250), 0 when none. */
  periodAt: number;
  /** The highest element number with usage R, 0 when none (the quick pass: a segment ending before it lacks one). */
  lastRequired: number;
  /** The element (and component) whose code tells this segment from its namesakes, with its codes. */
  qualifier: { seq: number; comp: number; codes: ReadonlySet<string> } | null;
  /** What the quick element check needs of this place (quickCheckPlan.ts), made on its first quick check. */
  quick: QuickPlan | null;
}

export interface LoopNode {
  kind: 'loop';
  id: string;
  name: string;
  usage: Usage;
  pos: number;
  repeat: number;
  type: 'wrapper' | 'explicit' | null;
  parent: LoopNode | null;
  index: number;
  items: (SegmentNode | LoopNode)[];
  /** Index of the first item with the same pos as item i (items of one pos may come in any order). */
  groupStart: Int32Array;
  /** The loops a match of the entry segment opens (this one, and the wrappers down to it) and that segment. */
  entry: { loops: LoopNode[]; seg: SegmentNode } | null;
  /**
   * The items a segment with this id can match, ascending: segments of that id and loops it opens (by their entry
   * segment). The walker looks only at these (conformance/walker.ts search).
   */
  byId: ReadonlyMap<string, Int32Array>;
  /** Indexes of the required items (usage R), ascending: what a walk reports missing. */
  required: Int32Array;
  /** One count per item, all 0: the counts of a new loop instance are a copy of it (a copy is cheaper than a fill). */
  zeroCounts: readonly number[];
}

export interface SyntaxNote {
  kind: 'P' | 'R' | 'C' | 'E' | 'L';
  /** Element positions (1-based). */
  seqs: number[];
  text: string;
}

export interface CompiledGuide {
  id: string;
  /** "837P", "837I", "999". */
  kind: string;
  name: string;
  root: LoopNode;
  /** Loops by id (2300 appears under 2000B and 2000C). */
  loops: ReadonlyMap<string, LoopNode[]>;
}

export interface TaxonomyEntry {
  code: string;
  grouping: string;
  classification: string;
  specialization: string;
  displayName: string;
}

export interface ImplementationGuides {
  /** The guide for a version id (GS08 / ST03), exact. */
  guide(versionId: string): CompiledGuide | undefined;
  /** The guide a claim kind is checked against ("837P" -> 005010X222A1). */
  guideForKind(kind: string): CompiledGuide | undefined;
  /** The guides the index lists (each one compiled when first asked for). */
  readonly guideIds: readonly string[];
  dataElement(num: string): { type: string; min: number; max: number; name: string } | undefined;
  codeList(id: string): { name: string; codes: ReadonlySet<string> } | undefined;
  taxonomy(code: string): TaxonomyEntry | undefined;
  readonly taxonomyRelease: string | null;
  /** The guide's notices, by file name (shown nowhere; kept so a bundle can list them). */
  readonly notices: readonly string[];
}

export interface RawGuideFiles {
  index: unknown;
  /** File name -> parsed JSON: the shared tables the index names (elements, codes, taxonomy). */
  files: ReadonlyMap<string, unknown>;
  /**
   * A guide's table by its file name, already checked against guideTableSchema; asked for once, when a file of
   * its transaction first needs the guide. undefined when it cannot be had (whoever reads it tells why, naming
   * the file and field): that guide is then missing, the others still work.
   */
  guideTable: (file: string) => GuideTable | undefined;
  /** Told when a guide cannot be had for another reason than its table (a pattern that is no regular expression). */
  onProblem?: (message: string) => void;
}

export type GuideLoadResult = { ok: true; guides: ImplementationGuides } | { ok: false; error: string };

function zodMessage(file: string, error: ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(root)';
  return `${file}: ${where}: ${issue?.message ?? 'invalid'}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function parseSyntax(text: string): SyntaxNote {
  const kind = text[0] as SyntaxNote['kind'];
  const seqs: number[] = [];
  for (let i = 1; i + 1 < text.length + 1; i += 2) {
    const s = Number(text.slice(i, i + 2));
    if (s > 0) seqs.push(s);
  }
  return { kind, seqs, text };
}

export function compileGuides(raw: RawGuideFiles): GuideLoadResult {
  const idx = guideIndexSchema.safeParse(raw.index);
  if (!idx.success) return { ok: false, error: zodMessage('x12/index.json', idx.error) };
  const get = (name: string): unknown => raw.files.get(name);
  const els = dataElementsSchema.safeParse(get(idx.data.elements));
  if (!els.success) return { ok: false, error: zodMessage(`x12/${idx.data.elements}`, els.error) };
  const codes = codeListsSchema.safeParse(get(idx.data.codes));
  if (!codes.success) return { ok: false, error: zodMessage(`x12/${idx.data.codes}`, codes.error) };
  const dataEls = new Map(els.data.elements.map(([num, type, min, max, name]) => [num, { type, min, max, name }]));
  const lists = new Map(Object.entries(codes.data.lists).map(([id, l]) => [id, { name: l.name, codes: new Set(l.codes) as ReadonlySet<string> }]));
  let taxonomy: Map<string, TaxonomyEntry> | null = null;
  let taxonomyRelease: string | null = null;
  if (idx.data.taxonomy) {
    const t = taxonomySchema.safeParse(get(idx.data.taxonomy));
    if (!t.success) return { ok: false, error: zodMessage(`x12/${idx.data.taxonomy}`, t.error) };
    taxonomy = new Map(t.data.codes.map(([code, grouping, classification, specialization, displayName]) => [code, { code, grouping, classification, specialization, displayName }]));
    taxonomyRelease = t.data.release;
  }

  const compileElement = (e: GuideElement, ref: string): ElementNode => {
    const def = dataEls.get(e.ele);
    return {
      seq: e.seq,
      ref,
      ele: e.ele,
      name: e.name,
      usage: e.usage,
      type: e.comps ? '' : (def?.type ?? 'AN'),
      min: def?.min ?? 0,
      max: def?.max ?? 0,
      codes: e.codes ? new Set(e.codes) : null,
      ext: e.ext ?? null,
      regex: e.regex ? new RegExp(`^(?:${e.regex})$`) : null,
      comps: e.comps ? e.comps.map((c) => compileElement(c, `${ref}-${c.seq}`)) : null,
      repeat: e.repeat ?? 1,
    };
  };

  /** A guide's table turned into its loop tree (once per guide: see guideById). */
  const compileGuide = (id: string, kind: string, table: GuideTable): CompiledGuide => {
    const loops = new Map<string, LoopNode[]>();
    const compileLoop = (l: GuideLoop, parent: LoopNode | null, index: number): LoopNode => {
      const node: LoopNode = { kind: 'loop', id: l.loop, name: l.name, usage: l.usage, pos: l.pos, repeat: l.repeat, type: l.type ?? null, parent, index, items: [], groupStart: new Int32Array(l.items.length), entry: null, byId: new Map(), required: new Int32Array(0), zeroCounts: [] };
      l.items.forEach((it, k) => {
        if ('loop' in it) node.items.push(compileLoop(it, node, k));
        else node.items.push(compileSegment(it, node, k));
      });
      {
        const loopsOpened: LoopNode[] = [node];
        let cur: LoopNode = node;
        for (;;) {
          const first = cur.items[0];
          if (!first) break;
          if (first.kind === 'segment') {
            node.entry = { loops: loopsOpened, seg: first };
            break;
          }
          loopsOpened.push(first);
          cur = first;
        }
      }
      for (let k = 0; k < node.items.length; k++) node.groupStart[k] = k > 0 && node.items[k - 1].pos === node.items[k].pos ? node.groupStart[k - 1] : k;
      const byId = new Map<string, number[]>();
      node.items.forEach((it, k) => {
        const id = it.kind === 'segment' ? it.id : it.entry?.seg.id;
        if (id === undefined) return;
        const list = byId.get(id) ?? [];
        list.push(k);
        byId.set(id, list);
      });
      node.byId = new Map([...byId].map(([id, ks]) => [id, Int32Array.from(ks)]));
      node.required = Int32Array.from(node.items.flatMap((it, k) => (it.usage === 'R' ? [k] : [])));
      const zeros: number[] = [];
      for (let k = 0; k < node.items.length; k++) zeros.push(0);
      node.zeroCounts = zeros;
      const list = loops.get(node.id) ?? [];
      list.push(node);
      loops.set(node.id, list);
      return node;
    };
    const compileSegment = (s: GuideSegment, loop: LoopNode, index: number): SegmentNode => {
      const elsCompiled = s.els.map((e) => compileElement(e, `${s.seg}${pad2(e.seq)}`));
      let qualifier: SegmentNode['qualifier'] = null;
      const first = elsCompiled[0];
      if (s.seg === 'HL') {
        const hl03 = elsCompiled.find((e) => e.seq === 3);
        if (hl03?.codes) qualifier = { seq: 3, comp: 0, codes: hl03.codes };
      } else if (first && first.usage === 'R') {
        if (first.codes && !first.comps) qualifier = { seq: first.seq, comp: 0, codes: first.codes };
        else if (first.comps && first.comps[0]?.codes && first.comps[0].usage === 'R') qualifier = { seq: first.seq, comp: 1, codes: first.comps[0].codes };
      }
      const elsBySeq: (ElementNode | undefined)[] = [];
      for (const e of elsCompiled) elsBySeq[e.seq] = e;
      for (let k = 0; k < elsBySeq.length; k++) elsBySeq[k] ??= undefined;
      let periodAt = 0;
      for (let k = 0; k + 1 < elsCompiled.length; k++) if (elsCompiled[k].ele === '1250' && elsCompiled[k + 1].ele === '1251' && elsCompiled[k + 1].seq === elsCompiled[k].seq + 1) periodAt = elsCompiled[k + 1].seq;
      let lastRequired = 0;
      for (let k = 0; k < elsBySeq.length; k++) if (elsBySeq[k]?.usage === 'R') lastRequired = k;
      return { kind: 'segment', id: s.seg, name: s.name, usage: s.usage, pos: s.pos, max: s.max, loop, index, els: elsCompiled, elsBySeq, periodAt, lastRequired, syntax: (s.syntax ?? []).map(parseSyntax), qualifier, quick: null };
    };
    const root = compileLoop(table.root, null, 0);
    return { id, kind, name: table.name, root, loops };
  };

  // own entries only: the id comes from a claim file's GS08 / ST03 ("constructor" is no guide)
  const entries = new Map(Object.entries(idx.data.guides));
  const byKind = new Map<string, string>();
  for (const [id, entry] of entries) if (!byKind.has(entry.kind)) byKind.set(entry.kind, id);
  /** null: its table could not be had (told once, by guideTable). */
  const compiled = new Map<string, CompiledGuide | null>();
  const guideById = (id: string): CompiledGuide | undefined => {
    let g = compiled.get(id);
    if (g === undefined) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      try {
        const table = raw.guideTable(entry.file);
        g = table ? compileGuide(id, entry.kind, table) : null;
      } catch (e) {
        raw.onProblem?.(`x12/${entry.file}: ${(e as Error).message}`);
        g = null;
      }
      compiled.set(id, g);
    }
    return g ?? undefined;
  };
  const out: ImplementationGuides = {
    guide: guideById,
    guideForKind: (k) => {
      const id = byKind.get(k);
      return id === undefined ? undefined : guideById(id);
    },
    guideIds: [...entries.keys()],
    dataElement: (n) => dataEls.get(n),
    codeList: (id) => lists.get(id),
    taxonomy: (code) => taxonomy?.get(code),
    taxonomyRelease,
    notices: idx.data.notices,
  };
  return { ok: true, guides: out };
}

/** The loop path from the root to `loop`, root first. */
export function loopPath(loop: LoopNode): LoopNode[] {
  const out: LoopNode[] = [];
  for (let l: LoopNode | null = loop; l; l = l.parent) out.unshift(l);
  return out;
}

/** "2010AA Billing Provider Name"; wrapper/explicit loops by name only. */
export function loopLabel(loop: LoopNode): string {
  if (loop.type) return loop.name;
  return `${loop.id} ${loop.name}`;
}

/** The loop's first item when it is a segment: the segment that opens the loop (an HL loop's HL), else null. */
export function entrySegmentOf(loop: LoopNode): SegmentNode | null {
  const first = loop.items[0];
  return first?.kind === 'segment' ? first : null;
}

/** The nearest real (guide) loop at or above `loop`. */
export function guideLoop(loop: LoopNode): LoopNode {
  let l: LoopNode = loop;
  while (l.type === 'wrapper' && l.parent) l = l.parent;
  return l;
}
