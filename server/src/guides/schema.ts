import { z } from 'zod';

/**
 * THE description of a billing guide file: bundled guides in data/guides/*.json and a team's own in
 * `.hcpcs/guides/*.json` (same schema). Every field is documented here and nowhere else; types.ts derives the
 * TypeScript types from this schema.
 *
 * A guide never restates the official descriptor: the hover and the look-up document take that from the
 * CMS release, so a guide cannot contradict it.
 *
 * Patterns are JavaScript regular expressions matched case-insensitively against the note text. A match
 * directly negated ("no lot number", "lot: not recorded", "denies ...") does not count.
 */

function isValidRegex(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

const pattern = z
  .string()
  .min(1)
  .max(400, 'a pattern longer than 400 characters is hard to review; split it')
  .refine(isValidRegex, { message: 'not a valid regular expression' })
  .describe('A case-insensitive JavaScript regular expression matched against the note text.');

const patterns = z.array(pattern).describe('Any of these regular expressions shows the note covers it.');

/** ICD-10-CM code or prefix without the dot ("C795" covers C79.51 and C79.52). */
const icdPrefix = z
  .string()
  .regex(/^[A-Z][0-9][0-9A-Z]{0,5}$/, 'an ICD-10-CM code or prefix without the dot, upper case, e.g. "C795"')
  .describe('An ICD-10-CM code or code prefix without the dot, e.g. "C795" for C79.51 and C79.52.');

const hcpcsCode = z
  .string()
  .regex(/^[A-Z][0-9]{4}$/, 'a HCPCS Level II code: one upper-case letter and four digits, e.g. "A9600"');
const modifierCode = z.string().regex(/^[A-Z0-9]{2}$/, 'a two-character modifier in upper case, e.g. "JW"');
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id of lower-case letters, digits and dashes');
const text = z.string().min(1);

export const documentationRequirementSchema = z
  .strictObject({
    id: id.describe('Stable id; a workspace guide with the same id replaces this requirement.'),
    label: text.describe('What the note must show, in billing words ("lot number of the dose administered").'),
    missing: text.describe('The finding when the note lacks it, after "CODE: " ("no lot number recorded").'),
    why: text.describe('Why the payer asks for it ("payers ask for the lot to match the dose to the pharmacy record").'),
    add: text.describe('What to add to the note ("add the lot number from the dose label").'),
    patterns: patterns.default([]),
    diagnoses: z
      .array(icdPrefix)
      .optional()
      .describe('Also covered when the note names an ICD-10-CM code with one of these prefixes (e.g. C79.51).'),
  })
  .refine((r) => r.patterns.length > 0 || (r.diagnoses?.length ?? 0) > 0, {
    message: 'give at least one pattern or diagnosis prefix, or the requirement can never be met',
    path: ['patterns'],
  })
  .describe('Something the record must show for the claim to be paid, and how to recognise it in a note.');

export const labSignalSchema = z
  .strictObject({
    name: pattern.describe('The lab as written in notes, e.g. "platelets?|plt".'),
    below: z.number().positive().describe('Values below this are a signal to review (this guide\'s threshold, in `unit`).'),
    unit: text.describe('Display unit of `below`, e.g. "×10⁹/L".'),
    countPerMicroliter: z
      .boolean()
      .optional()
      .describe('A blood count: values of 1000 or more are read as per µL and divided by 1000 (45,000 → 45 ×10⁹/L).'),
  })
  .describe('A lab value that, when low, signals the contraindication.');

export const contraindicationSchema = z
  .strictObject({
    id: id.describe('Stable id; a workspace guide with the same id replaces this contraindication.'),
    label: text.describe('The contraindication in clinical words ("severe bone marrow suppression").'),
    advice: text
      .optional()
      .describe('What the coder or clinician should do when a note shows it ("confirm marrow reserve ...").'),
    patterns: patterns.default([]).describe('Words in a note that signal it ("pancytopenia", "marrow failure").'),
    labs: z.array(labSignalSchema).optional(),
  })
  .describe('A reason not to give (or to hold) the agent, with the words that signal it in a note.');

export const diagnosisGroupSchema = z
  .strictObject({
    anyOf: z.array(icdPrefix).min(1).describe('At least one claim diagnosis must start with one of these.'),
    label: text.describe('The group in billing words ("bone metastases (C79.51/C79.52)").'),
  })
  .describe('One diagnosis the claim must carry: any code of the group.');

export const guideSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors use it for completion; ignored by the loader.'),
    code: z
      .union([hcpcsCode, modifierCode])
      .describe('The HCPCS Level II code ("A9600") or modifier ("JW") this guide is for.'),
    title: text
      .optional()
      .describe(
        'A short name ("Strontium-89 chloride"); never a replacement for the official descriptor. Required for a ' +
          'new guide; a workspace guide that extends a bundled one may leave it out.',
      ),
    mode: z
      .enum(['extend', 'replace'])
      .optional()
      .describe(
        'Workspace guides only. "extend" (default): fields given here override the bundled guide, list items are ' +
          'added (items with the same id, modifier, code or payer replace the bundled item). "replace": this guide ' +
          'replaces the bundled one.',
      ),
    checkedAgainst: z
      .string()
      .regex(/^\d{4}-(01|04|07|10)$/, 'a HCPCS release like "2026-01"')
      .optional()
      .describe('The HCPCS quarterly release the guide\'s facts were checked against.'),
    purpose: text.optional().describe('What the code bills, in one or two sentences.'),
    indications: z.array(text).optional().describe('Clinical situations the payer usually covers.'),
    contraindications: z.array(contraindicationSchema).optional(),
    commonModifiers: z
      .array(z.strictObject({ modifier: modifierCode, when: text.describe('When to append it.') }))
      .optional()
      .describe('Modifiers often billed with this code.'),
    documentation: z.array(documentationRequirementSchema).optional(),
    denialReasons: z.array(text).optional().describe('Why claims with this code are commonly denied.'),
    commercialConsiderations: z
      .array(text)
      .optional()
      .describe('What commercial payers usually add: pre-approval, investigational use outside the usual indications.'),
    payerPolicies: z
      .array(z.strictObject({ payer: text.describe('Payer name or profile.'), policy: text.describe('The policy in short.') }))
      .optional()
      .describe("A team's notes on a specific payer's policy (usually in workspace guides)."),
    similarCodes: z
      .array(
        z.strictObject({
          code: z.union([hcpcsCode, modifierCode]),
          note: text.describe('How it differs from this code.'),
        }),
      )
      .optional()
      .describe('Codes coders confuse with this one; shown as links to their guides.'),
    requiredDiagnoses: z
      .array(diagnosisGroupSchema)
      .optional()
      .describe('Medical necessity: the claim must carry a diagnosis from EACH group (any code within a group).'),
    supportingDiagnoses: z.array(icdPrefix).optional().describe('ICD-10-CM codes or prefixes that support the claim.'),
    priorAuthorization: z.boolean().optional().describe('Commercial payers usually require pre-approval (REF*G1 on the claim).'),
    unitOfBilling: text.optional().describe('How units are counted ("per millicurie: units = mCi administered").'),
    expectedUnits: z
      .strictObject({ min: z.number().nonnegative().optional(), max: z.number().positive().optional() })
      .optional()
      .describe('The units usually billed on one line.'),
    drugWasteModifiers: z.boolean().optional().describe('The JW/JZ drug waste modifiers apply (single-dose container).'),
    marrowToxic: z.boolean().optional().describe('Suppresses bone marrow: low counts in a note mentioning it are a warning.'),
  })
  .refine((g) => g.expectedUnits?.min === undefined || g.expectedUnits.max === undefined || g.expectedUnits.min <= g.expectedUnits.max, {
    message: 'expectedUnits.min is larger than expectedUnits.max',
    path: ['expectedUnits'],
  })
  .describe('A billing guide for one HCPCS code or modifier.');

/** A guide file holds one guide or a list of guides. */
export const guideFileSchema = z.union([guideSchema, z.array(guideSchema)]);

export type GuideData = z.output<typeof guideSchema>;
