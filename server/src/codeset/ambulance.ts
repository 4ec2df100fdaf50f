/**
 * Ambulance origin and destination modifiers. CMS does not list them one by one in the HCPCS modifier file: each is
 * two one-letter codes, the first for where the trip began and the second for where it ended (RH: residence to
 * hospital). The letters are the ones CMS publishes in the Medicare Claims Processing Manual, chapter 15 (ambulance),
 * section 30; the wording below is this project's own. X is a destination only.
 */

export interface AmbulanceLocation {
  letter: string;
  /** What the letter stands for, in plain words. */
  place: string;
  /** X: an intermediate stop at a physician's office on the way to the hospital; never an origin. */
  destinationOnly?: boolean;
}

export const AMBULANCE_LOCATIONS: Readonly<Record<string, AmbulanceLocation>> = {
  D: { letter: 'D', place: 'diagnostic or therapeutic site other than a physician office or hospital (when those are the origin)' },
  E: { letter: 'E', place: 'residential, domiciliary or custodial facility (not a skilled nursing facility)' },
  G: { letter: 'G', place: 'hospital-based ESRD (dialysis) facility' },
  H: { letter: 'H', place: 'hospital' },
  I: { letter: 'I', place: 'site of transfer between modes of ambulance transport (an airport or helicopter pad)' },
  J: { letter: 'J', place: 'freestanding ESRD (dialysis) facility' },
  N: { letter: 'N', place: 'skilled nursing facility' },
  P: { letter: 'P', place: "physician's office" },
  R: { letter: 'R', place: 'residence' },
  S: { letter: 'S', place: 'scene of an accident or acute event' },
  X: { letter: 'X', place: "intermediate stop at a physician's office on the way to the hospital", destinationOnly: true },
};

/** HCPCS A0021-A0999, "transportation services including ambulance": the codes origin/destination modifiers go on. */
export function isAmbulanceCode(code: string): boolean {
  return /^A0\d{3}$/.test(code) && code !== 'A0000';
}

export type AmbulancePair =
  | { ok: true; origin: AmbulanceLocation; destination: AmbulanceLocation }
  | { ok: false; problem: string };

/**
 * A two-letter modifier read as origin + destination; undefined when it is not made of the published letters at all
 * (then it is an ordinary modifier, or an unknown one).
 */
export function ambulancePair(modifier: string): AmbulancePair | undefined {
  const m = modifier.trim().toUpperCase();
  if (m.length !== 2) return undefined;
  const origin = AMBULANCE_LOCATIONS[m[0]];
  const destination = AMBULANCE_LOCATIONS[m[1]];
  if (!origin || !destination) return undefined;
  if (origin.destinationOnly) {
    return { ok: false, problem: `X (${origin.place}) is a destination only and cannot be where the trip began` };
  }
  return { ok: true, origin, destination };
}

/** "R (residence) to H (hospital)". */
export function describePair(pair: { origin: AmbulanceLocation; destination: AmbulanceLocation }): string {
  return `${pair.origin.letter} (${pair.origin.place}) to ${pair.destination.letter} (${pair.destination.place})`;
}
