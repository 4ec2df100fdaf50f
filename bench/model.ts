/**
 * Micro benchmark of the claim model: parse, buildClaimModel and updateClaimModel on synthetic 837P files.
 *
 *   node --expose-gc --import tsx bench/model.ts [sizeMB ...]      (default: 10 50)
 *
 * Prints medians of several runs: parse, build, retained heap of the model, RSS, and the time of
 * reparseX12 + updateClaimModel for edits in the middle of the file (a code replaced, a segment
 * inserted). The generator is deterministic (seeded), so numbers are comparable between commits.
 */
import { parseX12, reparseX12, type X12Edit } from '../server/src/parse/x12';
import { buildClaimModel, updateClaimModel, type ClaimFile } from '../server/src/model/claim';

// ---------------------------------------------------------------------------------------------
// synthetic 837P

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = ['A9600', 'A9604', 'J9271', 'J1745', '99213', '99214', '78803', 'J3490', 'A9513', 'Q5101', 'J0897', '96413', '96415', 'J2505'];
const MODS = ['JW', 'JZ', 'KX', '26', 'TC', 'GA', 'GY', '59', 'XU', 'RT', 'LT'];
const DX = ['C7951', 'C61', 'G893', 'C7B00', 'E1165', 'I10', 'Z5111', 'C3490', 'D649', 'N184', 'M545'];
const NAMES = ['PARKER', 'RIVERA', 'NGUYEN', 'SMITH', 'JOHNSON', 'GARCIA', 'MILLER', 'DAVIS', 'LOPEZ', 'WILSON'];
const FIRST = ['ALAN', 'SOFIA', 'LINDA', 'JAMES', 'MARY', 'ROBERT', 'PATRICIA', 'MICHAEL', 'JENNIFER'];

/** A synthetic 837P of about `bytes` characters: claims of 1-6 lines, HI, SV1 with modifiers, DTP*472, REF, NTE. */
export function synth837p(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const out: string[] = [];
  out.push('ISA*00*          *00*          *ZZ*HCPCSLSPTEST   *ZZ*MEDICAREB      *250310*0915*^*00501*000000101*0*T*:~\n');
  out.push('GS*HC*HCPCSLSPTEST*MEDICAREB*20250310*0915*101*X*005010X222A1~\n');
  let size = 200;
  let st = 0;
  let hl = 0;
  let claimNo = 0;
  while (size < bytes) {
    st++;
    const seg: string[] = [];
    seg.push(`ST*837*${String(st).padStart(4, '0')}*005010X222A1`);
    seg.push('BHT*0019*00*BATCH0001*20250310*0915*CH');
    seg.push('NM1*41*2*RIVERSIDE NUCLEAR MEDICINE*****46*TGJ23');
    seg.push('PER*IC*BILLING OFFICE*TE*5555550100');
    seg.push('NM1*40*2*MEDICARE PART B*****46*00952');
    hl++;
    const bp = hl;
    seg.push(`HL*${bp}**20*1`, 'PRV*BI*PXC*2085N0700X', 'NM1*85*2*RIVERSIDE NUCLEAR MEDICINE*****XX*1093817465', 'N3*400 RIVER ROAD', 'N4*SPRINGFIELD*IL*627010000', 'REF*EI*371234567');
    // ~ 2000 claims per transaction
    for (let k = 0; k < 2000 && size < bytes; k++) {
      hl++;
      const name = pick(NAMES);
      const first = pick(FIRST);
      const before = seg.length;
      seg.push(`HL*${hl}*${bp}*22*0`, `SBR*P*18*******${pick(['MB', 'MB', 'MC', 'CI'])}`, `NM1*IL*1*${name}*${first}****MI*${Math.floor(r() * 1e10)}`);
      seg.push('N3*12 ELM STREET', 'N4*SPRINGFIELD*IL*627040000', `DMG*D8*19${40 + Math.floor(r() * 50)}0622*${pick(['M', 'F'])}`, 'NM1*PR*2*MEDICARE PART B*****PI*00952');
      claimNo++;
      const lines = 1 + Math.floor(r() * 6);
      const charges: number[] = [];
      for (let l = 0; l < lines; l++) charges.push(Math.round(r() * 200000) / 100);
      const total = charges.reduce((a, b) => a + b, 0).toFixed(2);
      seg.push(`CLM*PCN${claimNo}*${total}***11:B:1*Y*A*Y*Y`);
      if (r() < 0.3) seg.push('DTP*431*D8*20250201');
      if (r() < 0.4) seg.push(`REF*G1*PA${Math.floor(r() * 1e6)}`);
      if (r() < 0.15) seg.push('NTE*ADD*BONE METASTASES FROM PROSTATE CA');
      const ndx = 1 + Math.floor(r() * 4);
      const hi: string[] = [`ABK:${pick(DX)}`];
      for (let d = 1; d < ndx; d++) hi.push(`ABF:${pick(DX)}`);
      seg.push(`HI*${hi.join('*')}`);
      seg.push(`NM1*82*1*${pick(NAMES)}*${pick(FIRST)}****XX*1548392011`, 'PRV*PE*PXC*2085N0700X');
      for (let l = 0; l < lines; l++) {
        seg.push(`LX*${l + 1}`);
        const mods: string[] = [];
        const nm = Math.floor(r() * 3);
        for (let m = 0; m < nm; m++) mods.push(pick(MODS));
        const ptrs: number[] = [];
        const np = 1 + Math.floor(r() * Math.min(ndx, 4));
        for (let p = 1; p <= np; p++) ptrs.push(p);
        const desc = r() < 0.05 ? `${mods.length ? '' : ':'}${':'.repeat(Math.max(0, 4 - mods.length))}Radiopharmaceutical NOC` : '';
        seg.push(`SV1*HC:${pick(CODES)}${mods.map((m) => `:${m}`).join('')}${desc}*${charges[l].toFixed(2)}*UN*${1 + Math.floor(r() * 10)}***${ptrs.join(':')}`);
        seg.push(`DTP*472*D8*202503${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`);
        if (r() < 0.2) seg.push(`REF*6R*LINE${claimNo}X${l}`);
        if (r() < 0.1) seg.push('NTE*ADD*2 MCI DISCARDED');
        if (r() < 0.1) seg.push('LIN**N4*12345678901', `CTP****${1 + Math.floor(r() * 4)}*UN`);
      }
      for (let j = before; j < seg.length; j++) size += seg[j].length + 2;
    }
    seg.push(`SE*${seg.length + 1}*${String(st).padStart(4, '0')}`);
    out.push(seg.join('~\n') + '~\n');
  }
  out.push(`GE*${st}*101~\nIEA*1*000000101~\n`);
  return out.join('');
}

// ---------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function countObjects(m: ClaimFile): number {
  // rough count of the objects reachable from the claims (for "objects per claim")
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    for (const k in v as Record<string, unknown>) walk((v as Record<string, unknown>)[k]);
  };
  // what one built claim holds (claims are built on demand and not retained by the model)
  for (const c of m.claims) {
    const { billingProvider, subscriber, patient, ...rest } = c;
    void billingProvider, void subscriber, void patient;
    seen.add(c);
    for (const k in rest) walk((rest as Record<string, unknown>)[k]);
  }
  return seen.size;
}

function run(sizeMB: number): void {
  const text = synth837p(sizeMB * 1048576);
  const doc = parseX12(text);
  const parseTimes: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    parseX12(text);
    parseTimes.push(performance.now() - t0);
  }
  const runs = sizeMB >= 40 ? 3 : 5;
  const buildTimes: number[] = [];
  const buildCpu: number[] = [];
  let model: ClaimFile | null = null;
  for (let k = 0; k < runs; k++) {
    model = null;
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    model = buildClaimModel(doc);
    // the model is an index: build every claim once, as a validation does
    for (let i = 0; i < model.claims.length; i++) void model.claims.index.buildClaimAt(i);
    buildTimes.push(performance.now() - t0);
    const c1 = process.cpuUsage(c0);
    buildCpu.push((c1.user + c1.system) / 1000);
  }
  model = null;
  gc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  model = buildClaimModel(doc);
  gc();
  gc();
  const heapModel = process.memoryUsage().heapUsed - heapBefore;
  const rss = process.memoryUsage().rss;
  const claims = model.claims.length;
  const lines = model.claims.reduce((a, c) => a + c.serviceLines.length, 0);
  const objs = sizeMB <= 10 ? countObjects(model) : 0;
  // edits in the middle of the file, applied one after the other (typing)
  let cur = doc;
  let m = model;
  const updTimes: number[] = [];
  const touchTimes: number[] = [];
  const mid = claims >> 1;
  for (let k = 0; k < 12; k++) {
    const c = m.claims.get(mid + (k % 3));
    const line = c.serviceLines[0];
    const edit: X12Edit =
      k % 2 === 0
        ? { offset: line.procedureCode!.offset, removed: 5, inserted: k % 4 === 0 ? 'A9604' : 'J9271' }
        : { offset: line.span.offset, removed: 0, inserted: 'NTE*ADD*TYPED~\n' };
    const t0 = performance.now();
    const { document, splice } = reparseX12(cur, edit);
    m = updateClaimModel(m, document, cur, splice);
    updTimes.push(performance.now() - t0);
    cur = document;
    // what a caller pays when it then walks every claim (each is built from the text)
    const t1 = performance.now();
    for (const c of m.claims) void c.span.offset;
    touchTimes.push(performance.now() - t1);
  }
  console.log(
    [
      `${sizeMB} MB: ${claims} claims, ${lines} lines, ${doc.segments.count} segments`,
      `  parse              ${ms(median(parseTimes))}`,
      `  buildClaimModel + build every claim once ${ms(median(buildTimes))} wall, ${ms(median(buildCpu))} cpu (all threads)  (runs: ${buildTimes.map((x) => x.toFixed(0)).join(', ')})`,
      `  model heap (index + envelopes) ${mb(heapModel)}   rss after build ${mb(rss)}${objs ? `   objects/claim ${(objs / claims).toFixed(0)}` : ''}`,
      `  reparse+update     ${ms(median(updTimes))}  (first ${ms(updTimes[0])}, max ${ms(Math.max(...updTimes))})`,
      `  then read all claims ${ms(median(touchTimes))}`,
    ].join('\n'),
  );
}

if (process.argv[1] && /bench[\\/]model\.ts$/.test(process.argv[1])) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  for (const s of sizes.length ? sizes : [10, 50]) run(s);
}
