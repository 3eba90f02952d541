/**
 * Responses of the hosted documents: JSON exactly as the build publishes it (two-space indented,
 * a final newline, so diffs and bytes stay stable; a credential's route serves its own compact
 * bytes), and images with their media type.
 */
import { jsonText } from '../issue/hosted-documents.ts';

export const JSON_TYPE = 'application/json';

const IMAGE_TYPES = { png: 'image/png', svg: 'image/svg+xml', pdf: 'application/pdf' } as const;

export function jsonResponse(value: unknown): Response {
  return new Response(jsonText(value), { headers: { 'content-type': JSON_TYPE } });
}

export function imageResponse(bytes: Uint8Array | string, format: keyof typeof IMAGE_TYPES): Response {
  return new Response(typeof bytes === 'string' ? bytes : new Uint8Array(bytes), { headers: { 'content-type': IMAGE_TYPES[format] } });
}

/** The file format a route pattern ends with: `/achievements/[slug].png` → `png`. */
export function formatOf<T extends string>(routePattern: string): T {
  return routePattern.slice(routePattern.lastIndexOf('.') + 1) as T;
}
