/**
 * The contexts check. VC Data Integrity §4.6: a verifier MUST validate the contexts a document
 * uses. Each named context is looked up in the fail-closed loader; one that is not pinned is
 * never fetched, and an embedded context object is allowed (the canonicalization processes it).
 */
import { namedContexts, type DocumentLoader } from '../document-loader.ts';
import { result, type CheckResult } from './check.ts';
import { asArray, isRecord, type Json } from './json-shape.ts';

export async function checkContexts(doc: Json, loader: DocumentLoader): Promise<CheckResult> {
  const items = asArray(doc['@context']);
  const named = namedContexts(doc);
  const unknown: string[] = [];
  for (const url of named) {
    try {
      await loader(url);
    } catch {
      unknown.push(url);
    }
  }
  const embedded = items.filter(isRecord).length;
  const invalid = items.length - named.length - embedded;
  const details = { named, unknown, embeddedContexts: embedded };
  if (items.length === 0) return result('contexts', 'failed', 'contexts.missing', {}, details);
  if (invalid > 0) return result('contexts', 'failed', 'contexts.invalid-entry', {}, details);
  if (unknown.length > 0) return result('contexts', 'failed', 'contexts.unknown', { url: unknown[0] }, details);
  return result('contexts', 'passed', 'contexts.known', {}, details);
}
