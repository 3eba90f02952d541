/**
 * node src/commands/bench/hostile-child.ts <case>: runs one case of ./hostile-cases.ts in this
 * process and prints one line of JSON (HostileMeasurement), for `npm run bench -- --hostile`,
 * which starts a fresh process per case so that each peak of memory is that case's alone.
 */
import { HOSTILE_CASES } from './hostile-cases.ts';

const name = process.argv[2];
const found = HOSTILE_CASES.find((candidate) => candidate.name === name);
if (!found) {
  console.error(`No hostile case named ${name ?? '(none)'}; the cases are ${HOSTILE_CASES.map((candidate) => candidate.name).join(', ')}.`);
  process.exit(2);
}
const work = found.prepare();
const preparedRssKb = process.resourceUsage().maxRSS;
const started = performance.now();
const outcome = await work();
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, preparedRssKb, outcome })}\n`);
