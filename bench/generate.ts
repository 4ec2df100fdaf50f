/**
 * Synthetic 837P (005010X222A1) claim files for the benchmark and the robustness tests: realistic claims of
 * 1 to 6 service lines each, with real HCPCS codes, modifiers and ICD-10-CM diagnoses taken from the code
 * set, a billing provider per transaction, one subscriber (sometimes a dependent patient) per claim, and a
 * small share of the mistakes a claim scrubber finds (unknown or terminated codes, bad pointers). All names
 * and identifiers are made up. Deterministic for a given seed.
 *
 * Two profiles:
 * - `manyFindings` (the default, and what the robustness tests use): codes, modifiers and units picked at random
 *   from the whole code set, so most Medicare drug lines lack JW/JZ, non-covered codes lack GA/GY/GZ, NOC codes
 *   lack a description, codes added after the date of service are billed ... (about 0.75 findings per claim).
 * - `realistic`: what a clean batch from a billing system looks like: codes in effect on the date of service, the
 *   drug waste modifiers billed as Medicare requires (JZ on most drug lines, an administered line plus a JW line
 *   for some), GY/GZ on non-covered Medicare lines, a description on NOC lines, 1 unit of per-dose codes and common
 *   modifiers; only the deliberate mistakes (`errorRate` of the claims) and what they cause remain.
 */
import type { CodeSet, HcpcsRecord } from '../server/src/codeset/types';
import type { GuideIndex } from '../server/src/guides/types';
import { isNotOtherwiseClassified } from '../server/src/codeset/noc';
import { isWasteReportable } from '../server/src/rules/claim/drugs';

export interface GenerateOptions {
  /** Approximate size of the file in characters (the file stops after the claim that crosses it). */
  targetBytes: number;
  seed?: number;
  /** Claims per ST..SE transaction set (clearinghouses split large batches). */
  claimsPerTransaction?: number;
  /** Segment terminator followed by a newline (pretty) or not. */
  newlines?: boolean;
  /** Share of claims that carry a deliberate mistake (0..1). */
  errorRate?: number;
  /** See the file comment; default `manyFindings`. */
  profile?: 'realistic' | 'manyFindings';
  /** Billing guides (the realistic profile uses them to tell which drug lines need JW/JZ). */
  guides?: GuideIndex;
}

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAST = ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'JONES', 'GARCIA', 'MILLER', 'DAVIS', 'RODRIGUEZ', 'MARTINEZ', 'HERNANDEZ', 'LOPEZ', 'WILSON', 'ANDERSON', 'THOMAS', 'TAYLOR', 'MOORE', 'JACKSON', 'MARTIN', 'LEE', 'THOMPSON', 'WHITE', 'HARRIS', 'CLARK'];
const FIRST = ['JAMES', 'MARY', 'ROBERT', 'PATRICIA', 'JOHN', 'JENNIFER', 'MICHAEL', 'LINDA', 'DAVID', 'ELIZABETH', 'WILLIAM', 'BARBARA', 'RICHARD', 'SUSAN', 'JOSEPH', 'JESSICA', 'THOMAS', 'SARAH', 'CHARLES', 'KAREN'];
const STREETS = ['MAIN STREET', 'OAK AVENUE', 'PINE ROAD', 'MAPLE DRIVE', 'CEDAR LANE', 'ELM STREET', 'LAKE VIEW DRIVE', 'HILL ROAD'];
const CITIES: [string, string, string][] = [
  ['SPRINGFIELD', 'IL', '62701'],
  ['COLUMBUS', 'OH', '43215'],
  ['MADISON', 'WI', '53703'],
  ['AUSTIN', 'TX', '78701'],
  ['SALEM', 'OR', '97301'],
  ['DOVER', 'DE', '19901'],
];
const PLACES = ['11', '11', '11', '22', '19', '12', '81', '24'];
/** Modifiers a clean professional claim commonly carries, none of them a finding on its own. */
const COMMON_MODIFIERS = ['25', 'GP', 'GO', 'QW', 'RT', 'LT', '95', 'GT', 'AT', 'CG', 'GC', 'AI', 'Q6', 'SA', 'UD'];
/** A 10-digit NPI starting with 1 whose check digit is right (Luhn over 80840 + the first nine digits), from a random number. */
function npi(n: number): string {
  const first9 = `1${String(n % 1e8).padStart(8, '0')}`;
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = first9.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return first9 + String((10 - (sum % 10)) % 10);
}

const PER_DOSE = /\bper (treatment dose|study dose|study)\b/i;
const FILING = ['MB', 'MB', 'MB', 'MC', 'CI', 'BL', 'HM'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

interface Pools {
  procedures: HcpcsRecord[];
  terminated: HcpcsRecord[];
  modifiers: string[];
  icd: string[];
}

function pools(codeSet: CodeSet): Pools {
  const all = codeSet.allProcedures();
  const procedures = all.filter((p) => !p.terminated && /^[A-V]\d{4}$/.test(p.code));
  const terminated = all.filter((p) => !!p.terminated);
  const modifiers = codeSet
    .allModifiers()
    .filter((m) => !m.terminated)
    .map((m) => m.code);
  const icd: string[] = [];
  // a spread of real billable codes: every 37th code of the table (deterministic, covers every chapter)
  const probe = ['E119', 'I10', 'E785', 'J449', 'M170', 'C61', 'C7951', 'Z5111', 'N184', 'G893', 'F329', 'R0789', 'M545', 'K219', 'E6601'];
  for (const c of probe) if (codeSet.icd10(c)) icd.push(c);
  return { procedures: procedures.length ? procedures : all.slice(), terminated, modifiers: modifiers.length ? modifiers : ['59'], icd };
}

/** A synthetic 837P interchange of about `targetBytes` characters. */
export function generate837P(codeSet: CodeSet, options: GenerateOptions): string {
  const random = rng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const p = pools(codeSet);
  const realistic = options.profile === 'realistic';
  if (realistic) {
    // codes in effect on the date of service (March 2025)
    p.procedures = p.procedures.filter((r) => !r.added || r.added <= '2025-03-01');
    p.modifiers = COMMON_MODIFIERS.filter((m) => codeSet.modifier(m));
  }
  const isDrug = (r: HcpcsRecord) => isWasteReportable(r, options.guides?.get(r.code));
  // ICD-10-CM: a wide pool from the real table, found by searching common words once
  if (p.icd.length < 40) {
    for (const word of ['diabetes', 'hypertension', 'fracture', 'pain', 'neoplasm', 'asthma', 'infection', 'kidney', 'arthritis', 'depressive']) {
      for (const hit of codeSet.searchIcd10(word, 40)) if (hit.record.code.length >= 4) p.icd.push(hit.record.code);
    }
  }
  if (p.icd.length === 0) p.icd.push('R69');
  const errorRate = options.errorRate ?? 0.03;
  const perTx = options.claimsPerTransaction ?? 1000;
  const nl = options.newlines === false ? '' : '\n';
  const out: string[] = [];
  let size = 0;
  const seg = (s: string) => {
    out.push(s, '~', nl);
    size += s.length + 1 + nl.length;
  };
  const date = '20250310';
  seg('ISA*00*          *00*          *ZZ*SYNTHBENCH     *ZZ*CLEARINGHOUSE  *250310*0915*^*00501*000000901*0*T*:');
  seg(`GS*HC*SYNTHBENCH*CLEARINGHOUSE*${date}*0915*901*X*005010X222A1`);
  let tx = 0;
  let claimNo = 0;
  let groups = 0;
  while (size < options.targetBytes || claimNo === 0) {
    tx++;
    groups++;
    let segCount = 0;
    const tseg = (s: string) => {
      seg(s);
      segCount++;
    };
    const control = pad(tx, 4);
    tseg(`ST*837*${control}*005010X222A1`);
    tseg(`BHT*0019*00*BATCH${pad(tx, 5)}*${date}*0915*CH`);
    tseg('NM1*41*2*SYNTHETIC BILLING SERVICE*****46*SYN0001');
    tseg('PER*IC*BILLING OFFICE*TE*5555550100');
    tseg('NM1*40*2*CLEARINGHOUSE*****46*CH0001');
    const [city, state, zip] = pick(CITIES);
    tseg('HL*1**20*1');
    tseg('PRV*BI*PXC*207Q00000X');
    tseg(`NM1*85*2*${pick(LAST)} FAMILY MEDICINE*****XX*${npi(Math.floor(random() * 1e9))}`);
    tseg(`N3*${100 + Math.floor(random() * 900)} ${pick(STREETS)}`);
    tseg(`N4*${city}*${state}*${zip}0000`);
    tseg(`REF*EI*${pad(Math.floor(random() * 1e9), 9)}`);
    let hl = 1;
    for (let k = 0; k < perTx && (size < options.targetBytes || claimNo === 0); k++) {
      claimNo++;
      const filing = pick(FILING);
      const dependent = filing !== 'MB' && random() < 0.3;
      hl++;
      const subscriberHl = hl;
      tseg(`HL*${subscriberHl}*1*22*${dependent ? 1 : 0}`);
      tseg(`SBR*P*${dependent ? '' : '18'}*******${filing}`);
      tseg(`NM1*IL*1*${pick(LAST)}*${pick(FIRST)}****MI*${filing === 'MB' ? '1EG4TE5MK' : 'MBR'}${pad(claimNo % 100000, 5)}`);
      tseg(`N3*${10 + Math.floor(random() * 990)} ${pick(STREETS)}`);
      tseg(`N4*${city}*${state}*${zip}0000`);
      tseg(`DMG*D8*19${40 + Math.floor(random() * 50)}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 9)}*${random() < 0.5 ? 'F' : 'M'}`);
      tseg(`NM1*PR*2*${filing === 'MB' ? 'MEDICARE PART B' : filing === 'MC' ? 'STATE MEDICAID' : 'COMMERCIAL HEALTH PLAN'}*****PI*${pad(100 + (claimNo % 7), 5)}`);
      if (dependent) {
        hl++;
        tseg(`HL*${hl}*${subscriberHl}*23*0`);
        tseg('PAT*19');
        tseg(`NM1*QC*1*${pick(LAST)}*${pick(FIRST)}`);
        tseg(`N3*${10 + (claimNo % 990)} ${STREETS[claimNo % STREETS.length]}`);
        tseg(`N4*${city}*${state}*${zip}0000`);
        tseg(`DMG*D8*20${pad(Math.floor(random() * 20), 2)}0${1 + Math.floor(random() * 9)}1${Math.floor(random() * 9)}*${random() < 0.5 ? 'F' : 'M'}`);
      }
      const lines = 1 + Math.floor(random() * 6);
      const dx: string[] = [];
      const nDx = 1 + Math.floor(random() * 4);
      for (let d = 0; d < nDx; d++) dx.push(pick(p.icd));
      const mistake = random() < errorRate ? Math.floor(random() * 3) : -1;
      const charges: number[] = [];
      const lineSegs: string[] = [];
      const day = pad(1 + Math.floor(random() * 28), 2);
      let lx = 0;
      for (let l = 1; l <= lines; l++) {
        const record = pick(p.procedures);
        let code = record.code;
        if (mistake === 0 && l === 1) code = `${code.slice(0, 1)}99${pad(Math.floor(random() * 99), 2)}`; // likely unknown
        if (mistake === 1 && l === 1 && p.terminated.length) code = pick(p.terminated).code;
        let mods = random() < 0.35 ? [pick(p.modifiers)] : [];
        if (random() < 0.08) mods.push(pick(p.modifiers));
        let units = 1 + Math.floor(random() * 3);
        let description = '';
        let wasteLine = false;
        if (realistic && code === record.code) {
          if (filing === 'MB' && isDrug(record)) {
            // Medicare drug line: JZ (nothing discarded), or an administered line plus a JW line (some discarded)
            mods = [];
            if (random() < 0.85) mods.push('JZ');
            else wasteLine = true;
          } else if (filing === 'MB' && ['I', 'M', 'S'].includes(record.coverage)) {
            mods = [record.coverage === 'M' ? 'GZ' : 'GY'];
          }
          if (isNotOtherwiseClassified(record)) description = 'SUPPLY OR DRUG AS DOCUMENTED, 1 EACH';
          if (PER_DOSE.test(record.longDescription)) units = 1;
        }
        const charge = (20 + Math.floor(random() * 480)) * units;
        const pointers = mistake === 2 && l === 1 ? String(nDx + 1) : dx.slice(0, 1 + Math.floor(random() * Math.min(4, dx.length))).map((_, i) => i + 1).join(':');
        const composite = (m: string[]) => {
          const parts = [code, ...m];
          if (description) {
            while (parts.length < 5) parts.push('');
            parts.push(description);
          }
          return parts.join(':');
        };
        const serviceLine = (m: string[], u: number, charge: number) => {
          charges.push(charge);
          lineSegs.push(`LX*${++lx}`);
          lineSegs.push(`SV1*HC:${composite(m)}*${charge}*UN*${u}***${pointers}`);
          lineSegs.push(`DTP*472*D8*202503${day}`);
        };
        serviceLine(mods, units, charge);
        if (wasteLine) serviceLine(['JW'], 1, 20 + Math.floor(random() * 100));
        if (random() < 0.15) lineSegs.push(`REF*6R*LN${pad(claimNo, 7)}${l}`);
      }
      const total = charges.reduce((a, b) => a + b, 0);
      tseg(`CLM*PCN${pad(claimNo, 8)}*${total}***${pick(PLACES)}:B:1*Y*A*Y*Y`);
      if (random() < 0.2) tseg(`REF*G1*PA${pad(Math.floor(random() * 1e6), 6)}`);
      tseg(`HI*${dx.map((c, i) => `${i === 0 ? 'ABK' : 'ABF'}:${c}`).join('*')}`);
      tseg(`NM1*82*1*${pick(LAST)}*${pick(FIRST)}****XX*${npi(Math.floor(random() * 1e9))}`);
      tseg('PRV*PE*PXC*207Q00000X');
      for (const s of lineSegs) tseg(s);
    }
    seg(`SE*${segCount + 1}*${control}`);
  }
  seg(`GE*${groups}*901`);
  seg('IEA*1*000000901');
  return out.join('');
}
