/**
 * The 837 health care claim, professional (005010X222A1) and institutional (005010X223A2): one module each, sharing
 * the claim model (model/claimBuilder.ts, claimIndex.ts), the 837 dictionary (model/x12Dictionary.ts), the
 * semantics of model/query.ts, the implementation-guide rules (each module's guide table) and the claim and
 * structure rules. What differs between them lives in the model (SV1 / SV2 lines, CLM05 facility codes), in the
 * guide tables (data/x12/<guide id>.json) and in the rules that read `claim.transactionKind` (too-many-diagnoses).
 */
import { claimAtSegment, type Claim } from '../model/claim';
import { semanticKind } from '../model/query';
import { TRANSACTION_KINDS } from '../model/transactionKinds';
import { describeComponent, describeElement, describeSegment, describeValue } from '../model/x12Dictionary';
import { claimRules } from '../rules/claim';
import { conformanceRules } from '../rules/conformance';
import { structureRules } from '../rules/structure';
import type { Rule } from '../rules/types';
import type { TransactionDictionary, TransactionItems, TransactionModule } from './types';

const dictionary837: TransactionDictionary = { describeSegment, describeElement, describeComponent, describeValue };

const claims: TransactionItems<Claim> = {
  name: 'claim',
  itemsOf: (transaction) => transaction.claims,
  itemAtSegment: (file, segmentIndex) => claimAtSegment(file, segmentIndex),
};

/**
 * The rules every 837 claim is checked by, in the registry's order (rules/registry.ts): the implementation guide's
 * (`x12/`, against the module's `implementationGuide` table: conformance/), then structure and claim rules.
 */
const rules837: readonly Rule[] = [...conformanceRules, ...structureRules, ...claimRules];

const features837 = {
  modules: [
    'features/claimHover.ts',
    'features/claimCompletion.ts',
    'features/segmentCompletion.ts',
    'features/inlayHints.ts',
    'features/symbols.ts',
    'features/guideLoops.ts',
    'features/folding.ts',
    'features/formatting.ts',
  ],
};

function identification(kind: '837P' | '837I') {
  return TRANSACTION_KINDS.find((k) => k.kind === kind)!;
}

export const professionalClaims: TransactionModule<Claim> = {
  kind: '837P',
  title: 'Health care claim: professional (837P)',
  implementationGuide: '005010X222A1',
  identification: identification('837P'),
  dictionary: dictionary837,
  semantics: semanticKind,
  items: claims,
  rules: rules837,
  features: features837,
};

export const institutionalClaims: TransactionModule<Claim> = {
  kind: '837I',
  title: 'Health care claim: institutional (837I)',
  implementationGuide: '005010X223A2',
  identification: identification('837I'),
  dictionary: dictionary837,
  semantics: semanticKind,
  items: claims,
  rules: rules837,
  features: features837,
};
