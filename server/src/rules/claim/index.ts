/** Billing rules that look at one claim at a time (so an edit re-checks only the claims it touches). */
import type { Rule } from '../types';
import { unknownCode } from './unknownCode';
import { terminatedCode } from './terminatedCode';
import { notYetEffective } from './notYetEffective';
import { unknownModifier } from './unknownModifier';
import { terminatedModifier } from './terminatedModifier';
import { duplicateModifier } from './duplicateModifier';
import { conflictingModifiers } from './conflictingModifiers';
import { modifierPosition } from './modifierPosition';
import { drugWasteModifier } from './drugWasteModifier';
import { jwWithoutAdministered } from './jwWithoutAdministered';
import { jzWithWaste } from './jzWithWaste';
import { unitsPerDose } from './unitsPerDose';
import { unitsOutOfRange } from './unitsOutOfRange';
import { nocNeedsDescription } from './nocNeedsDescription';
import { distinctServiceAlone } from './distinctServiceAlone';
import { medicalNecessity } from './medicalNecessity';
import { priorAuthorization } from './priorAuthorization';
import { noncoveredMedicare } from './noncoveredMedicare';
import { kxAttestation } from './kxAttestation';
import { duplicateServiceLine } from './duplicateServiceLine';
import { ndcNotForCode } from './ndcNotForCode';
import { medicaidDrugWithoutNdc } from './medicaidDrugWithoutNdc';
import { ndcUnits } from './ndcUnits';
import { outsideReleaseDates } from './outsideReleaseDates';

export const claimRules: readonly Rule[] = [
  unknownCode,
  terminatedCode,
  notYetEffective,
  unknownModifier,
  terminatedModifier,
  duplicateModifier,
  conflictingModifiers,
  modifierPosition,
  drugWasteModifier,
  jwWithoutAdministered,
  jzWithWaste,
  unitsPerDose,
  unitsOutOfRange,
  nocNeedsDescription,
  distinctServiceAlone,
  medicalNecessity,
  priorAuthorization,
  noncoveredMedicare,
  kxAttestation,
  duplicateServiceLine,
  ndcNotForCode,
  medicaidDrugWithoutNdc,
  ndcUnits,
  outsideReleaseDates,
];
