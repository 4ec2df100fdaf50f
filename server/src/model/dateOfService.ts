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

/** The fallback date of service: the hcpcs.dateOfService setting when set, else `today` (default: today's date). */
export function fallbackDateOfService(settings: { readonly dateOfService: string }, today: string = todayIso()): string {
  return settings.dateOfService || today;
}

/** Today's date as YYYY-MM-DD in local time (the fallback date of service). */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
