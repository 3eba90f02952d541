/**
 * npm run bench [-- --awards N]: measures what grows with the number of awards (validating the
 * content, signing in one thread and in workers, then with the proof cache, and verifying), then
 * the certificate pages' weight and the browser verifier's size and speed on the built demo site.
 * npm run bench -- --hostile: instead, the time and peak memory of each hostile input
 * (./bench/hostile-cases.ts), each in a fresh process.
 * Prints figures and ratios; nothing here is a test, since shared machines are noisy.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { validateContent, type ContentFiles } from '../content/validate.ts';
import { readContentFiles } from '../content/files.ts';
import { memoryProofCache } from '../issue/proof-cache.ts';
import { buildSignedSite } from '../issue/signed-site.ts';
import { signInParallel } from '../issue/signing-pool.ts';
import { availableParallelism } from 'node:os';
import { createDocumentLoader } from '../core/document-loader.ts';
import { keyPairFromSeed } from '../core/multikey.ts';
import { verifyProof, type DataIntegrityProof } from '../core/proof.ts';
import { LaurelErrors } from '../core/error.ts';
import { usage, type CommandContext } from './cli.ts';
import { benchHostile } from './bench/hostile.ts';
import { benchSiteBuild, type SiteBuildFigures } from './bench/site-build.ts';
import { describeSigningRace, signingRace } from './bench/signing-race.ts';
import { learnerKeys } from './learner-keys.ts';
import { systemRandom } from './award-files.ts';

const USAGE = 'Usage: npm run bench [-- --awards N] or npm run bench -- --hostile';
/** The race signs and verifies this many of the synthetic credentials, this many times over. */
const RACE_CREDENTIALS = 100;
const RACE_ROUNDS = 3;
/** Emails looked up for their learner key, half of them known. */
const LEARNER_LOOKUPS = 50;

function syntheticBatch(count: number, achievement: string): string {
  const lines = [`achievement: ${achievement}`, 'awardedOn: 2026-06-01', 'awards:'];
  for (let index = 0; index < count; index += 1) {
    const salt = `bench-salt-${index.toString().padStart(8, '0')}`;
    const hash = createHash('sha256').update(`learner${index}@example.org${salt}`).digest('hex');
    lines.push(`  - id: ${randomUUID()}`, `    statusIndex: ${200_000 + index}`, '    recipient:', `      name: Learner ${index}`, '      identity:', '        type: emailAddress', `        hash: sha256$${hash}`, `        salt: ${salt}`);
  }
  return `${lines.join('\n')}\n`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

async function time<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

export async function bench(context: CommandContext): Promise<number> {
  const { root } = context;
  const args = [...context.argv];
  if (args.includes('--hostile')) {
    if (args.length !== 1) throw usage(USAGE);
    return benchHostile(context);
  }
  const flag = args.indexOf('--awards');
  const count = flag >= 0 ? Number(args[flag + 1]) : 2_000;
  if (!Number.isInteger(count) || count < 1 || args.length !== (flag >= 0 ? 2 : 0)) throw usage(USAGE);

  // The repository's own content, whatever it is, plus a synthetic cohort of one of its
  // achievements (or of a synthetic achievement, on a site that has none yet).
  const own = await readContentFiles(root);
  const checked = validateContent(own);
  if (!checked.ok) throw new LaurelErrors(checked.errors, 'content/ has errors: fix them before measuring.');
  const awardable = [...checked.content.achievements.values()].find((achievement) => !achievement.data.draft)?.slug;
  const achievements = awardable ? own.achievements : [...own.achievements, { path: 'content/achievements/bench.md', text: '---\nname: Benchmark\ndescription: A synthetic achievement.\n---\n\nMeasured, not awarded.\n' }];
  const files: ContentFiles = { ...own, achievements, awards: [...own.awards, { path: 'content/awards/bench.yaml', text: syntheticBatch(count, awardable ?? 'bench') }] };
  const [result, validateMs] = await time(() => validateContent(files));
  if (!result.ok) throw new Error(`bench content invalid: ${result.errors[0]?.message}`);
  const total = result.content.awards.length;

  const pair = keyPairFromSeed(new Uint8Array(32).fill(7));
  const identity = { secretKey: pair.secretKey, publicKeyMultibase: pair.publicKeyMultibase, created: '2026-01-01T00:00:00Z', development: true };
  const [, sequentialMs] = await time(() => buildSignedSite(result.content, { identity, keys: [], cache: memoryProofCache() }));
  const cache = memoryProofCache();
  const workers = availableParallelism();
  const [site, coldMs] = await time(() => buildSignedSite(result.content, { identity, keys: [], cache, signMany: signInParallel(workers) }));
  const [, warmMs] = await time(() => buildSignedSite(result.content, { identity, keys: [], cache }));

  const loader = createDocumentLoader();
  const sample = site.awards.slice(0, 200);
  const [, verifyMs] = await time(async () => {
    for (const { credential } of sample) await verifyProof(credential, (credential['proof'] as DataIntegrityProof[])[0]!, pair.publicKey, loader);
  });
  const bytes = site.awards.reduce((sum, award) => sum + Buffer.byteLength(award.json), 0);
  // What npm run award and import pay per email to find a learner's key: a hash with every award's salt.
  const learners = learnerKeys(result.content.awards, systemRandom);
  const lookups = Array.from({ length: LEARNER_LOOKUPS }, (_, index) => (index % 2 ? `learner${index}@example.org` : `someone.new.${index}@example.org`));
  const [, lookupMs] = await time(() => lookups.forEach((email) => learners.keyFor(email)));

  context.out(`Laurel benchmark, ${total} awards (${count} synthetic and the ${total - count} of content/), Node ${process.version}`);
  context.out(`  validate content        ${seconds(validateMs)}   (${(validateMs / total).toFixed(3)} ms per award)`);
  context.out(`  sign, cold, 1 thread    ${seconds(sequentialMs)}   (${(sequentialMs / total).toFixed(2)} ms per award)`);
  context.out(`  sign, cold, ${workers} workers   ${seconds(coldMs)}   (${(coldMs / total).toFixed(2)} ms per award; ${(sequentialMs / coldMs).toFixed(2)}× the single thread)`);
  context.out(`  sign, warm cache        ${seconds(warmMs)}   (${(warmMs / total).toFixed(3)} ms per award; ${(coldMs / warmMs).toFixed(1)}× faster than cold)`);
  context.out(`  verify proof            ${(verifyMs / sample.length).toFixed(2)} ms per credential (${sample.length} sampled)`);
  context.out(`  credential JSON         ${(bytes / total / 1024).toFixed(1)} KiB per award on average`);
  context.out(`  learner key lookup      ${(lookupMs / lookups.length).toFixed(1)} ms per email (${total} award hashes each; ${((total * lookups.length) / (lookupMs / 1000) / 1e6).toFixed(2)} million hashes a second)`);

  // The signing race against Digital Bazaar's reference implementation, on a sample of the same
  // credentials (unsecured again), interleaved in this thread.
  const racers = site.awards.slice(-RACE_CREDENTIALS).map(({ credential }) => credential);
  const race = await signingRace({ credentials: racers, key: { secretKey: pair.secretKey, controller: site.did }, rounds: RACE_ROUNDS });
  context.out('');
  for (const line of describeSigningRace(race)) context.out(line);

  // The real build, at this scale, in a copy of the repository.
  context.out('');
  const achievementSlugs = awardable ? [...checked.content.achievements.values()].filter((achievement) => !achievement.data.draft).map((achievement) => achievement.slug) : [];
  if (achievementSlugs.length) {
    const taken = new Set([...checked.content.awards, ...checked.content.erased].map((award) => award.statusIndex));
    const figures = await benchSiteBuild(root, count, achievementSlugs, taken, checked.content.awards.length, context.out);
    printSiteBuild(figures, context.out);
    if (figures.runs.some((run) => !run.ok)) return 1;
  } else {
    context.out('The site build is measured on a repository with at least one achievement that is not a draft.');
  }

  // The pages and the browser verifier, measured on the built demo site.
  const step = (script: string, ...args: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;
  context.out('');
  if (!existsSync(path.join(root, 'dist', 'index.html')) && step('build.ts') !== 0) return 1;
  const pages = step('measure-pages.ts');
  context.out('');
  const verifier = step('measure-verifier.ts', '--runs', '10');
  return pages || verifier;
}


function printSiteBuild(figures: SiteBuildFigures, out: (line: string) => void): void {
  out('npm run build, in a copy of the repository with the synthetic awards');
  for (const run of figures.runs) {
    out(`  ${run.label.padEnd(24)}${run.ok ? `${run.seconds.toFixed(1)} s, peak memory ${run.peakRssMb.toFixed(0)} MB` : 'FAILED'}`);
    if (run.failure) out(run.failure.replace(/^/gm, '    '));
  }
  const output = figures.output;
  if (!output) return;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  out(`  dist/                   ${(output.bytes / 1024 / 1024).toFixed(1)} MiB in ${output.files} files and ${output.folders} folders: ${kib(output.bytes / output.awards)}, ${(output.files / output.awards).toFixed(2)} files and ${(output.folders / output.awards).toFixed(2)} folders per award`);
  for (const [kind, weight] of [...output.kinds].sort((a, b) => b[1].bytes - a[1].bytes)) {
    out(`    ${kind.padEnd(22)}${kib(weight.bytes / output.awards).padStart(10)} per award, ${(weight.files / output.awards).toFixed(2)} files per award`);
  }
  const at100k = (bytes: number) => `${((bytes / output.awards) * 100_000 / 1e9).toFixed(2)} GB`;
  out(`  at 100,000 awards       about ${at100k(output.bytes)} (10^9 bytes, as hosts count)`);
  if (output.artifactBytes !== undefined) out(`  GitHub Pages upload     ${(output.artifactBytes / 1e6).toFixed(1)} MB (dist/ packed as upload-pages-artifact does, compressed for the upload), about ${at100k(output.artifactBytes)} at 100,000 awards`);
  if (figures.cache) out(`  .laurel/cache/          ${kib(figures.cache.bytes / figures.cache.awards)} per award (proofs, pages, images; kept between builds)`);
}
