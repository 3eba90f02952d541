/** The micro-credential content fixture (test/fixtures/content/micro-credential), validated and signed in memory with a test key. */
import { hexToBytes } from '@noble/hashes/utils.js';
import { validateContent } from '../../src/content/validate.ts';
import { keyPairFromSecretKey } from '../../src/core/multikey.ts';
import type { SigningIdentity } from '../../src/issue/keys.ts';
import { memoryProofCache } from '../../src/issue/proof-cache.ts';
import { buildSignedSite, type SignedSite } from '../../src/issue/signed-site.ts';
import { fixtureTreeWith, toContentFiles } from './content-fixtures.ts';

const seed = hexToBytes('6241a409e6707bb640a0140a8a32bc3d193c33a661747284d6adfa4ed4180be4');
const pair = keyPairFromSecretKey(seed);
const identity: SigningIdentity = { secretKey: seed, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: false };
const keys = [{ type: 'Multikey' as const, publicKeyMultibase: pair.publicKeyMultibase, created: identity.created, status: 'current' as const, file: 'keys/test.json' }];

/** The fixture's signed site, after `edit` changed its files. */
export async function signedMicroCredentialSite(edit?: (tree: Map<string, string>) => void): Promise<SignedSite> {
  const tree = fixtureTreeWith('micro-credential');
  edit?.(tree);
  const result = validateContent(toContentFiles(tree));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSignedSite(result.content, { identity, keys, cache: memoryProofCache() });
}
