import { status } from '../src/commands/status.ts';
import { run } from '../src/commands/cli.ts';

await run(status);
