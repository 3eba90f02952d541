/** JSON helpers shared by the builders. */

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/**
 * Drops undefined values and empty arrays, recursively. OB 3.0 §"Serialization": null values and
 * empty arrays MUST be omitted.
 */
export function omitEmpty<T>(value: T): T {
  if (Array.isArray(value)) return value.map(omitEmpty) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || item === null || (Array.isArray(item) && item.length === 0)) continue;
      out[key] = omitEmpty(item);
    }
    return out as T;
  }
  return value;
}
