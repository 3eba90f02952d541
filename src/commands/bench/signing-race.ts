/**
 * The signing race: Laurel's core against Digital Bazaar's reference implementation of
 * `eddsa-rdfc-2022` (@digitalbazaar/vc with the DataIntegrityProof suite and the
 * eddsa-rdfc-2022 cryptosuite), on the same unsecured credentials and the same key, in this
 * process and this thread, interleaved credential by credential so that both see the same
 * machine. Each round alternates which of the two goes first.
 *
 * Signing is vc-di-eddsa §3.2.1 on both sides. Verifying is vc-di-eddsa §3.2.2: Laurel's
 * `verifyProof` with the issuer's key, and Digital Bazaar's `verifyCredential`, which also reads
 * the verification method through its document loader (a map lookup here) and checks the dates;
 * status is not part of the race, so its status check is a stub that answers "not revoked".
 * Both must produce the same proof for every credential (Ed25519 is deterministic, and so is
 * RDFC-1.0), and each must verify it, or the race stops with an error.
 */
import * as vc from '@digitalbazaar/vc';
import * as dataIntegrity from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import { createDocumentLoader, type DocumentLoader } from '../../core/document-loader.ts';
import type { JsonObject } from '../../core/json.ts';
import { encodeSecretKeyMultibase, keyPairFromSecretKey } from '../../core/multikey.ts';
import { signDocument, verifyProof, type DataIntegrityProof } from '../../core/proof.ts';

export interface SigningRaceOptions {
  /** Credentials, each signed and verified by both in every round (a proof they carry is set aside). */
  readonly credentials: readonly JsonObject[];
  /** The Ed25519 seed, and its controller: the credentials' issuer, whose verification method is `<controller>#<key>`. */
  readonly key: { readonly secretKey: Uint8Array; readonly controller: string };
  /** Timed rounds over all the credentials, after one untimed round that warms both up. */
  readonly rounds: number;
  /** The proofs' `created` date. */
  readonly created?: string;
}

export interface ImplementationTimes {
  /** Mean wall-clock milliseconds to sign one credential. */
  readonly signMs: number;
  /** Mean wall-clock milliseconds to verify one credential. */
  readonly verifyMs: number;
  /** The same in CPU time of the process (every thread), which a busy machine disturbs less. */
  readonly signCpuMs: number;
  readonly verifyCpuMs: number;
}

export interface SigningRaceResult {
  /** Credentials signed and verified by each, in the timed rounds. */
  readonly operations: number;
  readonly laurel: ImplementationTimes;
  readonly digitalBazaar: ImplementationTimes;
  /** Digital Bazaar's wall-clock time over Laurel's: how many times faster Laurel is. */
  readonly ratio: { readonly sign: number; readonly verify: number };
  /** The same for CPU time. */
  readonly cpuRatio: { readonly sign: number; readonly verify: number };
}

interface Contestant {
  sign(credential: JsonObject): Promise<JsonObject>;
  verify(signed: JsonObject): Promise<void>;
}

interface DigitalBazaarKey {
  signer(): unknown;
  export(options: { publicKey: true; includeContext: true }): Promise<Record<string, unknown>>;
}

/** The entry points used here, typed (Digital Bazaar's packages ship JavaScript only). */
const digitalBazaar = {
  issue: (vc as unknown as { issue(options: { credential: JsonObject; suite: unknown; documentLoader: unknown }): Promise<JsonObject> }).issue,
  verifyCredential: vc.verifyCredential,
  Suite: dataIntegrity.DataIntegrityProof as unknown as new (options: { cryptosuite: unknown; signer?: unknown; date?: string }) => unknown,
  keyFrom: Ed25519Multikey.from as unknown as (key: Record<string, unknown>) => Promise<DigitalBazaarKey>,
};

function laurelContestant(secretKey: Uint8Array, verificationMethod: string, publicKey: Uint8Array, created: string, documentLoader: DocumentLoader): Contestant {
  return {
    async sign(credential) {
      const result = await signDocument(credential, { secretKey, verificationMethod }, created, documentLoader);
      if (!result.ok) throw new Error(`Laurel could not sign a credential: ${JSON.stringify(result.failure)}`);
      return result.signed as JsonObject;
    },
    async verify(signed) {
      const proof = (signed['proof'] as unknown as DataIntegrityProof[])[0]!;
      const result = await verifyProof(signed, proof, publicKey, documentLoader);
      if (!result.verified) throw new Error(`Laurel did not verify a credential: ${JSON.stringify(result.failure)}`);
    },
  };
}

/** A moment inside the credential's validity period, so that dates never decide the race. */
function within(credential: JsonObject): Date {
  const from = typeof credential['validFrom'] === 'string' ? Date.parse(credential['validFrom']) : Number.NaN;
  return Number.isNaN(from) ? new Date() : new Date(from);
}

async function digitalBazaarContestant(secretKey: Uint8Array, controller: string, created: string, documentLoader: DocumentLoader): Promise<Contestant> {
  const pair = keyPairFromSecretKey(secretKey);
  const verificationMethod = `${controller}#${pair.publicKeyMultibase}`;
  const key = await digitalBazaar.keyFrom({
    '@context': 'https://w3id.org/security/multikey/v1',
    id: verificationMethod,
    type: 'Multikey',
    controller,
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeyMultibase: encodeSecretKeyMultibase(secretKey),
  });
  const method = await key.export({ publicKey: true, includeContext: true });
  const controllerDocument = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: controller, verificationMethod: [method], assertionMethod: [verificationMethod] };
  const contexts = new Map<string, object>([...didContext.contexts, ...multikeyContext.contexts]);
  // Laurel's pinned contexts, the key and its controller, and nothing else: no network.
  const loader = async (url: string) => {
    if (url === verificationMethod) return { contextUrl: null, documentUrl: url, document: method };
    if (url === controller) return { contextUrl: null, documentUrl: url, document: controllerDocument };
    const context = contexts.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    return documentLoader(url);
  };
  const signingSuite = new digitalBazaar.Suite({ cryptosuite: eddsaRdfc2022, signer: key.signer(), date: created });
  const verifyingSuite = new digitalBazaar.Suite({ cryptosuite: eddsaRdfc2022 });
  const checkStatus = async () => ({ verified: true });
  return {
    sign: (credential) => digitalBazaar.issue({ credential, suite: signingSuite, documentLoader: loader }),
    async verify(signed) {
      const result = await digitalBazaar.verifyCredential({ credential: signed, suite: verifyingSuite, documentLoader: loader, checkStatus, now: within(signed) });
      if (!result.verified) throw new Error(`Digital Bazaar did not verify a credential: ${JSON.stringify(result.error ?? result.results, (_key, value: unknown) => (value instanceof Error ? value.message : value))}`);
    },
  };
}

/** Wall-clock and CPU milliseconds (all of this process's threads, so WebCrypto's pool too). */
async function timed<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return [result, wall, (used.user + used.system) / 1000];
}

function proofValueOf(signed: JsonObject): unknown {
  return ([signed['proof']].flat()[0] as Record<string, unknown> | undefined)?.['proofValue'];
}

function unsecured(credential: JsonObject): JsonObject {
  const { proof: _proof, ...rest } = credential;
  return rest;
}

export async function signingRace(options: SigningRaceOptions): Promise<SigningRaceResult> {
  const { key, rounds } = options;
  const credentials = options.credentials.map(unsecured);
  if (credentials.length === 0 || !Number.isInteger(rounds) || rounds < 1) throw new RangeError('The race needs at least one credential and one round.');
  const created = options.created ?? '2026-01-01T00:00:00Z';
  const documentLoader = createDocumentLoader();
  const pair = keyPairFromSecretKey(key.secretKey);
  const contestants = {
    laurel: laurelContestant(key.secretKey, `${key.controller}#${pair.publicKeyMultibase}`, pair.publicKey, created, documentLoader),
    digitalBazaar: await digitalBazaarContestant(key.secretKey, key.controller, created, documentLoader),
  };
  const zero = () => ({ sign: 0, verify: 0, signCpu: 0, verifyCpu: 0 });
  const totals = { laurel: zero(), digitalBazaar: zero() };

  for (let round = 0; round <= rounds; round += 1) {
    const warmUp = round === 0;
    const order = round % 2 === 0 ? (['laurel', 'digitalBazaar'] as const) : (['digitalBazaar', 'laurel'] as const);
    for (const credential of credentials) {
      const signed: Partial<Record<'laurel' | 'digitalBazaar', JsonObject>> = {};
      for (const name of order) {
        // A copy each: Digital Bazaar's issue may add to the object it is given.
        const copy = structuredClone(credential);
        const [document, wall, cpu] = await timed(() => contestants[name].sign(copy));
        signed[name] = document;
        if (!warmUp) {
          totals[name].sign += wall;
          totals[name].signCpu += cpu;
        }
      }
      if (proofValueOf(signed.laurel!) !== proofValueOf(signed.digitalBazaar!)) {
        throw new Error(`Laurel and Digital Bazaar signed credential ${String(credential['id'])} differently.`);
      }
      for (const name of order) {
        const [, wall, cpu] = await timed(() => contestants[name].verify(signed.laurel!));
        if (!warmUp) {
          totals[name].verify += wall;
          totals[name].verifyCpu += cpu;
        }
      }
    }
  }

  const operations = credentials.length * rounds;
  const perCredential = (total: ReturnType<typeof zero>): ImplementationTimes => ({
    signMs: total.sign / operations,
    verifyMs: total.verify / operations,
    signCpuMs: total.signCpu / operations,
    verifyCpuMs: total.verifyCpu / operations,
  });
  const laurel = perCredential(totals.laurel);
  const theirs = perCredential(totals.digitalBazaar);
  return {
    operations,
    laurel,
    digitalBazaar: theirs,
    ratio: { sign: theirs.signMs / laurel.signMs, verify: theirs.verifyMs / laurel.verifyMs },
    cpuRatio: { sign: theirs.signCpuMs / laurel.signCpuMs, verify: theirs.verifyCpuMs / laurel.verifyCpuMs },
  };
}

/** The race as lines for the benchmark's report. */
export function describeSigningRace(result: SigningRaceResult): string[] {
  const row = (what: 'sign' | 'verify') => {
    const ours = result.laurel;
    const theirs = result.digitalBazaar;
    const [wall, theirWall, cpu, theirCpu] = what === 'sign' ? [ours.signMs, theirs.signMs, ours.signCpuMs, theirs.signCpuMs] : [ours.verifyMs, theirs.verifyMs, ours.verifyCpuMs, theirs.verifyCpuMs];
    return `  ${what.padEnd(8)}Laurel ${wall.toFixed(2)} ms, Digital Bazaar ${theirWall.toFixed(2)} ms per credential: ${result.ratio[what].toFixed(2)}× faster (CPU ${cpu.toFixed(2)} ms vs ${theirCpu.toFixed(2)} ms, ${result.cpuRatio[what].toFixed(2)}×)`;
  };
  return [`Signing race against Digital Bazaar's vc + eddsa-rdfc-2022, one process, interleaved, ${result.operations} credentials each`, row('sign'), row('verify')];
}
