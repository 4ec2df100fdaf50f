/**
 * Whether a HCPCS release is plausibly a real one (issue 15 item 11: a 2-line text named like a release, or a zip
 * that lies about its size, imported "successfully" with 0 codes, and from then on every code was unknown with no
 * warning). The bundled 2026-01 release has 8,623 codes and 383 modifiers; every quarterly release is within a few
 * percent of that. A release with under half of either is refused, when imported and when loaded.
 */
export const MIN_PLAUSIBLE_PROCEDURES = 4_000;
export const MIN_PLAUSIBLE_MODIFIERS = 150;

/** Why the counts are not those of a real release, or undefined. */
export function implausibleRelease(procedures: number, modifiers: number): string | undefined {
  if (procedures >= MIN_PLAUSIBLE_PROCEDURES && modifiers >= MIN_PLAUSIBLE_MODIFIERS) return undefined;
  return (
    `it has ${procedures.toLocaleString('en-US')} codes and ${modifiers.toLocaleString('en-US')} modifiers, far fewer than a CMS release ` +
    `(the bundled one has 8,623 codes and 383 modifiers; at least ${MIN_PLAUSIBLE_PROCEDURES.toLocaleString('en-US')} and ${MIN_PLAUSIBLE_MODIFIERS} are expected)`
  );
}
