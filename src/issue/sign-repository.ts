/**
 * Signs the repository: reads content/ and keys/, refuses a pasted secret key, validates them,
 * resolves the signing key, builds every signed document (taking unchanged proofs from the proof
 * cache) and checks that its own verifier can read each of them. The one entry the
 * site (dev server and build) and the benchmark use; it reads issuer.yaml for everyone.
 */
import { readContentFiles } from '../content/files.ts';
import { validateContent } from '../content/validate.ts';
import { errorCount, LaurelErrors } from '../core/error.ts';
import { decodePublicKeyMultibase } from '../core/multikey.ts';
import type { JsonObject } from '../core/json.ts';
import { extendDidHistory, type DidHistory, type PreviousDidLog } from './did-history.ts';
import { previousKeyFromSecret, readKeyFiles, resolveSigningIdentity, type KeyFile, type SigningIdentity } from './keys.ts';
import { refusePastedSecrets } from './pasted-secrets.ts';
import type { PersistentContentCache } from './content-cache.ts';
import type { PersistentProofCache } from './proof-cache.ts';
import { buildSignedSite, type SignedSite } from './signed-site.ts';
import type { SignMany } from './signing.ts';
import { extendLog, publications, type ExtendedLog, type PublishedLog } from './transparency-log.ts';
import { assertWithinVerifierLimits } from './verifier-limits.ts';

export interface SignRepositoryOptions {
  readonly root: string;
  /** A production build refuses to sign without the real key. */
  readonly production: boolean;
  /** The secret from LAUREL_SIGNING_KEY, when it is set. */
  readonly secret: string | undefined;
  /** The secret from LAUREL_PREVIOUS_SIGNING_KEY: the key a rotation retired, to record it in the DID history. */
  readonly previousSecret?: string | undefined;
  /** The time: used only to date a new development key, never inside a credential. */
  readonly now: Date;
  /** The proofs of earlier builds; the proofs this signing used are saved back to it. */
  readonly cache: PersistentProofCache;
  /** How to sign what the cache does not have (a pool of workers for a build). */
  readonly signMany?: SignMany | undefined;
  /** Award files parsed by earlier builds; what this signing parsed is saved back to it. */
  readonly contentCache?: PersistentContentCache | undefined;
  /**
   * A build's transparency log: how to read the log it extends (undefined: a new one), given
   * whether the build is signed with the development key (whose log is kept apart), and the time
   * its entries are logged at. The dev server's starts afresh at every signing and is never kept.
   */
  readonly transparencyLog?: { readonly previous: (development: boolean) => Promise<PublishedLog | undefined>; readonly loggedAt: string } | undefined;
  /**
   * The DID history (./did-history.ts): how to read the did.jsonl it extends, given whether the
   * build is signed with the development key, and the time a new version is dated. The dev server
   * reads the last build's and keeps what it adds in memory, so that it serves the build's DID.
   */
  readonly didHistory?: { readonly previous: (development: boolean) => Promise<PreviousDidLog | undefined>; readonly versionTime: string } | undefined;
}

/** The signed site and, for a build, its transparency log extended with what it publishes, and its DID history. */
export type SignedRepository = SignedSite & { readonly log?: (ExtendedLog & { readonly extended: boolean }) | undefined; readonly didHistory?: DidHistory | undefined };

/** The signed site, or a LaurelErrors with every content error, or a LaurelError about the keys. */
export async function signRepository(options: SignRepositoryOptions): Promise<SignedRepository> {
  const files = await readContentFiles(options.root);
  // Before validation, whose errors may quote a value: a pasted secret is never repeated.
  refusePastedSecrets(files, [options.secret, options.previousSecret].filter((secret): secret is string => Boolean(secret)));
  const result = validateContent(files, { yamlCache: options.contentCache });
  if (!result.ok) throw new LaurelErrors(result.errors, `${errorCount(result.errors)} in content/. Nothing was built.`);
  const keys = await readKeyFiles(options.root);
  const identity = await resolveSigningIdentity({ root: options.root, production: options.production, secret: options.secret, now: options.now }, keys);
  const session = options.cache.session();
  const signed = await buildSignedSite(result.content, { identity, keys, cache: session, ...(options.signMany ? { signMany: options.signMany } : {}) });
  await options.cache.save(session.used);
  await options.contentCache?.save();
  // What Laurel signs, its own verifier must be able to read (src/core/limits.ts).
  assertWithinVerifierLimits(signed);
  const site = options.didHistory ? await withDidHistory(signed, options.didHistory, identity, keys, options.previousSecret) : signed;
  if (!options.transparencyLog) return site;
  // The checkpoint is signed by the signing key (its note format cannot be mistaken for a proof's
  // input, two SHA-256 hashes), so that keys/ and the DID document are also the log's keys: a
  // checkpoint of an earlier key, current, retired or compromised since, is still this site's.
  const signer = { publicKey: decodePublicKeyMultibase(identity.publicKeyMultibase)!, secretKey: identity.secretKey };
  const trustedKeys = [signer.publicKey, ...keys.map((key) => decodePublicKeyMultibase(key.publicKeyMultibase)).filter((key): key is Uint8Array => key !== undefined)];
  const previous = await options.transparencyLog.previous(identity.development);
  const log = extendLog(previous, publications(site), { prefix: site.urls.transparencyLog, trustedKeys, signer, loggedAt: options.transparencyLog.loggedAt });
  return { ...site, log: { ...log, extended: previous !== undefined } };
}

/** The did:webvh history of the site's keys, beside did.json; the did:web document names it as an alias. */
async function withDidHistory(site: SignedSite, options: NonNullable<SignRepositoryOptions['didHistory']>, identity: SigningIdentity, keys: readonly KeyFile[], previousSecret: string | undefined): Promise<SignedRepository> {
  const previousKey = previousSecret?.trim() ? previousKeyFromSecret(previousSecret, keys) : undefined;
  const didHistory = await extendDidHistory({
    previous: await options.previous(identity.development),
    didWeb: site.did,
    didWebDocument: site.didDocument,
    current: { publicKeyMultibase: identity.publicKeyMultibase, secretKey: identity.secretKey },
    previousKey,
    keyFiles: new Map(keys.map((key) => [key.publicKeyMultibase, key.file])),
    versionTime: options.versionTime.replace(/\.\d+Z$/, 'Z'),
  });
  const didDocument: JsonObject = { ...site.didDocument, alsoKnownAs: [didHistory.did] };
  return { ...site, didDocument, didLog: didHistory.text, didHistory };
}
