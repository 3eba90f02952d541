/**
 * The RDF dataset of a JSON-LD document, by the fast path: the document's contexts are
 * dereferenced through the caller's loader, then ./expand.ts and ./to-rdf.ts do what jsonld.js
 * `toRDF` does in safe mode, over contexts processed once and remembered (./active-context.ts).
 *
 * `undefined` means the document is outside the fast path: it uses JSON-LD this path does not
 * implement, a context the loader refuses, or anything jsonld.js would report. The caller then
 * asks jsonld.js, whose answer (a dataset or a failure) is the reference.
 */
import type { DocumentLoader } from '../document-loader.ts';
import { isAbsoluteIri, isPlainObject, outside } from './active-context.ts';
import { expandDocument } from './expand.ts';
import { toRdf, type Quad } from './to-rdf.ts';

export type { Quad } from './to-rdf.ts';

/**
 * jsonld.js fails a document that names more than ten context URLs in one @context; well below
 * that, this path leaves such documents to it.
 */
const MAX_CONTEXT_URLS = 8;

export async function datasetOf(document: unknown, documentLoader: DocumentLoader): Promise<Quad[] | undefined> {
  if (!isPlainObject(document)) return undefined;
  try {
    const contexts = '@context' in document ? await dereference(document['@context'], documentLoader) : [];
    return toRdf(expandDocument(document, contexts));
  } catch {
    // Outside the fast path, or the loader refused a context: jsonld.js gives the verdict.
    return undefined;
  }
}

/**
 * The document's @context as context objects: a URL becomes the `@context` of the document the
 * loader returns for it (JSON-LD 1.1 API §4.1.2 step 5.2), as jsonld.js's ContextResolver does.
 */
async function dereference(context: unknown, documentLoader: DocumentLoader): Promise<object[]> {
  const items = Array.isArray(context) ? context : [context];
  if (new Set(items.filter((item) => typeof item === 'string')).size > MAX_CONTEXT_URLS) outside('many context URLs');
  const contexts: object[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      if (!isAbsoluteIri(item)) outside('a relative context URL');
      const remote = await documentLoader(item);
      if (remote.contextUrl) outside('a context URL in a Link header');
      const loaded: unknown = remote.document;
      if (!isPlainObject(loaded)) outside('a remote context that is not a JSON object');
      const inner = '@context' in loaded ? loaded['@context'] : {};
      if (!isPlainObject(inner)) outside('a remote context whose @context is not an object');
      contexts.push(inner);
    } else if (isPlainObject(item)) {
      contexts.push(item);
    } else {
      outside(item === null ? 'a null context' : 'an invalid @context');
    }
  }
  return contexts;
}
