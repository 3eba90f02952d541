/**
 * didwebvh-ts (the DIF reference implementation of did:webvh, on npm) as an independent reader and
 * writer of DID logs, with @noble/ed25519 as its signer and verifier. Under NODE_ENV=test it writes
 * every log it touches to ./test/logs/, so it is loaded with NODE_ENV set to something else.
 */
import type * as DidWebvhTs from 'didwebvh-ts';
import { keyPairFromSeed, signBytes, verifyBytes } from '../../src/core/multikey.ts';

let loaded: Promise<typeof DidWebvhTs> | undefined;

export function didwebvhTs(): Promise<typeof DidWebvhTs> {
  loaded ??= (async () => {
    const before = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      return await import('didwebvh-ts');
    } finally {
      if (before === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = before;
    }
  })();
  return loaded;
}

export const verifier: DidWebvhTs.Verifier = {
  verify: (signature, message, publicKey) => Promise.resolve(verifyBytes(signature, message, publicKey)),
};

/** A didwebvh-ts signer for a key made from a one-byte seed (tests only). */
export async function signerFor(seed: number): Promise<{ signer: DidWebvhTs.Signer; publicKeyMultibase: string; secretKey: Uint8Array }> {
  const { prepareDataForSigning } = await didwebvhTs();
  const pair = keyPairFromSeed(new Uint8Array(32).fill(seed));
  const { base58 } = await import('@scure/base');
  return {
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKey: pair.secretKey,
    signer: {
      getVerificationMethodId: () => `did:key:${pair.publicKeyMultibase}#${pair.publicKeyMultibase}`,
      sign: async ({ document, proof }) => ({ proofValue: `z${base58.encode(signBytes(await prepareDataForSigning(document, proof), pair.secretKey))}` }),
    },
  };
}

/** didwebvh-ts's resolution of a log (JSON Lines or entries), or the reason it refuses it. */
export async function resolveWithDidwebvhTs(log: string | readonly object[], options: DidWebvhTs.ResolutionOptions = {}): Promise<{ ok: true; did: string; doc: DidWebvhTs.DIDDoc; meta: DidWebvhTs.DIDResolutionMeta } | { ok: false; reason: string }> {
  const { resolveDIDFromLog } = await didwebvhTs();
  const entries = typeof log === 'string' ? log.trim().split('\n').map((line) => JSON.parse(line) as DidWebvhTs.DIDLogEntry) : (log as DidWebvhTs.DIDLogEntry[]);
  try {
    const resolved = await resolveDIDFromLog(structuredClone(entries), { verifier, ...options });
    if (resolved.meta.error) return { ok: false, reason: `${resolved.meta.error}: ${resolved.meta.problemDetails?.detail ?? ''}` };
    return { ok: true, ...resolved };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
