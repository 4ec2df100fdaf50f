/**
 * Markdown for a code or modifier in the hover: the official CMS descriptor first, then its status on the date
 * of service, then pricing and coverage in the record layout's own words, then the billing guide if any.
 */
import type { AmbulancePair } from '../codeset/ambulance';
import { describeRecordFields } from '../codeset/describe';
import { LEVEL_I_MODIFIER_NAMES } from '../codeset/levelOneModifiers';
import type { CodeSet, HcpcsRecord, Icd10Record } from '../codeset/types';
import type { GuideIndex } from '../guides/types';
import { guideDecisionFacts, lookupLink, renderGuideHover } from '../guides/render';

export interface HoverOptions {
  /** The date of service the code is billed for (YYYY-MM-DD), when known. */
  dateOfService?: string;
  /** How the token was read (notes): "found only in HCPCS Level II", ... */
  readAs?: string;
}

/** Status on the date of service; dates stay ISO (YYYY-MM-DD), as billing staff read them on claims daily. Replacements are links. */
function statusLine(r: HcpcsRecord, codeSet: CodeSet, dateOfService?: string): string {
  if (r.terminated) {
    const replaced = r.crossReference.length
      ? ` Use instead: ${r.crossReference.map((c) => lookupLink(c, c, codeSet.procedure(c)?.longDescription)).join(', ')}.`
      : '';
    const onDos =
      dateOfService && dateOfService > r.terminated
        ? ` **Not valid on the date of service ${dateOfService}.**`
        : dateOfService
          ? ` Still valid on the date of service ${dateOfService}.`
          : '';
    return `**Terminated**: last valid date of service ${r.terminated}.${onDos}${replaced}`;
  }
  if (dateOfService && r.added && dateOfService < r.added) {
    return `**Not yet effective** on the date of service ${dateOfService}: added ${r.added}.`;
  }
  return `**Active**${dateOfService ? ` on the date of service ${dateOfService}` : ''}${r.added ? ` (added ${r.added})` : ''}`;
}

/**
 * The decision first: code, descriptor, status on the date of service, then units, the diagnosis it needs, the
 * waste modifiers and prior approval (from the billing guide); the pricing table and the rest of the guide below.
 */
export function procedureHover(record: HcpcsRecord, codeSet: CodeSet, guides: GuideIndex, options: HoverOptions = {}): string {
  const parts: string[] = [];
  parts.push(`**${record.code}** · HCPCS Level II${options.readAs ? ` (${options.readAs})` : ''}`);
  parts.push(record.longDescription);
  parts.push(statusLine(record, codeSet, options.dateOfService));
  const guide = guides.get(record.code);
  const decision = guide ? guideDecisionFacts(guide) : [];
  if (decision.length) parts.push(decision.map((f) => `- ${f}`).join('\n'));
  const rows = describeRecordFields(codeSet.codeTables, record)
    .filter((f) => f.label !== 'Action')
    .map((f) => `| ${f.label} | \`${f.code}\` ${f.meaning ?? ''} |`);
  if (record.kind === 'procedure' && codeSet.isNotOtherwiseClassified(record.code)) {
    const basis = codeSet.nocFromList ? `on the CMS NOC list of release ${codeSet.hcpcsRelease}` : 'judged from the descriptor';
    rows.push(`| NOC | Not otherwise classified (${basis}): the claim must describe the item (SV101-7 or NTE) |`);
  }
  const limit = paymentLimitRow(record.code, codeSet);
  if (limit) rows.push(limit);
  if (record.processingNote) {
    const note = codeSet.processingNote(record.processingNote);
    if (note) rows.push(`| Processing note ${record.processingNote} | ${truncate(note, 240)} |`);
  }
  if (guide) parts.push(renderGuideHover(guide, codeSet, { decisionShown: true }));
  if (rows.length) parts.push(['| | |', '|---|---|', ...rows].join('\n'));
  parts.push(`*${releaseLine(codeSet)} · short descriptor "${record.shortDescription}"*`);
  return parts.join('\n\n');
}

/** "CMS HCPCS release 2026-01 (dates of service 2026-01-01 to 2026-03-31)": which release, and the dates it is for. */
export function releaseLine(codeSet: CodeSet): string {
  const c = codeSet.hcpcsCoverage;
  return `CMS HCPCS release ${codeSet.hcpcsRelease}${c ? ` (dates of service ${c.from} to ${c.to})` : ''}`;
}

/** The Medicare Part B payment limit of the ASP file for the code, per HCPCS unit, with the quarter it is for. */
function paymentLimitRow(code: string, codeSet: CodeSet): string | undefined {
  const asp = codeSet.asp();
  const limit = asp?.paymentLimit(code);
  if (!asp || !limit) return undefined;
  const quarter = `CMS ASP file ${asp.release}, ${asp.from} to ${asp.to}`;
  const amount = /^\d/.test(limit.paymentLimit) ? `$${limit.paymentLimit} per ${limit.hcpcsDosage || 'unit'}` : `${limit.paymentLimit} (no ASP-based limit)`;
  const notes = limit.notes ? `; ${truncate(limit.notes.replace(/\|/g, '/'), 160)}` : '';
  return `| Medicare Part B payment limit | ${amount} (${quarter}${notes}); not a coverage decision |`;
}

export function modifierHover(record: HcpcsRecord, codeSet: CodeSet, guides: GuideIndex, options: HoverOptions = {}): string {
  const parts: string[] = [];
  parts.push(`**${record.code}** · HCPCS Level II modifier`);
  parts.push(record.longDescription);
  if (record.terminated) {
    const onDos = options.dateOfService && options.dateOfService > record.terminated ? ` Not valid on the date of service ${options.dateOfService}.` : '';
    parts.push(`**Terminated**: last valid date of service ${record.terminated}.${onDos}`);
  }
  const guide = guides.get(record.code);
  if (guide) parts.push(renderGuideHover(guide, codeSet));
  parts.push(`*CMS HCPCS release ${codeSet.hcpcsRelease}*`);
  return parts.join('\n\n');
}

/**
 * An ambulance origin/destination modifier on an ambulance line (A0021-A0999): what the two letters say, from the
 * one-letter codes CMS publishes (codeset/ambulance.ts). `listed` is the modifier file's record when the same two
 * letters are also an ordinary modifier there (SH, RD, ...): on an ambulance code CMS reads them as origin and
 * destination, and the hover says both.
 */
export function ambulanceModifierHover(modifier: string, procedure: string, pair: AmbulancePair, listed: HcpcsRecord | undefined, codeSet: CodeSet): string {
  const parts: string[] = [`**${modifier}** · ambulance origin and destination modifier (on ${procedure})`];
  if (pair.ok) {
    parts.push(`**Origin ${pair.origin.letter}**: ${pair.origin.place}. **Destination ${pair.destination.letter}**: ${pair.destination.place}.`);
  } else {
    parts.push(`**Not a valid pair**: ${pair.problem}.`);
  }
  parts.push(
    'CMS builds these modifiers from one-letter place codes, the origin first and the destination second (Medicare ' +
      'Claims Processing Manual, chapter 15, section 30); the HCPCS modifier file does not list the pairs one by one.',
  );
  if (listed) parts.push(`Off ambulance lines, ${listed.code} is the HCPCS modifier "${listed.longDescription}".`);
  parts.push(`*CMS HCPCS release ${codeSet.hcpcsRelease}*`);
  return parts.join('\n\n');
}

/** Re-exported for completion; the table lives in the core so rules can read it. */
export { LEVEL_I_MODIFIER_NAMES };

export function levelIModifierHover(code: string, codeSet?: CodeSet, guides?: GuideIndex): string | undefined {
  const name = LEVEL_I_MODIFIER_NAMES[code];
  if (!name) return undefined;
  const licensed = codeSet?.cpt(code);
  const parts = [
    `**${code}** · CPT (Level I) modifier`,
    licensed
      ? `${licensed.descriptor} *(from your licensed descriptor file)*`
      : `${name} *(short name in this extension's own words; the official descriptor is AMA-licensed and not bundled)*`,
  ];
  const guide = guides?.get(code);
  if (guide && codeSet) parts.push(renderGuideHover(guide, codeSet));
  return parts.join('\n\n');
}

export function cptHover(code: string, codeSet: CodeSet): string {
  const licensed = codeSet.cpt(code);
  if (licensed) return `**${code}** · CPT (Level I)\n\n${licensed.descriptor}\n\n*From your licensed descriptor file*`;
  return [
    `**${code}** · CPT (Level I) code: descriptor not bundled, AMA licence`,
    'Point the setting `hcpcs.cptDescriptorFile` at a licensed CSV (`code,descriptor`) to see descriptors here.',
  ].join('\n\n');
}

export function icd10Hover(record: Icd10Record, codeSet: CodeSet, formatted: string, readAs?: string, release = codeSet.icd10Release): string {
  return [
    `**${formatted}** · ICD-10-CM diagnosis${readAs ? ` (${readAs})` : ''}`,
    record.description,
    `*${icd10YearLine(codeSet, release)}*`,
  ].join('\n\n');
}

/** "ICD-10-CM FY2026 (dates of service 2025-10-01 to 2026-09-30)". */
export function icd10YearLine(codeSet: CodeSet, release = codeSet.icd10Release): string {
  const y = codeSet.icd10Years().find((x) => x.release === release);
  return `ICD-10-CM ${release}${y && y.from ? ` (dates of service ${y.from} to ${y.to})` : ''}`;
}

/** The ICD-10-CM year a date of service is coded in: the year that covers it, else the newest (or oldest) held. */
export function icd10ReleaseFor(codeSet: CodeSet, date: string | undefined): string {
  if (!date) return codeSet.icd10Release;
  const year = codeSet.icd10YearFor(date);
  if (year) return year.release;
  const years = codeSet.icd10Years();
  return years.length && years[0].from && date < years[0].from ? years[0].release : codeSet.icd10Release;
}

export function unknownCodeHover(code: string, system: string, codeSet?: CodeSet): string {
  if (codeSet && codeSet.hcpcsRelease === 'none') {
    return `**${code}**: no code set is loaded, so it cannot be looked up. See the "HCPCS Language Server" output for which file failed.`;
  }
  return `**${code}**: not in the ${system} code set in use. A payer will reject a line with an unknown code.`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
