/** Dates in words, the same on the page, the share card and the PDF, in Node and in the browser. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 March 2026", the same on every machine (no locale data involved). */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new RangeError(`expected a date like 2026-03-14, got "${isoDate}"`);
  return `${Number(match[3])} ${month} ${match[1]}`;
}
