/**
 * Every rule the product runs, in one list. A rule's id is its diagnostic code and its settings key
 * (`hcpcs.rules["hcpcs/terminated-code"]: "off" | "info" | "warning" | "error"`).
 */
import type { Rule } from './types';
import { claimRules } from './claim';
import { fileRules } from './envelope';
import { noteRules } from './notes';
import { structureRules } from './structure';
import { conformanceRules } from './conformance';

export const allRules: readonly Rule[] = [...fileRules, ...conformanceRules, ...structureRules, ...claimRules, ...noteRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
