/**
 * Dates as credentials carry them: XML Schema dateTimeStamp strings in UTC (`Z`), taken from the
 * records, never from the build clock (VC Data Model 2.0 §4.9 validity period).
 */

/** `2026-03-14` becomes `2026-03-14T00:00:00Z`; a UTC date-time is kept, minus fractional seconds. */
export function toDateTimeStamp(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return value.replace(/\.\d+Z$/, 'Z');
}

/** Adds an ISO 8601 duration in years, months and days (P2Y, P18M, P1Y6M, P90D) in UTC. */
export function addIsoDuration(dateTime: string, duration: string): string {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?$/.exec(duration);
  if (!match) throw new RangeError(`Not a duration in years, months and days: ${duration}`);
  const date = new Date(dateTime);
  const [years, months, days] = [match[1], match[2], match[3]].map((part) => Number(part ?? 0)) as [number, number, number];
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCMonth(date.getUTCMonth() + months);
  // Clamp to the month's last day: 31 January plus one month is 28 or 29 February, not 3 March.
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

export function isRealDate(value: string): boolean {
  return !Number.isNaN(new Date(toDateTimeStamp(value)).getTime());
}
