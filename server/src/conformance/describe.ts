/** What the implementation guide says about a segment or an element at its place: for hover. Pure text. */
import { guideLoop, loopLabel, type ElementNode, type ImplementationGuides, type SegmentNode } from './guides';

const USAGE: Record<string, string> = { R: 'required', S: 'situational (when the situation the guide describes applies)', N: 'not used' };
const TYPES: Record<string, string> = {
  AN: 'text',
  ID: 'code',
  DT: 'date',
  TM: 'time',
  N0: 'whole number',
  N2: 'number with 2 implied decimals',
  R: 'decimal number',
  B: 'binary',
};

function lengthText(e: ElementNode): string {
  if (!e.max) return '';
  return e.min === e.max ? `${e.max} character${e.max === 1 ? '' : 's'}` : `${e.min} to ${e.max} characters`;
}

/** Markdown lines: the loop, the segment's or element's name and usage in that loop, its type, length and codes. */
export function describeGuidePlace(guides: ImplementationGuides, kind: string, guideId: string, node: SegmentNode, elementIndex: number, componentIndex: number | null, value: string): string {
  const loop = guideLoop(node.loop);
  const where = loop.type ? loop.name : `Loop ${loopLabel(loop)}`;
  const lines: string[] = [];
  if (elementIndex === 0) {
    lines.push(`*${where}* · ${node.id} ${node.name} · ${USAGE[node.usage]}${node.max > 1 ? `, up to ${node.max} times` : node.max === -1 ? ', repeatable' : ''} (${kind} guide ${guideId})`);
    return lines.join('\n\n');
  }
  const el = node.elsBySeq[elementIndex];
  if (!el) {
    lines.push(`*${where}* · ${node.id}${String(elementIndex).padStart(2, '0')} is not part of ${node.id} in the ${kind} guide (${guideId})`);
    return lines.join('\n\n');
  }
  const def = el.comps && componentIndex ? el.comps[componentIndex - 1] : el.comps ? el.comps[0] : el;
  if (!def) return `*${where}* · ${el.ref} ${el.name}`;
  const facts = [USAGE[def.usage], TYPES[def.type] ?? def.type, lengthText(def)].filter(Boolean).join(', ');
  lines.push(`*${where}* · ${def.ref} ${def.name}: ${facts} (${kind} guide ${guideId})`);
  if (def.codes) {
    const codes = [...def.codes];
    const ok = value && def.codes.has(value);
    lines.push(`${ok ? `\`${value}\` is one of the codes` : value ? `\`${value}\` is **not** one of the codes` : 'Codes'} the guide allows here: ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ` ... (${codes.length})` : ''}`);
  } else if (def.ext) {
    const list = guides.codeList(def.ext);
    if (list) lines.push(`${value ? `\`${value}\` ${list.codes.has(value) ? 'is' : 'is **not**'} in` : 'Codes from'} the ${list.name} list`);
  }
  if (node.id === 'PRV' && elementIndex === 3 && value) {
    const t = guides.taxonomy(value);
    if (t) lines.push(`\`${value}\`: ${t.displayName} (NUCC taxonomy ${guides.taxonomyRelease}: ${[t.grouping, t.classification, t.specialization].filter(Boolean).join(' / ')})`);
  }
  return lines.join('\n\n');
}
