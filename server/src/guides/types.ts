/**
 * Billing guides as the core sees them. The fields are documented once, in ./schema.ts (the zod schema every
 * guide file goes through); these types are derived from it.
 * A guide is written per code; its machine-readable parts feed rules (medical necessity, prior authorization,
 * units, drug waste, documentation) and its prose feeds the hover.
 */
import type { z } from 'zod';
import type {
  guideSchema,
  documentationRequirementSchema,
  contraindicationSchema,
  diagnosisGroupSchema,
  labSignalSchema,
} from './schema';

export type GuideDocumentationRequirement = z.output<typeof documentationRequirementSchema>;
export type GuideContraindication = z.output<typeof contraindicationSchema>;
export type GuideLabSignal = z.output<typeof labSignalSchema>;
export type GuideDiagnosisGroup = z.output<typeof diagnosisGroupSchema>;

export type Guide = Omit<z.output<typeof guideSchema>, '$schema' | 'mode' | 'title'> & {
  title: string;
  /** Where this guide came from: "bundled", a workspace file name, or "bundled + <file>" when extended. */
  source?: string;
};

export interface GuideIndex {
  /** The guide for a HCPCS code ("A9600") or a modifier ("JW"); case-insensitive. */
  get(code: string): Guide | undefined;
  all(): readonly Guide[];
}

export const emptyGuides: GuideIndex = {
  get: () => undefined,
  all: () => [],
};
