/**
 * Lists in messages are capped: one medical-necessity message on a claim with 100,000 pointers was 1.79 MB
 * (issue 15). The first `max` items are shown, then "... and 99,990 more".
 */
export const MESSAGE_LIST_MAX = 10;

export function cappedList(items: readonly string[], max = MESSAGE_LIST_MAX, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)} ... and ${(items.length - max).toLocaleString('en-US')} more`;
}
