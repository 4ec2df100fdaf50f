import { guideRule } from './guideRule';

export const REQUIRED_LOOP = 'x12/required-loop';

/** A loop the implementation guide requires is missing (2010AA billing provider, 2010BA subscriber, 2400 service line ...). */
export const requiredLoop = guideRule(REQUIRED_LOOP, 'loop-missing', 'error', 'A loop the implementation guide requires is missing (2010AA billing provider, 2010BA subscriber, 2400 service line ...).');
