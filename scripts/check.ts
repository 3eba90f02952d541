import { check } from '../src/commands/check.ts';
import { run } from '../src/commands/cli.ts';

await run(check);
