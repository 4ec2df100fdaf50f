import { guideRule } from './guideRule';

export const CLAIM_FREQUENCY = 'x12/claim-frequency';

/** CLM05-3 is not a claim frequency code (837P: 1, 6, 7, 8). */
export const claimFrequency = guideRule(CLAIM_FREQUENCY, 'frequency', 'error', 'CLM05-3 is not a claim frequency code (837P: 1, 6, 7, 8).');
