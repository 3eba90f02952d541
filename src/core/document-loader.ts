/**
 * A fail-closed JSON-LD document loader over the pinned contexts in ./contexts
 * (VC Data Integrity §4.6 "Contexts and Vocabularies": a verifier MUST validate the contexts it
 * uses; serving only local approved copies is one way the spec names).
 */
import credentialsV1 from './contexts/credentials-v1.json' with { type: 'json' };
import credentialsV2 from './contexts/credentials-v2.json' with { type: 'json' };
import credentialsExamplesV2 from './contexts/credentials-examples-v2.json' with { type: 'json' };
import credentialsStatusV1 from './contexts/credentials-status-v1.json' with { type: 'json' };
import dataIntegrityV2 from './contexts/data-integrity-v2.json' with { type: 'json' };
import ed25519Signature2020 from './contexts/ed25519-signature-2020-v1.json' with { type: 'json' };
import obV3p0 from './contexts/ob-v3p0-context-3.0.json' with { type: 'json' };
import obV3p0_1 from './contexts/ob-v3p0-context-3.0.1.json' with { type: 'json' };
import obV3p0_2 from './contexts/ob-v3p0-context-3.0.2.json' with { type: 'json' };
import obV3p0_3 from './contexts/ob-v3p0-context-3.0.3.json' with { type: 'json' };
import obExtensions from './contexts/ob-v3p0-extensions.json' with { type: 'json' };
import statusList2021V1 from './contexts/vc-status-list-2021-v1.json' with { type: 'json' };
import clrV2p0 from './contexts/clr-v2p0-context.json' with { type: 'json' };
import clrV2p0_1 from './contexts/clr-v2p0-context-2.0.1.json' with { type: 'json' };

export const CREDENTIALS_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3P0_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** BSL §2.4: the Bitstring Status List terms for VCDM 1.1 documents (the v2 context has them built in). */
export const CREDENTIALS_STATUS_V1_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';
/** The W3C CCG StatusList2021 report's context, used by StatusList2021 lists and entries. */
export const STATUS_LIST_2021_CONTEXT = 'https://w3id.org/vc/status-list/2021/v1';

/** Every context Laurel will ever use, by the URL a document names it with. */
export const PINNED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  [CREDENTIALS_V2_CONTEXT, credentialsV2],
  ['https://www.w3.org/2018/credentials/v1', credentialsV1],
  ['https://www.w3.org/ns/credentials/examples/v2', credentialsExamplesV2],
  [CREDENTIALS_STATUS_V1_CONTEXT, credentialsStatusV1],
  [STATUS_LIST_2021_CONTEXT, statusList2021V1],
  ['https://w3id.org/security/data-integrity/v2', dataIntegrityV2],
  ['https://w3id.org/security/suites/ed25519-2020/v1', ed25519Signature2020],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context.json', obV3p0],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', obV3p0_1],
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json', obV3p0_2],
  [OB_V3P0_CONTEXT, obV3p0_3],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', obExtensions],
  // CLR 2.0 §"Serialization": a ClrCredential names one of these after the VC context.
  ['https://purl.imsglobal.org/spec/clr/v2p0/context.json', clrV2p0],
  ['https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', clrV2p0_1],
]);

export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Thrown (inside JSON-LD processing only) when a document names a context that is not pinned. */
export class UnknownContextError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`The context ${url} is not one of the pinned contexts; Laurel never fetches contexts.`);
    this.name = 'UnknownContextError';
    this.url = url;
  }
}

export function createDocumentLoader(contexts: ReadonlyMap<string, object> = PINNED_CONTEXTS): DocumentLoader {
  return async (url: string) => {
    const document = contexts.get(url);
    if (!document) throw new UnknownContextError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}

/** The context URLs a document names (strings only; embedded context objects are not looked up). */
export function namedContexts(document: unknown): string[] {
  if (typeof document !== 'object' || document === null) return [];
  const context = (document as Record<string, unknown>)['@context'];
  const items = Array.isArray(context) ? context : [context];
  return items.filter((item): item is string => typeof item === 'string');
}

/** The named contexts of a document that the loader would refuse. */
export function unknownContexts(document: unknown, contexts: ReadonlyMap<string, object> = PINNED_CONTEXTS): string[] {
  return namedContexts(document).filter((url) => !contexts.has(url));
}
