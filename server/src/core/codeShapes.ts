/**
 * The shapes of the codes billers write, in one place: what a HCPCS Level II code, a Level I (CPT) code and an
 * ICD-10-CM code look like before any code set is asked. Shape says "could be", the code set says "is".
 */

/** HCPCS Level II: a letter A-V and four digits (A9600, J9035). */
export const LEVEL_II_SHAPE = /^[A-V]\d{4}$/;

/** HCPCS Level I (CPT, Category II/III): four digits and a digit or letter (99213, 0001F, 0075T). */
export const LEVEL_I_SHAPE = /^\d{4}[0-9A-Z]$/;

/** ICD-10-CM without its dot: a letter, a digit, then one to five digits or letters (C7951, I10). */
export const ICD10_SHAPE = /^[A-Z]\d[0-9A-Z]{1,5}$/;

export function hasLevelIIShape(code: string): boolean {
  return LEVEL_II_SHAPE.test(code);
}

export function hasLevelIShape(code: string): boolean {
  return LEVEL_I_SHAPE.test(code);
}

export function hasIcd10Shape(code: string): boolean {
  return ICD10_SHAPE.test(code);
}
