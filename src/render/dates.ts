/** Dates in words, the same on the page, the share card and the PDF (src/core/locale/dates.ts). */
export { formatDate } from '../core/locale/dates.ts';
