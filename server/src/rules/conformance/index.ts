/** Implementation-guide conformance (837P 005010X222A1, 837I 005010X223A2): one rule per kind of fault. */
import type { Rule } from '../types';
import { guideVersion } from './guideVersion';
import { requiredLoop } from './requiredLoop';
import { requiredSegment } from './requiredSegment';
import { unexpectedSegment } from './unexpectedSegment';
import { segmentRepeat } from './segmentRepeat';
import { hierarchy } from './hierarchy';
import { numbering } from './numbering';
import { requiredElement } from './requiredElement';
import { elementNotUsed } from './elementNotUsed';
import { elementLength } from './elementLength';
import { dataType } from './dataType';
import { characterSet } from './characterSet';
import { codeValue } from './codeValue';
import { syntaxNote } from './syntaxNote';
import { segmentFormat } from './segmentFormat';
import { npiCheckDigit } from './npiCheckDigit';
import { taxonomyCode } from './taxonomyCode';
import { zipCode } from './zipCode';
import { stateCode } from './stateCode';
import { claimFrequency } from './claimFrequency';
import { levelWithoutClaim } from './levelWithoutClaim';

export const conformanceRules: readonly Rule[] = [
  guideVersion,
  requiredLoop,
  requiredSegment,
  unexpectedSegment,
  segmentRepeat,
  hierarchy,
  numbering,
  requiredElement,
  elementNotUsed,
  elementLength,
  dataType,
  characterSet,
  codeValue,
  syntaxNote,
  segmentFormat,
  npiCheckDigit,
  taxonomyCode,
  zipCode,
  stateCode,
  claimFrequency,
  levelWithoutClaim,
];
