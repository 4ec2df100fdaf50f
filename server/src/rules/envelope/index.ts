/** Rules over the claim file as a whole: syntax, envelopes, control numbers and counts. */
import type { Rule } from '../types';
import { syntax } from './syntax';

export const fileRules: readonly Rule[] = [syntax];
