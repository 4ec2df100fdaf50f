/**
 * The transaction registry: every transaction kind the product reads, one module each (types.ts). The envelope and
 * its rules are shared; a kind's own rules run only on its transactions (rules/engine.ts asks `rulesFor`).
 */
import type { TransactionKind } from '../model/claim';
import type { Rule } from '../rules/types';
import type { TransactionModule } from './types';
import { institutionalClaims, professionalClaims } from './x837';

export const transactionModules: readonly TransactionModule[] = [professionalClaims, institutionalClaims];

/**
 * The module of a transaction kind. A transaction set whose ST03/GS08 names no known guide ('unknown') is read as a
 * professional claim, as the product always did (the claim rules ran on it).
 */
export function transactionModule(kind: TransactionKind): TransactionModule {
  return transactionModules.find((m) => m.kind === kind) ?? professionalClaims;
}

const registered = new Set<Rule>(transactionModules.flatMap((m) => m.rules));

/**
 * Of `rules`, the ones that run on the claims of a transaction of `kind`: the kind's own, and any rule no module
 * registers (a rule a test or a user rule pack adds runs everywhere).
 */
export function rulesFor(kind: TransactionKind, rules: readonly Rule[]): Rule[] {
  const own = new Set(transactionModule(kind).rules);
  return rules.filter((r) => own.has(r) || !registered.has(r));
}
