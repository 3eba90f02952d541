import { measurePages } from '../src/commands/bench/measure-pages.ts';
import { run } from '../src/commands/cli.ts';

await run(measurePages);
