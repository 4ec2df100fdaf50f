/**
 * Oracle test: a slow, obvious builder of the claims of a claim file, written from the loop rules in
 * model/claimBuilder.ts with none of the model's speed tricks (materialized segments from the parser, plain arrays,
 * a regular expression for numbers, Date.UTC for dates, no value pool, no typed-array index), compared with the
 * fast model on the fuzz corpus, the test fixtures and the shared samples (skipped when ../shared is absent).
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { allSegments, applyEdit, parseX12, type X12Document, type X12Element, type X12Segment } from '../../../server/src/parse/x12';
import { buildClaimModel } from '../../../server/src/model/claim';
import { fixture, repoRoot, samples } from '../parse/helpers';

type Json = unknown;

interface SlowLevel {
  hl: X12Segment;
  kind: string;
  sbr: X12Segment | null;
  nm1: X12Segment | null;
  locked: boolean;
}

function el(seg: X12Segment, n: number): X12Element | undefined {
  return seg.elements.find((e) => e.index === n);
}

function str(seg: X12Segment, n: number): Json {
  const e = el(seg, n);
  return e && e.length > 0 ? { value: e.value, offset: e.offset, length: e.length } : null;
}

function comp(seg: X12Segment, n: number, c: number): Json {
  const x = el(seg, n)?.repetitions[0]?.components.find((k) => k.index === c);
  return x && x.length > 0 ? { value: x.value, offset: x.offset, length: x.length } : null;
}

function toNumber(text: string): number | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}

function num(seg: X12Segment, n: number): Json {
  const e = el(seg, n);
  return e && e.length > 0 ? { value: toNumber(e.value), text: e.value, offset: e.offset, length: e.length } : null;
}

function isoDate(d: string): string | null {
  if (!/^\d{8}$/.test(d)) return null;
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  const day = Number(d.slice(6, 8));
  const t = new Date(Date.UTC(y, m - 1, day));
  if (m < 1 || m > 12 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== day) return null;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

const span = (s: X12Segment) => ({ offset: s.offset, length: s.length });

function date(seg: X12Segment): Record<string, Json> | null {
  const qualifier = str(seg, 1) as { value: string } | null;
  const value = str(seg, 3) as { value: string } | null;
  if (!qualifier || !value) return null;
  const format = str(seg, 2) as { value: string } | null;
  const v = value.value;
  let from: string | null;
  let to: string | null;
  if (format?.value === 'RD8' || (format === null && v.length === 17 && v[8] === '-')) {
    const parts = v.split('-');
    from = isoDate(parts[0]);
    to = parts.length > 1 ? isoDate(parts[1]) : null;
  } else {
    from = to = isoDate(v);
  }
  return { qualifier, format, value, from, to, segmentIndex: seg.index, span: span(seg) };
}

const ROLES: Record<string, [string, string]> = {
  ABK: ['principal', 'ICD-10-CM'], BK: ['principal', 'ICD-9-CM'], ABF: ['other', 'ICD-10-CM'], BF: ['other', 'ICD-9-CM'],
  ABJ: ['admitting', 'ICD-10-CM'], BJ: ['admitting', 'ICD-9-CM'], APR: ['reasonForVisit', 'ICD-10-CM'], PR: ['reasonForVisit', 'ICD-9-CM'],
  ABN: ['externalCause', 'ICD-10-CM'], BN: ['externalCause', 'ICD-9-CM'],
};

function kindOf(st03: string | undefined, gs08: string | undefined): string {
  for (const v of [st03, gs08]) {
    if (v?.startsWith('005010X222')) return '837P';
    if (v?.startsWith('005010X223')) return '837I';
  }
  return 'unknown';
}

function level(l: SlowLevel | null): Json {
  if (!l) return null;
  const lc = (str(l.hl, 3) as { value: string } | null)?.value;
  const last = str(l.nm1 ?? l.hl, 3) as { value: string; offset: number; length: number } | null;
  const first = str(l.nm1 ?? l.hl, 4) as { value: string; offset: number; length: number } | null;
  return {
    id: str(l.hl, 1) ?? { value: '', offset: l.hl.offset + l.hl.length, length: 0 },
    parentId: str(l.hl, 2),
    levelCode: str(l.hl, 3),
    level: lc === '20' ? 'billingProvider' : lc === '22' ? 'subscriber' : lc === '23' ? 'patient' : 'other',
    childCode: str(l.hl, 4),
    segmentIndex: l.hl.index,
    span: span(l.hl),
    payerResponsibility: l.sbr ? str(l.sbr, 1) : null,
    claimFilingIndicator: l.sbr ? str(l.sbr, 9) : null,
    sbrSegmentIndex: l.sbr ? l.sbr.index : null,
    name: !l.nm1 ? null : last && first ? { value: `${last.value}, ${first.value}`, offset: last.offset, length: first.offset + first.length - last.offset } : last,
    identifier: l.nm1 ? str(l.nm1, 9) : null,
  };
}

/** The claims of a file, built the obvious way. */
function slowClaims(doc: X12Document): Json[] {
  if (!doc.delimiters) return [];
  const segs = allSegments(doc);
  const ENDS = new Set(['CLM', 'HL', 'SE', 'ST', 'GE', 'GS', 'IEA', 'ISA']);
  const out: Json[] = [];
  let gs08: string | undefined;
  let kind = 'unknown';
  let inTransaction = false;
  let levels = new Map<string, SlowLevel>();
  let current: SlowLevel | null = null;
  let billing: SlowLevel | null = null;
  let subscriber: SlowLevel | null = null;
  let patient: SlowLevel | null = null;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    if (s.id === 'ISA') {
      inTransaction = false;
      gs08 = undefined;
    } else if (s.id === 'SE') {
      inTransaction = false;
    } else if (s.id === 'IEA' || s.id === 'GE') {
      // the group (and its GS08) ends: a transaction after it opens a group of its own, without a version
      inTransaction = false;
      gs08 = undefined;
    } else if (s.id === 'GS') {
      inTransaction = false;
      gs08 = (str(s, 8) as { value: string } | null)?.value;
    } else if (s.id === 'ST') {
      inTransaction = true;
      kind = kindOf((str(s, 3) as { value: string } | null)?.value, gs08);
      levels = new Map();
      current = billing = subscriber = patient = null;
    } else if (s.id === 'HL' || s.id === 'CLM') {
      if (!inTransaction) {
        inTransaction = true;
        kind = kindOf(undefined, gs08);
      }
      if (s.id === 'HL') {
        const lc = (str(s, 3) as { value: string } | null)?.value;
        const k = lc === '20' ? 'billingProvider' : lc === '22' ? 'subscriber' : lc === '23' ? 'patient' : 'other';
        const l: SlowLevel = { hl: s, kind: k, sbr: null, nm1: null, locked: false };
        const id = (str(s, 1) as { value: string } | null)?.value;
        const parentId = (str(s, 2) as { value: string } | null)?.value;
        if (id) levels.set(id, l);
        current = l;
        const parent = parentId !== undefined ? levels.get(parentId) : undefined;
        if (k === 'billingProvider') {
          billing = l;
          subscriber = patient = null;
        } else if (k === 'subscriber') {
          subscriber = l;
          patient = null;
          if (parent?.kind === 'billingProvider') billing = parent;
        } else if (k === 'patient') {
          patient = l;
          if (parent?.kind === 'subscriber') subscriber = parent;
        }
        // the level's SBR and entity NM1: read before the next claim or level
        const entity = { billingProvider: '85', subscriber: 'IL', patient: 'QC', other: '' }[k];
        for (let j = i + 1; j < segs.length && !ENDS.has(segs[j].id); j++) {
          const t = segs[j];
          if (t.id === 'SBR' && !l.sbr) l.sbr = t;
          if (t.id === 'NM1' && !l.locked && entity !== '' && el(t, 1)?.value === entity) {
            l.nm1 = t;
            if ((el(t, 3)?.length ?? 0) > 0) l.locked = true;
          }
        }
        continue;
      }
      // a claim: CLM up to the next claim-ending segment
      let last = i;
      while (last + 1 < segs.length && !ENDS.has(segs[last + 1].id)) last++;
      out.push(slowClaim(segs.slice(i, last + 1), kind, level(billing), level(subscriber), level(patient), doc));
    }
  }
  void current;
  return out;
}

function slowClaim(loop: X12Segment[], kind: string, billingProvider: Json, subscriber: Json, patient: Json, doc: X12Document): Json {
  const clm = loop[0];
  const lastSeg = loop[loop.length - 1];
  const fc5 = el(clm, 5) && el(clm, 5)!.length > 0 ? { code: comp(clm, 5, 1), qualifier: comp(clm, 5, 2), frequency: comp(clm, 5, 3), span: { offset: el(clm, 5)!.offset, length: el(clm, 5)!.length } } : null;
  const q5 = (fc5?.qualifier as { value: string } | null)?.value;
  const end = (s: X12Segment) => s.offset + s.length;
  const claim: Record<string, Json> = {
    transactionKind: kind,
    firstSegment: clm.index,
    lastSegment: lastSeg.index,
    span: { offset: clm.offset, length: end(lastSeg) - clm.offset },
    clmSpan: span(clm),
    patientControlNumber: str(clm, 1),
    totalCharge: num(clm, 2),
    facility: fc5,
    placeOfService: fc5 && (kind === '837P' || (kind !== '837I' && q5 === 'B')) ? fc5.code : null,
  };
  // header: up to the first NM1, SBR, SVD or LX
  const header: X12Segment[] = [];
  let k = 1;
  while (k < loop.length && !['NM1', 'SBR', 'SVD', 'LX'].includes(loop[k].id)) header.push(loop[k++]);
  const refs = header.filter((s) => s.id === 'REF').map((s) => (str(s, 1) ? { qualifier: str(s, 1), value: str(s, 2), segmentIndex: s.index, span: span(s) } : null)).filter(Boolean) as Record<string, { value: string } | Json>[];
  const dates = header.filter((s) => s.id === 'DTP').map(date).filter(Boolean) as Record<string, Json>[];
  const healthCareCodes: Record<string, Json>[] = [];
  const diagnoses: Record<string, Json>[] = [];
  for (const s of header.filter((x) => x.id === 'HI')) {
    for (const e of s.elements) {
      if (e.length === 0) continue;
      const qualifier = comp(s, e.index, 1) as { value: string } | null;
      if (!qualifier) continue;
      const code = comp(s, e.index, 2);
      const base = { qualifier, code, elementIndex: e.index, segmentIndex: s.index, span: { offset: e.offset, length: e.length }, presentOnAdmission: comp(s, e.index, 9) };
      healthCareCodes.push(base);
      const role = ROLES[qualifier.value];
      if (role && code) diagnoses.push({ ...base, position: diagnoses.length + 1, role: role[0], codeSystem: role[1] });
    }
  }
  const serviceDate = dates.find((d) => (d.qualifier as { value: string }).value === '472') ?? dates.find((d) => (d.qualifier as { value: string }).value === '434') ?? null;
  const g1 = refs.find((r) => (r.qualifier as { value: string }).value === 'G1');
  Object.assign(claim, {
    priorAuthorization: g1 ? g1.value : null,
    references: refs,
    dates,
    serviceDate,
    diagnoses,
    healthCareCodes,
    notes: header.filter((s) => s.id === 'NTE').map((s) => ({ reference: str(s, 1), text: str(s, 2), segmentIndex: s.index, span: span(s) })),
  });
  // service lines: LX to the next LX or the end of the claim
  const lines: Json[] = [];
  const starts = loop.map((s, i) => (s.id === 'LX' ? i : -1)).filter((i) => i >= 0);
  for (let n = 0; n < starts.length; n++) {
    const from = starts[n];
    const to = n + 1 < starts.length ? starts[n + 1] - 1 : loop.length - 1;
    lines.push(slowLine(loop.slice(from, to + 1), kind, diagnoses, serviceDate as Record<string, Json> | null, doc));
  }
  claim.serviceLines = lines;
  Object.assign(claim, { billingProvider, subscriber, patient, claimFilingIndicator: (subscriber as { claimFilingIndicator: Json } | null)?.claimFilingIndicator ?? null });
  return claim;
}

function slowLine(loop: X12Segment[], kind: string, diagnoses: Record<string, Json>[], claimDate: Record<string, Json> | null, doc: X12Document): Json {
  const lx = loop[0];
  const last = loop[loop.length - 1];
  const header: X12Segment[] = [];
  let k = 1;
  while (k < loop.length && !['NM1', 'SBR', 'SVD'].includes(loop[k].id)) header.push(loop[k++]);
  const service = header.find((s) => s.id === 'SV1' || s.id === 'SV2');
  const professional = service?.id === 'SV1';
  const line: Record<string, Json> = {
    kind: service ? (professional ? 'professional' : 'institutional') : kind === '837P' ? 'professional' : kind === '837I' ? 'institutional' : 'unknown',
    lineNumber: num(lx, 1),
    firstSegment: lx.index,
    lastSegment: last.index,
    serviceSegmentIndex: service ? service.index : null,
    span: { offset: lx.offset, length: last.offset + last.length - lx.offset },
    serviceSpan: service ? span(service) : span(lx),
  };
  let procedure: Record<string, Json> | null = null;
  if (service) {
    const n = professional ? 1 : 2;
    const e = el(service, n);
    const qualifier = comp(service, n, 1);
    if (e && qualifier) {
      const comps = e.repetitions[0].components;
      const modifiers = comps.filter((c) => c.index >= 3 && c.index <= 6 && c.length > 0).map((c) => ({ value: c.value, offset: c.offset, length: c.length, position: c.index - 2 }));
      procedure = { qualifier, code: comp(service, n, 2), modifiers, description: comp(service, n, 7), span: { offset: e.offset, length: e.length } };
    }
  }
  const pointers: Record<string, Json>[] = [];
  const sv107 = service && professional ? el(service, 7) : undefined;
  if (sv107 && sv107.length > 0) {
    for (const c of sv107.repetitions[0].components) {
      if (c.index > 4 || c.length === 0) continue;
      const value = toNumber(c.value);
      pointers.push({ value, text: c.value, offset: c.offset, length: c.length, index: c.index, diagnosis: value !== null && Number.isInteger(value) ? (diagnoses[value - 1] ?? null) : null });
    }
  }
  const dates = header.filter((s) => s.id === 'DTP').map(date).filter(Boolean) as Record<string, Json>[];
  const own = dates.find((d) => (d.qualifier as { value: string }).value === '472');
  const refs = header.filter((s) => s.id === 'REF').map((s) => (str(s, 1) ? { qualifier: str(s, 1), value: str(s, 2), segmentIndex: s.index, span: span(s) } : null)).filter(Boolean) as Record<string, Json>[];
  const g1 = refs.find((r) => (r.qualifier as { value: string }).value === 'G1');
  const lin = header.find((s) => s.id === 'LIN');
  let drug: Record<string, Json> | null = null;
  if (lin) {
    const ctp = header.find((s) => s.id === 'CTP' && s.index > lin.index);
    drug = {
      qualifier: str(lin, 2),
      ndc: str(lin, 3),
      quantity: ctp ? num(ctp, 4) : null,
      unit: ctp ? comp(ctp, 5, 1) : null,
      segmentIndex: lin.index,
      ctpSegmentIndex: ctp ? ctp.index : null,
      span: ctp ? { offset: lin.offset, length: ctp.offset + ctp.length - lin.offset } : span(lin),
    };
  }
  Object.assign(line, {
    procedure,
    procedureCode: procedure ? procedure.code : null,
    modifiers: procedure ? procedure.modifiers : [],
    revenueCode: service && !professional ? str(service, 1) : null,
    charge: service ? num(service, professional ? 2 : 3) : null,
    unitBasis: service ? str(service, professional ? 3 : 4) : null,
    units: service ? num(service, professional ? 4 : 5) : null,
    placeOfService: service && professional ? str(service, 5) : null,
    diagnosisPointers: pointers,
    diagnosisPointerSpan: sv107 && sv107.length > 0 ? { offset: sv107.offset, length: sv107.length } : null,
    dateOfService: own ? { ...own, source: 'line' } : claimDate ? { ...claimDate, source: 'claim' } : null,
    dates,
    drug,
    notes: header.filter((s) => s.id === 'NTE').map((s) => ({ reference: str(s, 1), text: str(s, 2), segmentIndex: s.index, span: span(s) })),
    priorAuthorization: g1 ? g1.value : null,
    references: refs,
  });
  void doc;
  return line;
}

/** The fast model's claims as plain JSON (key order as the slow builder writes them does not matter to deepEqual). */
function fastClaims(doc: X12Document): Json[] {
  return JSON.parse(JSON.stringify(buildClaimModel(doc).claims.toArray()));
}

function agree(text: string, label: string): void {
  const doc = parseX12(text);
  assert.deepEqual(fastClaims(doc), JSON.parse(JSON.stringify(slowClaims(doc))), label);
}

const SEEDS = [fixture('837p-radiopharm.x12'), fixture('837i-outpatient-pipe.x12')];
const claimsDir = join(repoRoot, 'test', 'fixtures', 'claims');
const ALPHABET = ['*', ':', '^', '~', '|', '>', '\n', ' ', 'A', '9', '1', 'CLM*', 'LX*1~', 'SV1*HC:A9600:JW*', 'SV2*0343*HC:', 'HI*ABK:C7951~', 'DTP*472*D8*20250102~', 'DTP*472*RD8*20250102-20250105~', 'REF*G1*X~', 'NM1*IL*1*DOE*JO~', 'HL*2*1*22*0~', 'SBR*P********MB~', 'LIN**N4*123~', 'CTP****2*UN~', 'SE*', 'ST*837*1*005010X223A2~'];

test('the fast claim model equals the obvious builder on the fixtures', () => {
  for (const [i, seed] of SEEDS.entries()) agree(seed, `x12 fixture ${i}`);
  for (const name of readdirSync(claimsDir).filter((n) => n.endsWith('.837'))) agree(readFileSync(join(claimsDir, name), 'utf8'), name);
});

test('the fast claim model equals the obvious builder on mutated claim files (fuzz corpus)', () => {
  const mutation = fc.record({
    seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
    at: fc.nat(),
    removed: fc.nat({ max: 40 }),
    inserted: fc.array(fc.constantFrom(...ALPHABET), { maxLength: 6 }).map((a) => a.join('')),
  });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
      let text = SEEDS[ms[0].seed];
      for (const m of ms) {
        const offset = m.at % (text.length + 1);
        text = applyEdit(text, { offset, removed: Math.min(m.removed, text.length - offset), inserted: m.inserted });
      }
      agree(text, 'mutated');
    }),
    { numRuns: 300, seed: 20250310 },
  );
});

const shared = samples();
test('the fast claim model equals the obvious builder on the shared samples', { skip: shared ? false : 'shared samples not found (../shared absent)' }, () => {
  for (const [name, text] of shared!) agree(text, name);
});
