import { guideRule } from './guideRule';

export const STATE_CODE = 'x12/state-code';

/** A US address's N402 is not a state, territory or Canadian province code, in a loop whose guide map gives no list. */
export const stateCode = guideRule(STATE_CODE, 'state', 'error', "A US address's state (N402) is not a state, territory or Canadian province code (checked where the guide map itself gives no list, such as the billing provider's address).");
