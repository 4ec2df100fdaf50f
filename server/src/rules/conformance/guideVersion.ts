import { guideRule } from './guideRule';

export const GUIDE_VERSION = 'x12/guide-version';

/**
 * GS08/ST03 is not a HIPAA-adopted version id (e.g. the pre-addenda 005010X222), or GS08 differs from the id its
 * transactions are checked against: one finding, and the file is checked against the adopted guide. An error: a
 * clearinghouse refuses a version it does not accept.
 */
export const guideVersion = guideRule(
  GUIDE_VERSION,
  'version',
  'error',
  'GS08/ST03 is not a HIPAA-adopted version id (e.g. the pre-addenda 005010X222), or GS08 is not the id of its transactions: one finding, and the file is checked against the adopted guide.',
);
