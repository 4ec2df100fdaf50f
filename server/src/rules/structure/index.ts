/** Claim-structure rules: arithmetic and pointers that a front-end edit checks before any payment logic. */
import type { Rule } from '../types';
import { claimTotalMismatch } from './claimTotal';
import { pointerOutOfRange } from './pointerOutOfRange';
import { tooManyDiagnoses } from './tooManyDiagnoses';
import { tooManyPointers } from './tooManyPointers';
import { unknownDiagnosis } from './unknownDiagnosis';
import { zeroUnits } from './zeroUnits';
import { icd9Qualifier } from './icd9Qualifier';
import { revenueCodeFormat } from './revenueCodeFormat';

export const structureRules: readonly Rule[] = [claimTotalMismatch, pointerOutOfRange, tooManyDiagnoses, tooManyPointers, zeroUnits, unknownDiagnosis, icd9Qualifier, revenueCodeFormat];
