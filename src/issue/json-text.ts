/** The one way the site writes a JSON document: the bytes every route serves and every check reads. */

/** Stable JSON text: two-space indentation and a final newline, so diffs and bytes stay stable. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
