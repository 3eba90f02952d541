/**
 * The two transformations the EdDSA cryptosuites use (vc-di-eddsa §3.2.3 and §3.3.3):
 * RDF Dataset Canonicalization (RDFC-1.0) to N-Quads, and the JSON Canonicalization Scheme
 * (RFC 8785).
 *
 * RDFC-1.0 takes two paths to the same N-Quads. The fast path (./rdf/dataset.ts) turns the
 * document into its RDF dataset over contexts processed once, then rdf-canonize canonicalizes
 * it; it covers the JSON-LD that credentials written with the pinned contexts use. Any other
 * document, and every document that fails, goes to jsonld.js `canonize`, which is the reference:
 * its N-Quads and its failures are what this module returns.
 */
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import canonicalizeJson from 'canonicalize';
import { UnknownContextError, type DocumentLoader } from './document-loader.ts';
import { datasetOf } from './rdf/dataset.ts';

export type CanonicalizationFailure =
  | { kind: 'unknown-context'; url: string; message: string }
  | { kind: 'undefined-term'; message: string }
  | { kind: 'invalid-json-ld'; message: string };

export type CanonicalizationResult =
  | { ok: true; nquads: string }
  | { ok: false; failure: CanonicalizationFailure };

/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document. Safe mode is on: a term the contexts do not
 * define, which expansion would otherwise drop silently and so leave unsigned, is a failure
 * (vc-di-eddsa §3.2.3: implementations "will detect dataset poisoning by default, and abort").
 */
export async function canonicalizeRdfc(document: object, documentLoader: DocumentLoader): Promise<CanonicalizationResult> {
  const dataset = await datasetOf(document, documentLoader);
  if (dataset) {
    try {
      return { ok: true, nquads: await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' }) };
    } catch {
      // Too many deep iterations, say: jsonld.js below fails the same way, and words it.
    }
  }
  return canonicalizeWithJsonLd(document, documentLoader);
}

/** The reference path: jsonld.js `canonize`, for any JSON-LD document. */
export async function canonicalizeWithJsonLd(document: object, documentLoader: DocumentLoader): Promise<CanonicalizationResult> {
  try {
    const nquads = await jsonld.canonize(document as jsonld.JsonLdDocument, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader: documentLoader as never,
      safe: true,
    } as unknown as jsonld.Options.Normalize);
    return { ok: true, nquads };
  } catch (error) {
    return { ok: false, failure: describeFailure(error) };
  }
}

function describeFailure(error: unknown): CanonicalizationFailure {
  const unknown = findCause(error, (cause) => cause instanceof UnknownContextError);
  if (unknown instanceof UnknownContextError) {
    return { kind: 'unknown-context', url: unknown.url, message: unknown.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  const details = JSON.stringify((error as { details?: unknown })?.details ?? {});
  if (/safe mode|dropping|relative|invalid property|invalid type/i.test(message + details)) {
    return { kind: 'undefined-term', message: `${message} ${summariseDetails(error)}`.trim() };
  }
  return { kind: 'invalid-json-ld', message };
}

/** jsonld.js wraps the loader's error in `details.cause`, sometimes more than once. */
function findCause(error: unknown, match: (cause: unknown) => boolean): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current; depth += 1) {
    if (match(current)) return current;
    const record = current as { details?: { cause?: unknown }; cause?: unknown };
    current = record.details?.cause ?? record.cause;
  }
  return undefined;
}

function summariseDetails(error: unknown): string {
  const event = (error as { details?: { event?: { code?: string; details?: Record<string, unknown> } } })?.details?.event;
  if (!event) return '';
  const detail = event.details ?? {};
  const term = detail['property'] ?? detail['term'] ?? detail['type'] ?? detail['value'];
  return term === undefined ? `(${event.code})` : `(${event.code}: ${JSON.stringify(term)})`;
}

/** RFC 8785 canonical JSON. */
export function canonicalizeJcs(value: unknown): string {
  const text = canonicalizeJson(value);
  if (text === undefined) throw new TypeError('This value has no JSON form.');
  return text;
}
