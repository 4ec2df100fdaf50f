/** Money as the file writes it: X12 amounts are decimal numbers (R type) whose style varies from file to file. */
import type { NumericValue } from '../../model/claim';

/** Cents of an amount text ("125.5" -> 12550), null when not a plain decimal. */
export function cents(v: NumericValue | null): number | null {
  if (!v || v.value === null) return null;
  return Math.round(v.value * 100);
}

/**
 * Formats cents the way `samples` are written: with two decimals when the file writes amounts like "48250.00",
 * otherwise as short as possible ("2450", "125.5").
 */
export function formatMoney(amountCents: number, samples: readonly (NumericValue | null)[]): string {
  const twoDecimals = samples.some((s) => s && /\.\d\d$/.test(s.text));
  const sign = amountCents < 0 ? '-' : '';
  const abs = Math.abs(amountCents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (twoDecimals) return `${sign}${whole}.${String(frac).padStart(2, '0')}`;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
