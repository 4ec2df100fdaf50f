/**
 * The interned id codes (see `segmentIdCode` in parse/x12.ts) of the segments the model reads, so the builders
 * compare one integer per segment instead of a string.
 */
import { segmentIdCode } from '../parse/x12';

export const ID_ISA = segmentIdCode('ISA');
export const ID_IEA = segmentIdCode('IEA');
export const ID_GS = segmentIdCode('GS');
export const ID_GE = segmentIdCode('GE');
export const ID_ST = segmentIdCode('ST');
export const ID_SE = segmentIdCode('SE');
export const ID_HL = segmentIdCode('HL');
export const ID_SBR = segmentIdCode('SBR');
export const ID_NM1 = segmentIdCode('NM1');
export const ID_CLM = segmentIdCode('CLM');
export const ID_LX = segmentIdCode('LX');
export const ID_SVD = segmentIdCode('SVD');
export const ID_SV1 = segmentIdCode('SV1');
export const ID_SV2 = segmentIdCode('SV2');
export const ID_DTP = segmentIdCode('DTP');
export const ID_NTE = segmentIdCode('NTE');
export const ID_REF = segmentIdCode('REF');
export const ID_LIN = segmentIdCode('LIN');
export const ID_CTP = segmentIdCode('CTP');
export const ID_HI = segmentIdCode('HI');

/** A table by interned id code (65,536 entries) with 1 for each of `ids`. */
export function idSet(ids: readonly number[]): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const c of ids) t[c] = 1;
  return t;
}
