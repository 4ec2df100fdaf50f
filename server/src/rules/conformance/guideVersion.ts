import { guideRule } from './guideRule';

export const GUIDE_VERSION = 'x12/guide-version';

/** GS08/ST03 is not a HIPAA-adopted version id (e.g. the pre-addenda 005010X222): one notice, and the file is checked against the adopted guide. */
export const guideVersion = guideRule(GUIDE_VERSION, 'version', 'warning', 'GS08/ST03 is not a HIPAA-adopted version id (e.g. the pre-addenda 005010X222): one notice, and the file is checked against the adopted guide.');
