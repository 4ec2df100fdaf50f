/**
 * Names and short meanings of the 837 (005010X222A1 professional / 005010X223A2 institutional) segments,
 * elements and the qualifier codes billers meet most. Written in our own words from general knowledge of
 * the X12 element names; not the TR3 text. Used for hover and completion.
 */

export interface ElementInfo {
  /** Short element name: "Procedure identifier". */
  name: string;
  /** One-line explanation in billing words, when useful. */
  description?: string;
  /** Component names (1-based order) for composite elements. */
  components?: string[];
  /** Name of the code table in CODE_TABLES that lists this element's values. */
  codes?: keyof typeof CODE_TABLES;
}

export interface SegmentInfo {
  name: string;
  description: string;
  /** elements[1] is element 01. */
  elements: Record<number, ElementInfo>;
}

const PROCEDURE_COMPONENTS = ['Product/service ID qualifier', 'Procedure code', 'Modifier 1', 'Modifier 2', 'Modifier 3', 'Modifier 4', 'Description'];
const HI_COMPONENTS = ['Code list qualifier', 'Code', 'Date/time format qualifier', 'Date/time', 'Amount', 'Quantity', 'Version identifier', 'Industry code', 'Present on admission indicator'];

function hiElements(): Record<number, ElementInfo> {
  const out: Record<number, ElementInfo> = {};
  for (let i = 1; i <= 12; i++) out[i] = { name: `Health care code information ${i}`, components: HI_COMPONENTS, codes: 'diagnosisQualifier', description: i === 1 ? 'First code; for diagnoses, the principal one (ABK).' : undefined };
  return out;
}

export const SEGMENTS: Record<string, SegmentInfo> = {
  ISA: {
    name: 'Interchange control header',
    description: 'Starts an interchange; fixed width (106 characters); declares the delimiters.',
    elements: {
      1: { name: 'Authorization information qualifier' },
      2: { name: 'Authorization information' },
      3: { name: 'Security information qualifier' },
      4: { name: 'Security information' },
      5: { name: 'Interchange sender ID qualifier' },
      6: { name: 'Interchange sender ID' },
      7: { name: 'Interchange receiver ID qualifier' },
      8: { name: 'Interchange receiver ID' },
      9: { name: 'Interchange date', description: 'YYMMDD.' },
      10: { name: 'Interchange time', description: 'HHMM.' },
      11: { name: 'Repetition separator', description: 'The character that separates repeated values of one element.' },
      12: { name: 'Interchange control version number', description: '00501 for 5010.' },
      13: { name: 'Interchange control number', description: 'Must match IEA02.' },
      14: { name: 'Acknowledgment requested', description: '0 no, 1 yes (TA1).' },
      15: { name: 'Usage indicator', description: 'P production, T test.' },
      16: { name: 'Component element separator', description: 'The character that separates the parts of a composite (HC:A9600:JW).' },
    },
  },
  IEA: { name: 'Interchange control trailer', description: 'Ends an interchange.', elements: { 1: { name: 'Number of included functional groups' }, 2: { name: 'Interchange control number', description: 'Must match ISA13.' } } },
  GS: {
    name: 'Functional group header',
    description: 'Starts a group of transaction sets of one kind (HC = claims).',
    elements: {
      1: { name: 'Functional identifier code', description: 'HC for health care claims.' },
      2: { name: "Application sender's code" },
      3: { name: "Application receiver's code" },
      4: { name: 'Date', description: 'CCYYMMDD.' },
      5: { name: 'Time' },
      6: { name: 'Group control number', description: 'Must match GE02.' },
      7: { name: 'Responsible agency code', description: 'X for ASC X12.' },
      8: { name: 'Version / release / industry identifier', description: '005010X222A1 professional, 005010X223A2 institutional.' },
    },
  },
  GE: { name: 'Functional group trailer', description: 'Ends a functional group.', elements: { 1: { name: 'Number of transaction sets included' }, 2: { name: 'Group control number', description: 'Must match GS06.' } } },
  ST: {
    name: 'Transaction set header',
    description: 'Starts one 837 transaction set.',
    elements: { 1: { name: 'Transaction set identifier code', description: '837 for claims.' }, 2: { name: 'Transaction set control number', description: 'Must match SE02.' }, 3: { name: 'Implementation convention reference', description: 'The guide version, e.g. 005010X222A1.' } },
  },
  SE: { name: 'Transaction set trailer', description: 'Ends a transaction set.', elements: { 1: { name: 'Number of included segments', description: 'Counts ST through SE inclusive.' }, 2: { name: 'Transaction set control number', description: 'Must match ST02.' } } },
  BHT: {
    name: 'Beginning of hierarchical transaction',
    description: 'Purpose, batch reference and creation date of the transaction.',
    elements: { 1: { name: 'Hierarchical structure code', description: '0019.' }, 2: { name: 'Transaction set purpose code', description: '00 original, 18 reissue.' }, 3: { name: 'Originator application transaction identifier' }, 4: { name: 'Transaction set creation date' }, 5: { name: 'Transaction set creation time' }, 6: { name: 'Claim or encounter identifier', description: 'CH chargeable, RP reporting (encounter).' } },
  },
  NM1: {
    name: 'Individual or organizational name',
    description: 'Names a party of the claim: submitter, receiver, provider, subscriber, patient, payer.',
    elements: {
      1: { name: 'Entity identifier code', codes: 'entity' },
      2: { name: 'Entity type qualifier', description: '1 person, 2 non-person entity.' },
      3: { name: 'Last name or organization name' },
      4: { name: 'First name' },
      5: { name: 'Middle name' },
      6: { name: 'Name prefix' },
      7: { name: 'Name suffix' },
      8: { name: 'Identification code qualifier', description: 'XX NPI, MI member ID, PI payer ID, 46 ETIN.' },
      9: { name: 'Identification code' },
    },
  },
  N3: { name: 'Address information', description: 'Street address.', elements: { 1: { name: 'Address line 1' }, 2: { name: 'Address line 2' } } },
  N4: { name: 'Geographic location', description: 'City, state and ZIP.', elements: { 1: { name: 'City name' }, 2: { name: 'State or province code' }, 3: { name: 'Postal code' }, 4: { name: 'Country code' } } },
  REF: { name: 'Reference information', description: 'An identifier qualified by REF01 (prior authorization, tax ID, ...).', elements: { 1: { name: 'Reference identification qualifier', codes: 'reference' }, 2: { name: 'Reference identification' }, 3: { name: 'Description' } } },
  PER: { name: 'Administrative communications contact', description: 'Contact name and phone/email.', elements: { 1: { name: 'Contact function code' }, 2: { name: 'Name' }, 3: { name: 'Communication number qualifier', description: 'TE phone, EM email, FX fax, EX extension.' }, 4: { name: 'Communication number' }, 5: { name: 'Communication number qualifier' }, 6: { name: 'Communication number' } } },
  PRV: { name: 'Provider information', description: 'Provider role and taxonomy code.', elements: { 1: { name: 'Provider code', description: 'BI billing, PE performing, AT attending ...' }, 2: { name: 'Reference identification qualifier', description: 'PXC taxonomy.' }, 3: { name: 'Provider taxonomy code' } } },
  HL: {
    name: 'Hierarchical level',
    description: 'Places what follows in the billing provider / subscriber / patient hierarchy.',
    elements: { 1: { name: 'Hierarchical ID number' }, 2: { name: 'Hierarchical parent ID number' }, 3: { name: 'Hierarchical level code', codes: 'hierarchyLevel' }, 4: { name: 'Hierarchical child code', description: '1 has child levels, 0 none.' } },
  },
  SBR: {
    name: 'Subscriber information',
    description: 'Payer responsibility, relationship and insurance type of the subscriber.',
    elements: {
      1: { name: 'Payer responsibility sequence number code', description: 'P primary, S secondary, T tertiary ...' },
      2: { name: 'Individual relationship code', description: '18 self (subscriber is the patient).' },
      3: { name: 'Group or policy number' },
      4: { name: 'Group name' },
      5: { name: 'Insurance type code', description: 'Required when Medicare is secondary.' },
      9: { name: 'Claim filing indicator code', codes: 'claimFilingIndicator' },
    },
  },
  PAT: { name: 'Patient information', description: "The patient's relationship to the subscriber.", elements: { 1: { name: 'Individual relationship code', description: '01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor, 53 life partner, G8 other.' }, 5: { name: 'Date time period format qualifier' }, 6: { name: 'Date of death' }, 7: { name: 'Unit of measure', description: 'Weight unit.' }, 8: { name: 'Weight' }, 9: { name: 'Pregnancy indicator' } } },
  DMG: { name: 'Demographic information', description: 'Birth date and gender.', elements: { 1: { name: 'Date time period format qualifier' }, 2: { name: 'Date of birth' }, 3: { name: 'Gender code', description: 'F, M, U.' } } },
  CLM: {
    name: 'Claim information',
    description: 'Starts a claim: patient control number, total charge, place of service / bill type and signatures.',
    elements: {
      1: { name: 'Patient control number', description: "The provider's own claim identifier, echoed back on the remittance." },
      2: { name: 'Total claim charge amount', description: 'Must equal the sum of the line charges.' },
      5: { name: 'Health care service location information', components: ['Place of service / facility type code', 'Facility code qualifier', 'Claim frequency type code'], description: 'B: place of service code (837P); A: UB bill type facility code (837I).' },
      6: { name: 'Provider or supplier signature indicator' },
      7: { name: 'Assignment or plan participation code', description: 'A assigned, B lab services only, C not assigned.' },
      8: { name: 'Benefits assignment certification indicator' },
      9: { name: 'Release of information code' },
      10: { name: 'Patient signature source code' },
      11: { name: 'Related causes information', components: ['Related causes code', 'Related causes code', 'Related causes code', 'State', 'Country'] },
      12: { name: 'Special program indicator' },
      20: { name: 'Delay reason code' },
    },
  },
  DTP: { name: 'Date or time or period', description: 'A date qualified by DTP01 (service, statement, admission ...).', elements: { 1: { name: 'Date/time qualifier', codes: 'dateQualifier' }, 2: { name: 'Date time period format qualifier', codes: 'dateFormat' }, 3: { name: 'Date time period' } } },
  HI: { name: 'Health care information codes', description: 'Diagnosis codes (and for 837I condition, occurrence, value and procedure codes), each qualified.', elements: hiElements() },
  CL1: { name: 'Claim codes (institutional)', description: 'Admission type, source and patient status.', elements: { 1: { name: 'Admission type code' }, 2: { name: 'Admission source code' }, 3: { name: 'Patient status code' } } },
  AMT: { name: 'Monetary amount information', description: 'An amount qualified by AMT01 (patient paid, payer paid ...).', elements: { 1: { name: 'Amount qualifier code', description: 'F5 patient amount paid, D payer paid, EAF remaining patient liability.' }, 2: { name: 'Monetary amount' } } },
  HCP: { name: 'Health care pricing', description: 'Repricing information from a PPO or repricer.', elements: { 1: { name: 'Pricing methodology' }, 2: { name: 'Repriced allowed amount' }, 3: { name: 'Repriced saving amount' }, 4: { name: 'Repricing organization identifier' } } },
  K3: { name: 'File information', description: 'Free-form data a payer asked for when no other place exists.', elements: { 1: { name: 'Fixed format information' } } },
  PWK: { name: 'Paperwork', description: 'Supporting documentation sent separately (attachment report type and how it is sent).', elements: { 1: { name: 'Attachment report type code' }, 2: { name: 'Attachment transmission code', description: 'BM mail, EL electronic, FX fax, FT file transfer.' }, 5: { name: 'Identification code qualifier', description: 'AC attachment control number.' }, 6: { name: 'Attachment control number' } } },
  NTE: { name: 'Note/special instruction', description: 'Free-text note for the claim or the line.', elements: { 1: { name: 'Note reference code', description: 'ADD additional information, CER certification narrative, DCP goals/plans, TPO third party organization notes.' }, 2: { name: 'Description' } } },
  LX: { name: 'Transaction set line number', description: 'Starts a service line (loop 2400).', elements: { 1: { name: 'Assigned number', description: 'Line number, 1..50 (837P) or 1..999 (837I).' } } },
  SV1: {
    name: 'Professional service',
    description: 'An 837P service line: procedure, charge, units and diagnosis pointers.',
    elements: {
      1: { name: 'Composite medical procedure identifier', components: PROCEDURE_COMPONENTS, codes: 'procedureQualifier' },
      2: { name: 'Line item charge amount' },
      3: { name: 'Unit or basis for measurement code', codes: 'unitBasis' },
      4: { name: 'Service unit count', description: 'Units billed; for drugs, units of the HCPCS descriptor (e.g. per millicurie).' },
      5: { name: 'Place of service code', description: 'Only when it differs from the claim (CLM05-1).' },
      7: { name: 'Composite diagnosis code pointer', components: ['Diagnosis code pointer 1', 'Diagnosis code pointer 2', 'Diagnosis code pointer 3', 'Diagnosis code pointer 4'], description: 'Numbers 1-12 pointing at the claim diagnoses in HI order; the first is the primary.' },
      9: { name: 'Emergency indicator' },
      11: { name: 'EPSDT indicator' },
      12: { name: 'Family planning indicator' },
      15: { name: 'Copay status code' },
    },
  },
  SV2: {
    name: 'Institutional service line',
    description: 'An 837I service line: revenue code, procedure, charge and units.',
    elements: {
      1: { name: 'Service line revenue code', description: 'Four-digit UB revenue code.' },
      2: { name: 'Composite medical procedure identifier', components: PROCEDURE_COMPONENTS, codes: 'procedureQualifier' },
      3: { name: 'Line item charge amount' },
      4: { name: 'Unit or basis for measurement code', codes: 'unitBasis' },
      5: { name: 'Service unit count' },
      7: { name: 'Line item denied charge or non-covered charge amount' },
    },
  },
  LIN: { name: 'Item identification', description: 'Drug identification (loop 2410): the NDC of the drug given on the line.', elements: { 2: { name: 'Product/service ID qualifier', codes: 'productQualifier' }, 3: { name: 'National Drug Code', description: '11 digits, 5-4-2, no hyphens.' } } },
  CTP: { name: 'Pricing information', description: 'Drug quantity and unit of the NDC on the line.', elements: { 4: { name: 'Quantity', description: 'NDC units dispensed.' }, 5: { name: 'Composite unit of measure', components: ['Unit or basis for measurement code'], codes: 'drugUnit' } } },
  SVD: { name: 'Line adjudication information', description: "A prior payer's adjudication of the line (COB).", elements: { 1: { name: 'Other payer primary identifier' }, 2: { name: 'Service line paid amount' }, 3: { name: 'Composite medical procedure identifier', components: PROCEDURE_COMPONENTS }, 5: { name: 'Paid service unit count' } } },
  CAS: { name: 'Claims adjustment', description: 'Adjustments a prior payer made (group code, reason code, amount).', elements: { 1: { name: 'Claim adjustment group code', description: 'CO contractual, PR patient responsibility, OA other, PI payer initiated.' }, 2: { name: 'Claim adjustment reason code' }, 3: { name: 'Adjustment amount' }, 4: { name: 'Adjustment quantity' } } },
  OI: { name: 'Other health insurance information', description: 'Assignment and release for another payer (COB).', elements: { 3: { name: 'Benefits assignment certification indicator' }, 6: { name: 'Release of information code' } } },
  CR1: { name: 'Ambulance certification', description: 'Ambulance transport details.', elements: {} },
  CRC: { name: 'Conditions indicator', description: 'Certification condition codes (ambulance, EPSDT, vision ...).', elements: {} },
  MEA: { name: 'Measurements', description: 'Test results (hemoglobin, hematocrit, creatinine ...).', elements: {} },
  QTY: { name: 'Quantity information', description: 'Anesthesia or ambulance patient count.', elements: {} },
};

/** Qualifier / code tables: code -> meaning in billing words. */
export const CODE_TABLES = {
  procedureQualifier: {
    HC: 'HCPCS / CPT procedure code',
    ER: 'Jurisdiction-specific procedure or supply code',
    IV: 'Home infusion EDI coalition (HIEC) product/service code',
    WK: 'Advanced billing concepts (ABC) code',
    HP: 'HIPPS rate code (Health Insurance Prospective Payment System; 837I)',
  } as Record<string, string>,
  diagnosisQualifier: {
    ABK: 'ICD-10-CM principal diagnosis',
    ABF: 'ICD-10-CM other diagnosis',
    ABJ: 'ICD-10-CM admitting diagnosis',
    APR: "ICD-10-CM patient's reason for visit",
    ABN: 'ICD-10-CM external cause of injury',
    BK: 'ICD-9-CM principal diagnosis (not valid for services on or after 2015-10-01)',
    BF: 'ICD-9-CM other diagnosis (not valid for services on or after 2015-10-01)',
    BJ: 'ICD-9-CM admitting diagnosis',
    PR: "ICD-9-CM patient's reason for visit",
    BN: 'ICD-9-CM external cause of injury',
    BBR: 'ICD-10-PCS principal procedure',
    BBQ: 'ICD-10-PCS other procedure',
    BG: 'Condition code',
    BH: 'Occurrence code',
    BI: 'Occurrence span code',
    BE: 'Value code',
    BP: 'HCPCS principal procedure (anesthesia related)',
    BO: 'HCPCS other procedure',
    DR: 'Diagnosis related group (DRG)',
    TC: 'Treatment code',
  } as Record<string, string>,
  unitBasis: { UN: 'Units', MJ: 'Minutes (anesthesia time)', DA: 'Days', F2: 'International unit', GR: 'Gram', ME: 'Milligram', ML: 'Milliliter' } as Record<string, string>,
  drugUnit: { F2: 'International unit', GR: 'Gram', ME: 'Milligram', ML: 'Milliliter', UN: 'Unit' } as Record<string, string>,
  claimFilingIndicator: {
    '11': 'Other non-federal program',
    '12': 'Preferred provider organization (PPO)',
    '13': 'Point of service (POS)',
    '14': 'Exclusive provider organization (EPO)',
    '15': 'Indemnity insurance',
    '16': 'Health maintenance organization (HMO) Medicare risk',
    '17': 'Dental maintenance organization',
    AM: 'Automobile medical',
    BL: 'Blue Cross / Blue Shield',
    CH: 'CHAMPUS / TRICARE',
    CI: 'Commercial insurance',
    DS: 'Disability',
    FI: 'Federal employees program',
    HM: 'Health maintenance organization (HMO)',
    LM: 'Liability medical',
    MA: 'Medicare Part A',
    MB: 'Medicare Part B',
    MC: 'Medicaid',
    OF: 'Other federal program',
    TV: 'Title V',
    VA: 'Veterans Affairs plan',
    WC: "Workers' compensation",
    ZZ: 'Mutually defined / unknown',
  } as Record<string, string>,
  dateQualifier: {
    '472': 'Service date',
    '434': 'Statement from-through dates',
    '435': 'Admission date/hour',
    '096': 'Discharge hour',
    '431': 'Onset of current illness or symptom',
    '454': 'Initial treatment date',
    '304': 'Latest visit or consultation',
    '453': 'Acute manifestation',
    '439': 'Accident',
    '484': 'Last menstrual period',
    '455': 'Last X-ray date',
    '471': 'Hearing and vision prescription date',
    '314': 'Disability dates',
    '360': 'Initial disability period start',
    '361': 'Initial disability period end',
    '297': 'Last worked',
    '296': 'Authorized return to work',
    '050': 'Repricer received date',
    '090': 'Assumed care date',
    '091': 'Relinquished care date',
    '444': 'First visit or consultation',
    '573': 'Claim check or remittance date (prior payer adjudication)',
    '738': 'Most recent hemoglobin or hematocrit test',
    '739': 'Most recent serum creatine test',
    '011': 'Shipped date',
    '607': 'Certification revision date',
    '463': 'Begin therapy date',
    '461': 'Last certification date',
  } as Record<string, string>,
  dateFormat: { D8: 'Single date, CCYYMMDD', RD8: 'Date range, CCYYMMDD-CCYYMMDD', DT: 'Date and time, CCYYMMDDHHMM', TM: 'Time, HHMM' } as Record<string, string>,
  entity: {
    '41': 'Submitter',
    '40': 'Receiver',
    '85': 'Billing provider',
    '87': 'Pay-to provider',
    PE: 'Pay-to plan',
    IL: 'Insured or subscriber',
    PR: 'Payer',
    QC: 'Patient',
    '82': 'Rendering provider',
    '77': 'Service facility location',
    DN: 'Referring provider',
    P3: 'Primary care provider',
    DK: 'Ordering provider',
    DQ: 'Supervising provider',
    '71': 'Attending provider',
    '72': 'Operating physician',
    ZZ: 'Other operating physician',
    '45': 'Drop-off location',
    PW: 'Pickup address',
    '36': 'Employer',
    FA: 'Facility',
    TL: 'Testing laboratory',
  } as Record<string, string>,
  reference: {
    G1: 'Prior authorization number',
    '9F': 'Referral number',
    EI: 'Employer identification number (tax ID)',
    SY: 'Social Security number',
    D9: 'Claim number assigned by the clearinghouse (value-added network trace)',
    F8: 'Payer claim control number (original reference number, for corrections and voids)',
    '0B': 'State license number',
    '1G': 'Provider UPIN number',
    G2: 'Provider commercial number',
    LU: 'Location number',
    EA: 'Medical record number',
    X4: 'CLIA number',
    '6R': 'Provider control number (line item control number)',
    XZ: 'Pharmacy prescription number',
    VY: 'Link sequence number',
    '9A': 'Repriced claim reference number',
    '9B': 'Repriced line item reference number',
    P4: 'Project code',
    '4N': 'Special payment reference number',
    LX: 'Qualified products list',
    '1W': 'Member identification number',
    SB: 'Social Security number',
    '2U': 'Payer identification number',
    EW: 'Mammography certification number',
    G4: 'Peer review organization approval number',
    T4: 'Signal code (demonstration project)',
  } as Record<string, string>,
  hierarchyLevel: { '20': 'Billing provider (information source)', '22': 'Subscriber', '23': 'Patient (dependent)', '19': 'Provider of service' } as Record<string, string>,
  productQualifier: { N4: 'National Drug Code in 5-4-2 format (11 digits)', EN: 'EAN/UCC-13', EO: 'EAN/UCC-8', HI: 'HIBC supplier labeling', ON: 'Customer order number', UK: 'GTIN 14-digit', UP: 'UCC-12' } as Record<string, string>,
  payerResponsibility: { P: 'Primary', S: 'Secondary', T: 'Tertiary', A: 'Payer responsibility four', B: 'Five', C: 'Six', D: 'Seven', E: 'Eight', F: 'Nine', G: 'Ten', H: 'Eleven', U: 'Unknown' } as Record<string, string>,
  facilityCodeQualifier: { A: 'Uniform billing claim form bill type (837I)', B: 'Place of service code (837P)' } as Record<string, string>,
  claimFrequency: { '1': 'Original claim', '7': 'Replacement of a prior claim', '8': 'Void/cancel of a prior claim' } as Record<string, string>,
};

export type CodeTableName = keyof typeof CODE_TABLES;

/** Segment info, undefined for unknown ids. */
export function describeSegment(id: string): SegmentInfo | undefined {
  return Object.prototype.hasOwnProperty.call(SEGMENTS, id) ? SEGMENTS[id] : undefined;
}

/** Element info ("SV1", 4) -> Service unit count; undefined when unknown. */
export function describeElement(segmentId: string, elementIndex: number): ElementInfo | undefined {
  return describeSegment(segmentId)?.elements[elementIndex];
}

/** Component name ("SV1", 1, 3) -> "Modifier 1". */
export function describeComponent(segmentId: string, elementIndex: number, componentIndex: number): string | undefined {
  return describeElement(segmentId, elementIndex)?.components?.[componentIndex - 1];
}

/** Meaning of a code in a table: describeCode('claimFilingIndicator', 'MB') -> "Medicare Part B". */
export function describeCode(table: CodeTableName, code: string): string | undefined {
  const t = CODE_TABLES[table] as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(t, code) ? t[code] : undefined;
}

/**
 * Meaning of a qualifier value where the dictionary knows it, from its position:
 * ("SBR", 9, 1, "MB") -> "Medicare Part B"; ("SV1", 1, 1, "HC") -> "HCPCS / CPT procedure code".
 */
export function describeValue(segmentId: string, elementIndex: number, componentIndex: number, value: string): string | undefined {
  if (segmentId === 'HI') return componentIndex === 1 ? describeCode('diagnosisQualifier', value) : undefined;
  if ((segmentId === 'SV1' && elementIndex === 1) || (segmentId === 'SV2' && elementIndex === 2)) return componentIndex === 1 ? describeCode('procedureQualifier', value) : undefined;
  if (segmentId === 'CLM' && elementIndex === 5) return componentIndex === 2 ? describeCode('facilityCodeQualifier', value) : componentIndex === 3 ? describeCode('claimFrequency', value) : undefined;
  if (segmentId === 'SBR' && elementIndex === 1) return describeCode('payerResponsibility', value);
  const info = describeElement(segmentId, elementIndex);
  return info?.codes ? describeCode(info.codes, value) : undefined;
}
