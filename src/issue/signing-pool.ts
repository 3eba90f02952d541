/**
 * Spreads signing over worker threads, one per core. Canonicalization is CPU-bound and
 * independent per document, so a cold build of many awards scales with the cores; a handful of
 * jobs is signed in this thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { SigningKey } from '../core/proof.ts';
import { signSequentially, type SignMany, type SigningJob, type SigningOutcome } from './signing.ts';

/** Below this many jobs, workers are not worth starting. */
const MIN_JOBS_FOR_WORKERS = 64;

function runWorker(jobs: readonly SigningJob[], key: SigningKey): Promise<SigningOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./signing-worker.ts', import.meta.url), { workerData: { jobs, key } });
    worker.once('message', (outcomes: SigningOutcome[]) => {
      resolve(outcomes);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`A signing worker stopped with code ${code}.`));
    });
  });
}

/** Signs in `workers` threads at once, each taking an equal, contiguous share of the jobs. */
export function signInParallel(workers: number = availableParallelism()): SignMany {
  return async (jobs, key) => {
    if (workers < 2 || jobs.length < MIN_JOBS_FOR_WORKERS) return signSequentially()(jobs, key);
    const share = Math.ceil(jobs.length / workers);
    const slices = Array.from({ length: workers }, (_, index) => jobs.slice(index * share, (index + 1) * share)).filter((slice) => slice.length);
    return (await Promise.all(slices.map((slice) => runWorker(slice, key)))).flat();
  };
}
