/**
 * The code facts the claim rules read live in codeset/codeFacts.ts (memoized per code set) and reach the rules
 * through the engine's checked claim (rules/checkedClaim.ts). Re-exported here for the rule modules that import them.
 */
export { CodeFacts, MAX_KEPT_LENGTH, upper } from '../../codeset/codeFacts';
