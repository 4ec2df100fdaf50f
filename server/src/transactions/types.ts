/**
 * The transaction seam. The envelope (ISA/GS/ST ... SE/GE/IEA, model/envelope.ts) and its rules (rules/envelope)
 * are shared by every transaction kind; each kind registers what it brings in one TransactionModule, and the
 * registry (registry.ts) lists them. The 837P and 837I are the first two entries (x837.ts).
 *
 * Adding a kind (the 835 remittance, say) is a new module plus its rules and fixtures: an identification entry in
 * model/transactionKinds.ts, a dictionary, its semantics, an item index, its rules and features.
 */
import type { ClaimFile, Transaction, TransactionKind } from '../model/claim';
import type { SemanticKind } from '../model/query';
import type { ElementInfo, SegmentInfo } from '../model/x12Dictionary';
import type { TransactionIdentification } from '../model/transactionKinds';
import type { Rule } from '../rules/types';

/** Segment, element and code-value names of one implementation guide (hover and completion read them). */
export interface TransactionDictionary {
  describeSegment(id: string): SegmentInfo | undefined;
  describeElement(segmentId: string, elementIndex: number): ElementInfo | undefined;
  describeComponent(segmentId: string, elementIndex: number, componentIndex: number): string | undefined;
  describeValue(segmentId: string, elementIndex: number, componentIndex: number, value: string): string | undefined;
}

/** "What is at this offset" in the kind's terms: the billing meaning of a value at (segment, element, component). */
export type TransactionSemantics = (
  segmentId: string,
  elementIndex: number,
  componentIndex: number,
  elementValue: (n: number) => string,
  componentValue: (c: number) => string,
) => SemanticKind | null;

/** The kind's items (claims for the 837), read from a lazy index and built on demand. */
export interface TransactionItems<Item> {
  /** What one item is called in messages and the outline: "claim". */
  readonly name: string;
  /** The transaction set's items, built when read. */
  itemsOf(transaction: Transaction): Iterable<Item> & { readonly length: number };
  /** The item containing a segment of the file, or null. */
  itemAtSegment(file: ClaimFile, segmentIndex: number): Item | null;
}

/** Editor features for the kind's items; the envelope levels of the outline and folding are shared. */
export interface TransactionFeatures {
  /** Feature modules (under features/) that read this kind's items, for the architecture document and tests. */
  readonly modules: readonly string[];
}

export interface TransactionModule<Item = unknown> {
  readonly kind: Exclude<TransactionKind, 'unknown'>;
  /** "Health care claim: professional (837P)". */
  readonly title: string;
  /** The implementation guide version this module follows ("005010X222A1"). */
  readonly implementationGuide: string;
  /** How the envelope recognises the kind (ST03, else GS08). */
  readonly identification: TransactionIdentification;
  readonly dictionary: TransactionDictionary;
  readonly semantics: TransactionSemantics;
  readonly items: TransactionItems<Item>;
  /**
   * The rules that check one item of this kind (claim rules run per claim: see rules/engine.ts) and, for rules with
   * checkFile, the transactions of this kind. The envelope and note rules are not here: they are shared.
   */
  readonly rules: readonly Rule[];
  readonly features: TransactionFeatures;
}
