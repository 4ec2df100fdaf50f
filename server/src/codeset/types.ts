import type { ImplementationGuides } from '../conformance/guides';
/**
 * The code set as the rest of the core sees it. Pure data and lookups: no I/O here.
 * Tables are loaded from disk by server/src/node/ (the only I/O layer) and validated with the zod
 * schemas in ./schema.ts before a CodeSet is built from them.
 */

/** A HCPCS Level II procedure code or modifier, as the CMS release describes it. */
export interface HcpcsRecord {
  /** "A9600", or a two-character modifier "JW". */
  code: string;
  kind: 'procedure' | 'modifier';
  longDescription: string;
  shortDescription: string;
  /** Pricing indicator codes, up to 4, e.g. ["57"]. */
  pricing: string[];
  /** Multiple pricing indicator, "" when blank. */
  multiplePricing: string;
  /** Coverage code: C, D, I, M, S, or "" when blank. */
  coverage: string;
  betos: string;
  /** Type of service codes, up to 5. */
  typeOfService: string[];
  /** Cross-reference (replacement) codes. */
  crossReference: string[];
  /** ISO dates (YYYY-MM-DD) or "" when blank. */
  added: string;
  actionEffective: string;
  /** Last valid date of service, "" when active. */
  terminated: string;
  actionCode: string;
  /** Processing note number, "" when none. */
  processingNote: string;
  // Optional extras from the same record (absent when blank).
  /** Coverage Issues Manual reference sections, up to 3. */
  coverageIssuesManual?: string[];
  /** Medicare Carriers Manual reference sections, up to 3. */
  carriersManual?: string[];
  /** Statute number, e.g. "1833(t)". */
  statute?: string;
  /** Lab certification codes, up to 8. */
  labCertification?: string[];
  /** ASC payment group ("YY" = approved for an ambulatory surgical center). */
  ascGroup?: string;
  ascEffective?: string;
  /** Anesthesia base units, when not zero. */
  anesthesiaBaseUnits?: string;
}

/** Code tables read from the CMS record layout (code -> official wording). */
export interface CodeTable {
  field: string;
  /** Appendix table name when the layout points at one, e.g. "BETOS_TB". */
  source?: string;
  codes: Record<string, string>;
}

export interface HcpcsCodeTables {
  recordId?: CodeTable;
  pricingIndicator?: CodeTable;
  multiplePricingIndicator?: CodeTable;
  labCertification?: CodeTable;
  coverage?: CodeTable;
  mogPaymentGroup?: CodeTable;
  mogPaymentPolicy?: CodeTable;
  betos?: CodeTable;
  typeOfService?: CodeTable;
  actionCode?: CodeTable;
}

export interface Icd10Record {
  /** Without the dot: "C7951". */
  code: string;
  description: string;
}

/** A licensed CPT descriptor a user supplied (never bundled). */
export interface LicensedDescriptor {
  code: string;
  descriptor: string;
}

export interface SearchHit<T> {
  record: T;
  /** Higher is better. */
  score: number;
}

/** The dates of service a release is for (inclusive ISO dates). */
export interface Coverage {
  from: string;
  to: string;
}

/** One ICD-10-CM fiscal year the code set holds. */
export interface Icd10Year extends Coverage {
  /** "FY2026" */
  release: string;
}

/** One row of the CMS ASP NDC-HCPCS crosswalk: an NDC package that bills under a HCPCS code. */
export interface NdcRecord {
  /** 11-digit NDC in 5-4-2 form, "13533-0636-01". */
  ndc: string;
  hcpcs: string;
  labeler: string;
  drugName: string;
  /** The amount one HCPCS billing unit is, as CMS writes it ("10 MG", "1 ML"). */
  hcpcsDosage: string;
  /** Size of one item of the package, and the number of items in it. */
  packageSize: number;
  packageQuantity: number;
  /** HCPCS billing units in one item, and in the whole package. */
  billUnits: number;
  billUnitsPerPackage: number;
}

/** A Medicare Part B payment limit of the ASP file. */
export interface PaymentLimit {
  hcpcs: string;
  hcpcsDosage: string;
  /** Dollars per HCPCS unit as CMS writes it ("73.632"), or "N/A". */
  paymentLimit: string;
  coinsurancePercent: string;
  notes: string;
}

/** The CMS ASP quarter the code set holds (crosswalk and payment limits). */
export interface AspData extends Coverage {
  release: string;
  /** Crosswalk rows of an NDC (written with or without dashes, 11 digits); empty when unknown. */
  ndc(ndc: string): readonly NdcRecord[];
  /** Crosswalk rows that bill under a HCPCS code. */
  ndcsOf(hcpcs: string): readonly NdcRecord[];
  paymentLimit(hcpcs: string): PaymentLimit | undefined;
}

export interface CodeSet {
  /** Release label, e.g. "2026-01". */
  readonly hcpcsRelease: string;
  readonly icd10Release: string;
  /** The calendar quarter the HCPCS release is for (2026-01 -> 2026-01-01 to 2026-03-31), when its label says. */
  readonly hcpcsCoverage?: Coverage;
  /**
   * The earliest last-valid date of the terminated codes the release still lists ("2014-06-30" in January 2026):
   * CMS drops codes terminated longer ago, so on a date before it the release cannot tell a deleted code from none.
   */
  readonly hcpcsHorizon?: string;
  /** Whether NOC-ness comes from the CMS NOC list of the release (else from descriptor words). */
  readonly nocFromList: boolean;
  /** A "not otherwise classified" code per the CMS NOC list of the release (or, without a list, its descriptor). */
  isNotOtherwiseClassified(code: string): boolean;
  /** The ICD-10-CM fiscal years held, oldest first (the current one always among them). */
  icd10Years(): readonly Icd10Year[];
  /** The fiscal year whose dates cover `date` (YYYY-MM-DD), if the code set holds it. */
  icd10YearFor(date: string): Icd10Year | undefined;
  /** A code in a given fiscal year's table (loaded on first use; undefined when the year is not held). */
  icd10In(release: string, code: string): Icd10Record | undefined;
  /**
   * Whether a fiscal year's table can be read (reading it on first use): false for a year not held, and for a year
   * listed but whose table is missing or damaged (told once, when first read). Tells "not in the year's table" from
   * "the year's table is not there".
   */
  icd10Held(release: string): boolean;
  /** The CMS ASP quarter (NDC crosswalk, payment limits), loaded on first use; undefined when not held. */
  asp(): AspData | undefined;
  procedure(code: string): HcpcsRecord | undefined;
  modifier(code: string): HcpcsRecord | undefined;
  icd10(code: string): Icd10Record | undefined;
  allProcedures(): readonly HcpcsRecord[];
  allModifiers(): readonly HcpcsRecord[];
  /** allProcedures().length and allModifiers().length, without decoding the records (codeset/hcpcsRecordsOnDemand.ts). */
  readonly procedureCount: number;
  readonly modifierCount: number;
  /** Codes starting with a prefix (case-insensitive), or whose descriptor contains all the words. */
  searchProcedures(query: string, limit: number): SearchHit<HcpcsRecord>[];
  searchIcd10(query: string, limit: number): SearchHit<Icd10Record>[];
  /** searchIcd10 in a given fiscal year's table (its index built on first use); empty when the year is not held. */
  searchIcd10In(release: string, query: string, limit: number): SearchHit<Icd10Record>[];
  /** User-supplied CPT descriptors (empty unless configured). */
  cpt(code: string): LicensedDescriptor | undefined;
  /** User-supplied CPT descriptors whose code starts with the query or whose descriptor has all its words. */
  searchCpt(query: string, limit: number): LicensedDescriptor[];
  /** Processing note text by number. */
  processingNote(num: string): string | undefined;
  /** Code tables from the release's record layout (pricing indicator, coverage, BETOS, ...), when loaded. */
  readonly codeTables?: HcpcsCodeTables;
  /** The X12 implementation guides (837P, 837I, 999 tables under data/x12/), when loaded. */
  readonly implementationGuides?: ImplementationGuides;
  /** Builds the search indexes now instead of on the first search (about 70 ms HCPCS + 200 ms ICD-10-CM). */
  warmUp?(): void;
}
