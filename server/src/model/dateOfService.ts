/**
 * The one date-of-service resolver. Every check of validity (rules), the claim hover, claim completion and the inlay
 * hints use it, so a code reads the same everywhere.
 */
import type { Claim, ServiceLine } from './types';

/**
 * YYYY-MM-DD: the line's date of service (its DTP*472, which the model already falls back to the claim's 472, then
 * the 434 statement period), else the claim's service date, else `fallback` (the hcpcs.dateOfService setting when
 * set, else today).
 */
export function dateOfService(line: ServiceLine | null | undefined, claim: Claim | null | undefined, fallback: string): string {
  return line?.dateOfService?.from ?? claim?.serviceDate?.from ?? fallback;
}
