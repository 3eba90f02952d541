/**
 * A site signed in memory, served to verifiers as a host would serve it, and nothing else: its
 * hosted documents by URL (for Laurel's verifier, through ./verify-site.ts `memoryFetch`), and a
 * document loader for Digital Bazaar's libraries over the same documents.
 */
import { createDocumentLoader } from '../../src/core/document-loader.ts';
import { jsonArtifacts } from '../../src/issue/hosted-documents.ts';
import type { SignedSite } from '../../src/issue/signed-site.ts';

type Json = Record<string, unknown>;
const pinned = createDocumentLoader();

/** Every hosted JSON document of the signed site, parsed, by its URL. */
export function hostedDocuments(site: SignedSite): Map<string, Json> {
  return new Map(jsonArtifacts(site).map((artifact) => [`${site.urls.site}${artifact.path}`, JSON.parse(String(artifact.bytes)) as Json]));
}

/**
 * The document loader Digital Bazaar's libraries call: a DID resolves to the DID document served
 * at `didDocumentUrl`, and a key by its DID URL to that document's verification method with the
 * document's contexts (DID Core §7.2, dereferencing a fragment); any other URL to the document
 * served there, else Laurel's pinned contexts, which refuse the rest.
 */
export function offlineDocumentLoader(documents: ReadonlyMap<string, unknown>, didDocumentUrl: string) {
  return async (url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> => {
    if (url.startsWith('did:')) {
      const didDocument = documents.get(didDocumentUrl) as Json;
      if (!url.includes('#')) return { contextUrl: null, documentUrl: url, document: didDocument };
      const method = (didDocument['verificationMethod'] as Json[]).find((candidate) => candidate['id'] === url);
      if (!method) throw new Error(`${url} is not in the DID document`);
      return { contextUrl: null, documentUrl: url, document: { '@context': didDocument['@context'], ...method } };
    }
    if (documents.has(url)) return { contextUrl: null, documentUrl: url, document: documents.get(url) };
    return pinned(url);
  };
}
