import { guideRule } from './guideRule';

export const TAXONOMY_CODE = 'x12/taxonomy-code';

/** A provider taxonomy code (PRV03 with PXC) is not in the NUCC Health Care Provider Taxonomy code set. */
export const taxonomyCode = guideRule(TAXONOMY_CODE, 'taxonomy', 'warning', 'A provider taxonomy code (PRV03 with PXC) is not in the NUCC Health Care Provider Taxonomy code set.');
