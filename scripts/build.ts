import { build } from '../src/commands/build.ts';
import { run } from '../src/commands/cli.ts';

await run(build);
