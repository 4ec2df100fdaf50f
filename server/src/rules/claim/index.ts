/** Billing rules that look at one claim at a time (so an edit re-checks only the claims it touches). */
import type { Rule } from '../types';
import { unknownCode } from './unknownCode';

export const claimRules: readonly Rule[] = [unknownCode];
