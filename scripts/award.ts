import { award } from '../src/commands/award.ts';
import { run } from '../src/commands/cli.ts';

await run(award);
