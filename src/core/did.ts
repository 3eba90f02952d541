/**
 * Decentralized identifiers and controlled identifier documents, as far as Laurel needs them:
 * did:web (https://w3c-ccg.github.io/did-method-web/), did:key for Ed25519
 * (https://w3c-ccg.github.io/did-key-spec/), and the CID 1.0 "Retrieve Verification Method"
 * algorithm (https://www.w3.org/TR/cid-1.0/ §3.3), which also covers plain HTTPS documents.
 * Every function that reads untrusted input returns a result and never throws.
 */
import { keyFailure, type KeyProblem } from './key-problems.ts';
import { decodePublicKeyMultibase } from './multikey.ts';

/** A failure says why in English (`reason`) and, where a reader may meet it, as data (`problem`, ./key-problems.ts). */
export type Result<T> = { ok: true; value: T } | { ok: false; reason: string; problem?: KeyProblem };

/** The fetcher the caller supplies (the build, the CLI and the browser each bring their own). */
export type FetchJson = (url: string) => Promise<{ ok: true; json: unknown } | { ok: false; reason: string }>;

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

// A DNS name (no IP address, did-method-web §2.4 "Security"), optionally with a %3A-encoded port.
const DID_WEB_HOST = /^(?=.*[a-z])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+(?:%3a\d{1,5})?$/i;
// A path segment: unreserved characters and percent-escapes, never "." or ".." (they would climb out of the site).
const DID_WEB_SEGMENT = /^(?!\.{1,2}$)(?:[A-Za-z0-9._~!$&'()*+,;=@-]|%[0-9A-Fa-f]{2})+$/;

/**
 * Whether a host is an IP address in any of the forms a URL parser accepts. WHATWG URL §3.5
 * (host parsing) reads a host whose last label is a number as IPv4, in decimal, octal or hex, and
 * shortened: `0x7f.1` and `0177.0.0.1` are both 127.0.0.1. So the parsed hostname is what is
 * tested, never the text (did-method-web §2.4 "Security": domain names only).
 */
export function isIpAddress(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`https://${host}/`).hostname;
  } catch {
    return false;
  }
  return hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Splits a DID URL into the DID and its fragment (without `#`). */
export function splitDidUrl(didUrl: string): { did: string; fragment: string | undefined } {
  const hash = didUrl.indexOf('#');
  return hash < 0 ? { did: didUrl, fragment: undefined } : { did: didUrl.slice(0, hash), fragment: didUrl.slice(hash + 1) };
}

interface DidWebParts {
  host: string;
  path: string[];
}

function parseDidWeb(did: string): Result<DidWebParts> {
  if (!did.startsWith('did:web:')) return keyFailure('not-did-web', { did });
  if (/[#?/]/.test(did)) return keyFailure('did-web-character', { did });
  const [host = '', ...path] = did.slice('did:web:'.length).split(':');
  if (!DID_WEB_HOST.test(host) || isIpAddress(host.replace(/%3a\d+$/i, ''))) return keyFailure('did-web-host', { host, did });
  if (!path.every((segment) => DID_WEB_SEGMENT.test(segment))) return keyFailure('did-web-path', { did });
  return { ok: true, value: { host, path } };
}

function httpsBase(parts: DidWebParts): string {
  // did-method-web §3.2 Read, step 2: percent-decode the port's colon.
  return `https://${parts.host.replace(/%3a/i, ':')}`;
}

/**
 * did-method-web §3.2 Read: replace `:` with `/` (step 1), decode the port (2), prepend https://
 * (3), append /.well-known when there is no path (4), append /did.json (5).
 */
export function didWebToUrl(did: string): Result<string> {
  const parsed = parseDidWeb(did);
  if (!parsed.ok) return parsed;
  const { path } = parsed.value;
  const directory = path.length === 0 ? '/.well-known' : `/${path.join('/')}`;
  return { ok: true, value: `${httpsBase(parsed.value)}${directory}/did.json` };
}

/** The site a did:web names: did:web:org.github.io:repo → https://org.github.io/repo/ (always a trailing slash). */
export function didWebSiteUrl(did: string): Result<string> {
  const parsed = parseDidWeb(did);
  if (!parsed.ok) return parsed;
  const { path } = parsed.value;
  return { ok: true, value: `${httpsBase(parsed.value)}/${path.map((segment) => `${segment}/`).join('')}` };
}

/**
 * did-method-web §3.1 Create, run backwards from a site URL: host (port colon as %3A), then each
 * path segment after a `:`. https://org.github.io/repo/ → did:web:org.github.io:repo.
 */
export function didWebForSiteUrl(siteUrl: string): Result<string> {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return fail(`"${siteUrl}" is not a URL.`);
  }
  if (url.protocol !== 'https:') return fail(`did:web needs an https: site, not ${url.protocol}.`);
  if (url.search || url.hash || url.username || url.password) return fail(`A did:web site URL has no query, fragment or credentials: ${siteUrl}.`);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  // A colon inside a path segment must be escaped, or it would read as a path separator.
  const path = url.pathname.split('/').filter((segment) => segment !== '').map((segment) => segment.replaceAll(':', '%3A'));
  const did = ['did:web', host, ...path].join(':');
  const check = parseDidWeb(did);
  return check.ok ? { ok: true, value: did } : check;
}

export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

/** A DID Core §5.4 service: where a verifier finds something the issuer publishes. */
export interface DidService {
  id: string;
  type: DidServiceType;
  serviceEndpoint: string;
}

/**
 * The service types Laurel announces, each defined as an absolute IRI. DID Core §5.4 leaves the
 * type open and the DID context does not define these, so a strict JSON-LD processor (safe mode)
 * refuses an undefined type. They are defined in an embedded context (DID Core §6.3.1 allows
 * objects after the DID context), which needs no fetch: a context of Laurel's own at a URL could
 * not be fetched by verifiers that load only pinned contexts. The string types stay as they were,
 * so every reader of an existing did.json still finds its services.
 */
export const DID_SERVICE_TYPES = {
  // VC Bitstring Status List §2.2: the same IRI as in the VC 2.0 context.
  BitstringStatusListCredential: 'https://www.w3.org/ns/credentials/status#BitstringStatusListCredential',
  // The OB 3.0 context's Profile class: the issuer's profile document lives at the endpoint.
  OpenBadgesProfile: 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile',
  // C2SP tlog-tiles: the endpoint is the prefix of a log's checkpoint and tiles.
  TransparencyLog: 'https://c2sp.org/tlog-tiles',
} as const;

/** The fragment of the service that announces an issuer's transparency log (c2sp.org/tlog-tiles prefix). */
export const TRANSPARENCY_LOG_SERVICE_FRAGMENT = 'transparency-log';
export type DidServiceType = keyof typeof DID_SERVICE_TYPES;

export interface DidDocument {
  '@context': Array<string | Readonly<Record<string, string>>>;
  id: string;
  verificationMethod: VerificationMethod[];
  assertionMethod: string[];
  service?: DidService[];
}

/**
 * A DID document listing every key that may still verify (current and retired), each as a
 * Multikey whose id is `<did>#<publicKeyMultibase>` and whose controller is the DID (CID §2.2,
 * vc-di-eddsa §2.1.1). Absolute ids throughout: did-method-web and the 1EdTech validator require them.
 */
export function buildDidDocument(did: string, publicKeyMultibases: readonly string[], services: readonly DidService[] = []): DidDocument {
  const verificationMethod = [...new Set(publicKeyMultibases)].map((publicKeyMultibase) => ({
    id: `${did}#${publicKeyMultibase}`,
    type: 'Multikey' as const,
    controller: did,
    publicKeyMultibase,
  }));
  const document: DidDocument = {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod,
    assertionMethod: verificationMethod.map((method) => method.id),
  };
  if (services.length === 0) return document;
  const used = Object.fromEntries([...new Set(services.map((service) => service.type))].map((type) => [type, DID_SERVICE_TYPES[type]]));
  return { ...document, '@context': [...document['@context'], used], service: [...services] };
}

/**
 * did-key-spec §3.1.2 (Ed25519): the document is generated from the identifier itself, with a
 * single Multikey `did:key:<mb>#<mb>` that is also the assertion method.
 */
export function expandDidKey(did: string): Result<{ document: Record<string, unknown>; publicKey: Uint8Array }> {
  if (!did.startsWith('did:key:')) return keyFailure('not-did-key', { did });
  const multibase = did.slice('did:key:'.length);
  const publicKey = decodePublicKeyMultibase(multibase);
  if (!publicKey) return keyFailure('did-key-not-ed25519', { did });
  const id = `${did}#${multibase}`;
  return {
    ok: true,
    value: {
      publicKey,
      document: {
        '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
        id: did,
        verificationMethod: [{ id, type: 'Multikey', controller: did, publicKeyMultibase: multibase }],
        authentication: [id],
        assertionMethod: [id],
        capabilityInvocation: [id],
        capabilityDelegation: [id],
      },
    },
  };
}

export interface ExtractedKey {
  publicKey: Uint8Array;
  publicKeyMultibase: string;
  controller: string;
  verificationMethod: Record<string, unknown>;
  /** CID §2.2.1: when present, the issuer has withdrawn (`revoked`) or time-limited (`expires`) this key. */
  revoked?: string;
  expires?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * CID 1.0 §3.3 "Retrieve Verification Method", from step 5 on, for proof purpose
 * `assertionMethod`: the caller has dereferenced `vmId` without its fragment to `document`.
 */
export function extractVerificationMethod(document: unknown, vmId: string): Result<ExtractedKey> {
  const { did: documentUrl, fragment } = splitDidUrl(vmId);
  if (!fragment) return keyFailure('no-fragment', { vmId });
  // Step 6: the document is a conforming controlled identifier document.
  if (!isRecord(document)) return keyFailure('document-not-object');
  // Step 7: its id is the URL it was retrieved from (did-method-web §3.2 step 7 too).
  if (document['id'] !== documentUrl) {
    return keyFailure('document-other-id', { said: String(JSON.stringify(document['id'])), url: documentUrl });
  }
  // Step 8: find the method, listed in verificationMethod or embedded in the relationship.
  const relationship = asArray(document['assertionMethod']);
  const candidates = [...asArray(document['verificationMethod']), ...relationship].filter(isRecord);
  const method = candidates.find((candidate) => candidate['id'] === vmId);
  if (!method) return keyFailure('no-method', { vmId });
  // Step 9: the method is conforming, and controlled by the document's subject (step 10).
  if (method['type'] !== 'Multikey' && method['type'] !== 'Ed25519VerificationKey2020') {
    return keyFailure('method-type', { type: String(JSON.stringify(method['type'])) });
  }
  if (method['controller'] !== documentUrl) {
    return keyFailure('method-controller', { controller: String(JSON.stringify(method['controller'])), url: documentUrl });
  }
  // Step 11: the method is authorised for the proof purpose (here assertionMethod).
  const authorised = relationship.some((entry) => entry === vmId || (isRecord(entry) && entry['id'] === vmId));
  if (!authorised) return keyFailure('not-assertion-method', { vmId });
  // vc-di-eddsa §2.1.1: an Ed25519 public key must carry the 0xed01 header and be 32 bytes.
  const publicKeyMultibase = method['publicKeyMultibase'];
  const publicKey = typeof publicKeyMultibase === 'string' ? decodePublicKeyMultibase(publicKeyMultibase) : undefined;
  if (!publicKey || typeof publicKeyMultibase !== 'string') return keyFailure('no-ed25519-key');
  return {
    ok: true,
    value: {
      publicKey,
      publicKeyMultibase,
      controller: documentUrl,
      verificationMethod: method,
      ...(typeof method['revoked'] === 'string' ? { revoked: method['revoked'] } : {}),
      ...(typeof method['expires'] === 'string' ? { expires: method['expires'] } : {}),
    },
  };
}
