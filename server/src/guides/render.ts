/**
 * Markdown for billing guides: a compact part for the hover (the caller shows the official descriptor first)
 * and the full readable guide for the "HCPCS: Look up code" command (official descriptor first, then every
 * section). Guide text is the project's own words; descriptors always come from the code set.
 */
import type { CodeSet, HcpcsRecord } from '../codeset/types';
import type { Guide, GuideIndex } from './types';

/** The command the client registers; it takes the code as its single argument and opens that code's guide. */
export const LOOKUP_COMMAND = 'hcpcs.lookupCode';

/** A `command:` link that opens the guide for a code (VS Code needs a trusted MarkdownString to follow it). */
export function lookupLink(code: string, label = code, title?: string): string {
  const args = encodeURIComponent(JSON.stringify([code]));
  const t = title ? ` "${title.replace(/["\\]/g, '')}"` : '';
  return `[${escapeMarkdown(label)}](command:${LOOKUP_COMMAND}?${args}${t})`;
}

/** Escapes characters that markdown would read as formatting in guide text written by users. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|#])/g, '\\$1');
}

/** ICD-10-CM code without the dot -> with the dot after the third character ("C7951" -> "C79.51"). */
function dotted(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

function record(codeSet: CodeSet, code: string): HcpcsRecord | undefined {
  return /^[A-Z]\d{4}$/.test(code) ? codeSet.procedure(code) : codeSet.modifier(code);
}

function firstSentence(text: string, max = 220): string {
  const m = /^.*?[.!?](?=\s|$)/.exec(text);
  const s = m ? m[0] : text;
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/**
 * The facts a coder decides on, in this order: units, the diagnosis the code needs, the waste modifiers, prior
 * approval. The hover shows them right under the descriptor and status, before anything else.
 */
export function guideDecisionFacts(guide: Guide): string[] {
  const e = escapeMarkdown;
  const facts: string[] = [];
  if (guide.unitOfBilling) facts.push(`**Units:** ${e(guide.unitOfBilling)}`);
  if (guide.requiredDiagnoses?.length) {
    facts.push(`**Needs diagnosis:** ${guide.requiredDiagnoses.map((g) => e(g.label)).join(' **and** ')}`);
  }
  if (guide.drugWasteModifiers) facts.push('**Drug waste:** JZ when nothing was discarded; JW line for the discarded amount');
  if (guide.priorAuthorization) facts.push('**Pre-approval:** commercial payers usually require it (REF\\*G1 on the claim)');
  return facts;
}

/**
 * The guide's part of a hover: short enough to read in a hover. The caller renders the official descriptor
 * (and status, pricing) above it; with `decisionShown` the caller has already put `guideDecisionFacts` there.
 */
export function renderGuideHover(guide: Guide, codeSet: CodeSet, options: { decisionShown?: boolean } = {}): string {
  const e = escapeMarkdown;
  const lines: string[] = [];
  lines.push(`**Billing guide: ${e(guide.title)}**${guide.purpose ? ` · ${e(firstSentence(guide.purpose))}` : ''}`);
  const facts: string[] = options.decisionShown ? [] : guideDecisionFacts(guide);
  if (guide.commonModifiers?.length) {
    facts.push(`**Modifiers:** ${guide.commonModifiers.map((m) => lookupLink(m.modifier, m.modifier, m.when)).join(' · ')}`);
  }
  if (guide.documentation?.length) facts.push(`**Document:** ${guide.documentation.map((d) => e(d.label)).join('; ')}`);
  if (guide.contraindications?.length) facts.push(`**Watch for:** ${guide.contraindications.map((c) => e(c.label)).join('; ')}`);
  if (guide.denialReasons?.length) {
    const shown = guide.denialReasons.slice(0, 2).map((d) => e(trimDot(d)));
    const more = guide.denialReasons.length - shown.length;
    facts.push(`**Common denials:** ${shown.join('; ')}${more > 0 ? ` (+${more} more)` : ''}`);
  }
  if (guide.payerPolicies?.length) {
    facts.push(`**Payer policies:** ${guide.payerPolicies.map((p) => `${e(p.payer)}: ${e(trimDot(p.policy))}`).join('; ')}`);
  }
  if (guide.similarCodes?.length) {
    const links = guide.similarCodes.map((s) => {
      const r = record(codeSet, s.code);
      return `${lookupLink(s.code, s.code, r?.longDescription)} ${e(s.note.split(';')[0].trim())}`;
    });
    facts.push(`**Similar:** ${links.join(' · ')}`);
  }
  if (facts.length) lines.push(facts.map((f) => `- ${f}`).join('\n'));
  const from = guide.source && guide.source !== 'bundled' ? `guide from ${e(guide.source)} · ` : '';
  lines.push(`*${from}${lookupLink(guide.code, 'open the full guide')}*`);
  return lines.join('\n\n');
}

function trimDot(s: string): string {
  return s.replace(/\.\s*$/, '');
}

/** "C61 (Malignant neoplasm of prostate)" for a code; for a prefix, the first codes under it from the code set. */
function diagnosisText(prefix: string, codeSet: CodeSet): string {
  const e = escapeMarkdown;
  const exact = codeSet.icd10(prefix);
  if (exact) return `${dotted(prefix)} (${e(exact.description)})`;
  const under = codeSet
    .searchIcd10(prefix, 50)
    .map((h) => h.record)
    .filter((r) => r.code.startsWith(prefix));
  if (under.length === 0) return `${dotted(prefix)}…`;
  const shown = under.slice(0, 3).map((r) => `${dotted(r.code)} (${e(r.description)})`);
  return `${dotted(prefix)}…: ${shown.join(', ')}${under.length > 3 ? ', …' : ''}`;
}

function section(title: string, body: string | undefined): string[] {
  return body ? [`## ${title}`, body] : [];
}

function bullets(items: readonly string[] | undefined): string | undefined {
  return items?.length ? items.map((i) => `- ${escapeMarkdown(i)}`).join('\n') : undefined;
}

function officialDescriptor(code: string, codeSet: CodeSet): string[] {
  const r = record(codeSet, code);
  if (r) {
    const kind = r.kind === 'modifier' ? 'HCPCS Level II modifier' : 'HCPCS Level II code';
    const status = r.terminated
      ? `Terminated: last valid date of service ${r.terminated}${r.crossReference.length ? `; use ${r.crossReference.join(', ')}` : ''}.`
      : `Active${r.added ? `, added ${r.added}` : ''}.`;
    return [
      `> **Official CMS descriptor** (${kind}, release ${codeSet.hcpcsRelease}):`,
      `> ${escapeMarkdown(r.longDescription)}`,
      '>',
      `> Short descriptor "${escapeMarkdown(r.shortDescription)}". ${status}`,
    ];
  }
  if (/^\d{2}$/.test(code)) {
    return [
      `> **Level I (CPT) modifier.** Its official descriptor is AMA-licensed and not in the CMS HCPCS file, so it is not shown here.`,
    ];
  }
  return [`> **${escapeMarkdown(code)} is not in the CMS HCPCS release ${codeSet.hcpcsRelease}.** Check the code before billing it.`];
}

/** The full, readable guide for one code or modifier: official descriptor first, then every section. */
export function renderGuideDocument(code: string, codeSet: CodeSet, guides: GuideIndex): string {
  const c = code.trim().toUpperCase();
  const guide = guides.get(c);
  const e = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${e(c)}${guide ? ` · ${e(guide.title)}` : ''}`);
  out.push(officialDescriptor(c, codeSet).join('\n'));
  if (!guide) {
    out.push('No billing guide for this code yet. Teams can add one in `.hcpcs/guides/<code>.json`.');
    return out.join('\n\n') + '\n';
  }
  out.push(...section('Purpose', guide.purpose ? e(guide.purpose) : undefined));
  out.push(...section('Clinical indications', bullets(guide.indications)));
  if (guide.contraindications?.length) {
    const lines = guide.contraindications.map((ci) => {
      const labs = (ci.labs ?? []).map((l) => `below ${l.below} ${l.unit}`).join(', ');
      return `- **${e(ci.label)}**${labs ? ` (review when a count is ${e(labs)})` : ''}${ci.advice ? `: ${e(ci.advice)}` : ''}`;
    });
    out.push('## Contraindications and cautions', lines.join('\n'));
  }
  const billing: string[] = [];
  if (guide.unitOfBilling) billing.push(`- **Units:** ${e(guide.unitOfBilling)}`);
  if (guide.expectedUnits) {
    const { min, max } = guide.expectedUnits;
    const range = min !== undefined && max !== undefined ? (min === max ? `${min}` : `${min} to ${max}`) : min !== undefined ? `at least ${min}` : `at most ${max}`;
    billing.push(`- **Units usually billed on a line:** ${range}`);
  }
  for (const g of guide.requiredDiagnoses ?? []) {
    billing.push(`- **Required diagnosis:** ${e(g.label)}: ${g.anyOf.map((p) => diagnosisText(p, codeSet)).join('; ')}`);
  }
  if (guide.supportingDiagnoses?.length) {
    billing.push(`- **Supporting diagnoses:** ${guide.supportingDiagnoses.map((p) => diagnosisText(p, codeSet)).join('; ')}`);
  }
  if (guide.priorAuthorization !== undefined) {
    billing.push(
      guide.priorAuthorization
        ? '- **Pre-approval:** commercial payers usually require it; put the authorization number on the claim (REF\\*G1).'
        : '- **Pre-approval:** not usually required.',
    );
  }
  if (guide.drugWasteModifiers) {
    billing.push('- **Drug waste (JW/JZ):** apply. Medicare: JZ when the whole dose was given; otherwise a second line with JW for the discarded amount.');
  }
  if (guide.marrowToxic) billing.push('- **Marrow-toxic:** blood counts before treatment are part of the record payers review.');
  out.push(...section('Billing', billing.join('\n') || undefined));
  if (guide.commonModifiers?.length) {
    out.push('## Common modifiers', guide.commonModifiers.map((m) => `- ${lookupLink(m.modifier)}: ${e(m.when)}`).join('\n'));
  }
  if (guide.documentation?.length) {
    out.push(
      '## Documentation the record must show',
      guide.documentation.map((d) => `- **${e(d.label)}**: ${e(d.why)}. *${e(capitalise(d.add))}.*`).join('\n'),
    );
  }
  out.push(...section('Common denial reasons', bullets(guide.denialReasons)));
  out.push(...section('Commercial payers', bullets(guide.commercialConsiderations)));
  if (guide.payerPolicies?.length) {
    out.push('## Payer policies', guide.payerPolicies.map((p) => `- **${e(p.payer)}**: ${e(p.policy)}`).join('\n'));
  }
  if (guide.similarCodes?.length) {
    const lines = guide.similarCodes.map((s) => {
      const r = record(codeSet, s.code);
      const official = r ? ` · *${e(r.longDescription)}*` : '';
      return `- ${lookupLink(s.code)}: ${e(s.note)}${official}`;
    });
    out.push('## Similar codes', lines.join('\n'));
  }
  const source = guide.source && guide.source !== 'bundled' ? `Guide from ${e(guide.source)}.` : 'Bundled guide.';
  const checked = guide.checkedAgainst ? ` Facts checked against the CMS HCPCS release ${guide.checkedAgainst}.` : '';
  out.push(`---\n*${source}${checked} The official descriptor above is the source of truth; payer policies vary.*`);
  return out.join('\n\n') + '\n';
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
