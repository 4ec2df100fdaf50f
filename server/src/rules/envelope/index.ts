/** Rules over the claim file as a whole: syntax, envelopes, control numbers and counts. */
import type { Rule } from '../types';
import { controlNumberMismatch } from './controlNumbers';
import { repetitionSeparator } from './repetitionSeparator';
import { segmentCount } from './segmentCount';
import { syntax } from './syntax';
import { trailerCount } from './trailerCount';

export const fileRules: readonly Rule[] = [syntax, repetitionSeparator, segmentCount, controlNumberMismatch, trailerCount];
