/**
 * The claim model's public face: callers import from here. The model lives in files by concern:
 * types.ts (what a claim file says), segmentReader.ts (reading values from the text), valuePool.ts and
 * exactLists.ts (speed tricks), claimBuilder.ts (one claim), envelope.ts (ISA/GS/ST and their trailers),
 * claimIndex.ts (the lazy claim index), incremental.ts (the update after an edit).
 */
export type * from './types';
export { buildClaim } from './claimBuilder';
export { ENVELOPE_SEGMENTS, envelopeWalk, kindOf, transactionsOf, type EnvelopeEntry } from './envelope';
export {
  LazyList,
  ClaimIndex,
  ClaimList,
  LevelList,
  buildClaimModel,
  claimIndexOf,
  claimsInRange,
  claimAtSegment,
  transactionOfClaim,
  materializeClaimFile,
  MODEL_MAP_ANCHORS,
  type PlainClaimFile,
  type PlainTransaction,
} from './claimIndex';
export { updateClaimModel, updateClaimModelAt, type ClaimModelUpdate } from './incremental';
