/** Claim-structure rules: arithmetic and pointers that a front-end edit checks before any payment logic. */
import type { Rule } from '../types';

export const structureRules: readonly Rule[] = [];
