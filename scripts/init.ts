import { init } from '../src/commands/init.ts';
import { run } from '../src/commands/cli.ts';

await run(init);
