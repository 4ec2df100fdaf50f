import { guideRule } from './guideRule';

export const LEVEL_WITHOUT_CLAIM = 'x12/level-without-claim';

/** A subscriber level (2000B) with no claim and no patient level under it (HL04 0): nothing for the payer to process. */
export const levelWithoutClaim = guideRule(LEVEL_WITHOUT_CLAIM, 'level-without-claim', 'warning', 'A subscriber level (2000B) with no claim and no patient level under it (HL04 0): nothing for the payer to process.');
