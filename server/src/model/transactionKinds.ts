/**
 * How the envelope tells transaction kinds apart: the implementation convention reference in ST03 (else GS08). The
 * model only names the kind; what a kind brings (dictionary, item index, rules, features) is registered in
 * transactions/registry.ts.
 */
import type { TransactionKind } from './types';

export interface TransactionIdentification {
  readonly kind: Exclude<TransactionKind, 'unknown'>;
  /** ST01 transaction set identifier code. */
  readonly transactionSetId: string;
  /** ST03 / GS08 values of this kind start with one of these (005010X222A1, 005010X222A2 ...). */
  readonly implementationPrefixes: readonly string[];
}

export const TRANSACTION_KINDS: readonly TransactionIdentification[] = [
  { kind: '837P', transactionSetId: '837', implementationPrefixes: ['005010X222'] },
  { kind: '837I', transactionSetId: '837', implementationPrefixes: ['005010X223'] },
];

/** Transaction kind from ST03, else GS08. */
export function kindOf(st03: string | undefined, gs08: string | undefined): TransactionKind {
  for (const v of [st03, gs08]) {
    if (!v) continue;
    for (const k of TRANSACTION_KINDS) if (k.implementationPrefixes.some((p) => v.startsWith(p))) return k.kind;
  }
  return 'unknown';
}
