/** A signing worker: signs its share of the jobs with the key it was given, then reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { SigningKey } from '../core/proof.ts';
import { signSequentially, type SigningJob } from './signing.ts';

const { jobs, key } = workerData as { jobs: SigningJob[]; key: SigningKey };
parentPort!.postMessage(await signSequentially()(jobs, key));
