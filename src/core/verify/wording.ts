/**
 * What every catalog of the verifier's sentences (./messages.ts, ./messages-fr.ts) reads the same
 * way: a check's parameters, which arrive as plain data from the credential, the issuer's files
 * and the network, and a date in the words of whoever reads the report.
 */
import { dateInWords } from '../locale/dates.ts';
import type { CheckParams, CheckResult } from './check.ts';
import type { AnchorState, LoggedEvent } from './log.ts';
import type { StatusWarning } from './status.ts';

/** A parameter as text: nothing for a missing one. */
export const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export const lowerFirst = (value: string): string => value.charAt(0).toLowerCase() + value.slice(1);

/** A reason given as a sentence of its own, without its full stop, to end a sentence that quotes it. */
export const withoutStop = (value: unknown): string => text(value).replace(/\.$/, '');

/** The parameters of a clause a sentence holds (a format, status or log problem, why input is unreadable). */
export const clauseParams = (params: CheckParams, key: string): CheckParams => (params[key] ?? {}) as CheckParams;

/** The check of a status list that did not pass, as the status check hands it on. */
export const listCheck = (params: CheckParams): Pick<CheckResult, 'id' | 'code' | 'params'> => params['check'] as Pick<CheckResult, 'id' | 'code' | 'params'>;

/** The credential's history as the log records it, oldest first. */
export const loggedEvents = (params: CheckParams): readonly LoggedEvent[] => (params['events'] ?? []) as LoggedEvent[];

/** When an event took effect: a re-signing and a reinstatement are dated by when they were logged. */
export const eventDate = (event: LoggedEvent): string => (event.event === 're-signed' || event.event === 'reinstated' ? event.logged : event.date);

/** What the status check read past, leniently. */
export const statusWarnings = (params: CheckParams): readonly StatusWarning[] => (params['warnings'] ?? []) as StatusWarning[];

export type AnchorProblemCode = Extract<AnchorState, { state: 'invalid' }>['problem'];

/** The log's Bitcoin timestamp of the entry, as loosely as it may arrive. */
export const anchorOf = (params: CheckParams): { state: string; size?: number; height?: number; time?: string; blockHash?: string; problem?: string } =>
  (params['anchor'] ?? { state: 'none' }) as { state: string; size?: number; height?: number; time?: string; blockHash?: string; problem?: string };

/**
 * A date as the reader writes it: in the time zone of whoever runs the verifier (the browser's,
 * the terminal's), and in `locale`, or the runtime's own locale when there is none. The exact ISO
 * value stays in the check's details.
 */
export function readerDate(value: unknown, locale?: string): string {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) return text(value);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
  return locale === undefined ? format.format(new Date(time)) : dateInWords(format.formatToParts(new Date(time)), locale);
}
