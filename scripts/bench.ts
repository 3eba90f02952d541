import { bench } from '../src/commands/bench.ts';
import { run } from '../src/commands/cli.ts';

await run(bench);
