/** Value checks of the X12 data types and the identifiers the guides name: pure functions of one value. */

/** A real calendar date CCYYMMDD (or YYMMDD when `digits` is 6). */
export function isCalendarDate(v: string, digits = 8): boolean {
  if (v.length !== digits || !/^\d+$/.test(v)) return false;
  const y = digits === 8 ? Number(v.slice(0, 4)) : 2000 + Number(v.slice(0, 2));
  const m = Number(v.slice(digits - 4, digits - 2));
  const d = Number(v.slice(digits - 2));
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/** HHMM, HHMMSS or HHMMSSd..d with real hours, minutes and seconds. */
export function isClockTime(v: string): boolean {
  if (!/^\d{4}(\d{2}\d{0,2})?$/.test(v)) return false;
  const h = Number(v.slice(0, 2));
  const m = Number(v.slice(2, 4));
  const s = v.length >= 6 ? Number(v.slice(4, 6)) : 0;
  return h < 24 && m < 60 && s < 60;
}

/** How X12 counts a value's length: numbers without sign and decimal point. */
export function x12Length(v: string, type: string): number {
  if (type === 'R' || type[0] === 'N') {
    let n = 0;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c >= 48 && c <= 57) n++;
    }
    return n;
  }
  return v.length;
}

/** Whether a value has the shape of its data type ("" when it does, else what is wrong). */
export function typeProblem(v: string, type: string, max: number): '' | 'number' | 'decimal' | 'date' | 'time' {
  if (type[0] === 'N' && type.length === 2) return /^-?\d+$/.test(v) ? '' : 'number';
  if (type === 'R') return /^-?(\d+(\.\d*)?|\.\d+)$/.test(v) ? '' : 'decimal';
  if (type === 'DT') return isCalendarDate(v, max === 6 ? 6 : 8) ? '' : 'date';
  if (type === 'TM') return isClockTime(v) ? '' : 'time';
  // AN / ID: any character of the X12 set (badCharacterAt, checked before the type)
  return '';
}

/**
 * Index of the first character of `v` outside the X12 basic and extended character sets, -1 when there is none. The
 * two sets together are the printable ASCII characters (32-126): capitals, digits, space and ! " & ' ( ) * + , - . / :
 * ; ? = (basic), lower case and % @ [ ] _ { } \ | < > ~ ^ ` # $ (extended; HIPAA's 005010 guides allow it). Anything
 * else (an accented letter, a typographic quote, a tab) is refused (999 IK4 6), except the characters in `syntax`:
 * the file's own separators, which a value may hold as syntax (ISA11, ISA16, a repeated element's text).
 */
export function badCharacterAt(v: string, syntax: string): number {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if ((c < 32 || c > 126) && !syntax.includes(v[i])) return i;
  }
  return -1;
}

/**
 * The NPI check digit: the Luhn formula over the 9 identifier digits with the card-issuer prefix 80840 in front
 * (which adds a constant 24 to the sum), as CMS's NPI standard defines it.
 */
export function isValidNpi(v: string): boolean {
  // ten digits, the first 1 or 2 (every NPI CMS issues), the last the check digit
  if (!/^[12]\d{9}$/.test(v)) return false;
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = v.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === v.charCodeAt(9) - 48;
}

/** The check digit that would make the first 9 digits a valid NPI. */
export function npiCheckDigit(first9: string): number {
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = first9.charCodeAt(8 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** D8 / RD8 / DT date-time period values in DTP03 and friends: "" when right, else the reason. */
export function periodProblem(format: string, v: string): string {
  if (format === 'D8') return isCalendarDate(v) ? '' : `${v} is not a real date in CCYYMMDD form`;
  if (format === 'RD8') {
    const m = /^(\d{8})-(\d{8})$/.exec(v);
    if (!m) return `${v} is not a date range CCYYMMDD-CCYYMMDD`;
    if (!isCalendarDate(m[1])) return `${m[1]} is not a real date`;
    if (!isCalendarDate(m[2])) return `${m[2]} is not a real date`;
    if (m[1] > m[2]) return `the range ends (${m[2]}) before it starts (${m[1]})`;
    return '';
  }
  if (format === 'DT') {
    if (!/^\d{12}$/.test(v)) return `${v} is not a date and time CCYYMMDDHHMM`;
    if (!isCalendarDate(v.slice(0, 8))) return `${v.slice(0, 8)} is not a real date`;
    if (!isClockTime(v.slice(8))) return `${v.slice(8)} is not a real time`;
    return '';
  }
  return '';
}
