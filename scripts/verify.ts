import { run } from '../src/commands/cli.ts';
import { verify } from '../src/commands/verify.ts';

await run(verify);
