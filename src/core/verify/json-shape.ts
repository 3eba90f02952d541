/** Reading untrusted JSON without assuming its shape: the few guards every check uses. */

export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-LD value that may be one item or a list, as a list. */
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

export const hasType = (value: unknown, type: string): boolean => asArray(isRecord(value) ? value['type'] : undefined).includes(type);

/** An id given as a string, or as an object's `id`. */
export const idOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : isRecord(value) && typeof value['id'] === 'string' ? value['id'] : undefined;

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * An XML Schema dateTime as milliseconds; a value without a time zone is read as UTC, never as
 * local time. Undefined for anything that is not such a date.
 */
export function dateOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(value)) return undefined;
  const time = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? undefined : time;
}
