/**
 * Signing many documents with one key: the jobs a build hands out after its cache lookups, and
 * how they are signed (in this thread, or spread over a pool of workers by ./signing-pool.ts).
 */
import { createDocumentLoader, type DocumentLoader } from '../core/document-loader.ts';
import type { JsonObject } from '../core/json.ts';
import { signDocument, type DataIntegrityProof, type ProofFailure, type SigningKey } from '../core/proof.ts';

export interface SigningJob {
  readonly unsecured: JsonObject;
  /** The proof's `created` date. */
  readonly created: string;
  readonly cacheKey: string;
}

export type SigningOutcome = { ok: true; proof: DataIntegrityProof } | { ok: false; failure: ProofFailure };

/** Signs many documents with one key; outcomes in the order of the jobs. */
export type SignMany = (jobs: readonly SigningJob[], key: SigningKey) => Promise<SigningOutcome[]>;

/** One after the other, in this thread: the default, and what each worker of a pool does. */
export function signSequentially(documentLoader: DocumentLoader = createDocumentLoader()): SignMany {
  return async (jobs, key) => {
    const outcomes: SigningOutcome[] = [];
    for (const job of jobs) {
      const result = await signDocument(job.unsecured, key, job.created, documentLoader);
      outcomes.push(result.ok ? { ok: true, proof: result.proof } : { ok: false, failure: result.failure });
    }
    return outcomes;
  };
}
